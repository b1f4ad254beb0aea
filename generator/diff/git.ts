/**
 * Reads the spec files of a git commit with git itself: `rev-parse` to resolve the ref,
 * `ls-tree` to list the schemas folder, one `cat-file --batch` for the contents. Nothing is
 * checked out and the working tree is not touched.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { isSpecPath, type SpecFiles } from "../load.js";

export class GitError extends Error {}

export interface GitSpecs {
  /** The full commit id the ref resolved to. */
  commit: string;
  /** The schemas folder, relative to the repository root (`.` for the root itself). */
  folder: string;
  files: SpecFiles;
  /** The commit has no such folder (it predates the specs): read as no specs at all. */
  folderMissing?: true;
}

/**
 * The spec files below `schemasPath` (relative to `cwd`, inside the repository) at `ref`.
 * Throws GitError when `cwd` is not in a repository, the ref does not name a commit, or the
 * path is not a folder in that commit; a commit without the folder has no spec files.
 */
export async function readGitSpecs(ref: string, options: { cwd: string; schemasPath: string }): Promise<GitSpecs> {
  // A ref is never an option: `--output=...` must not reach git as one.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a ref holding a control character is refused
  if (ref === "" || ref.startsWith("-") || /[\u0000-\u001f\u007f]/.test(ref))
    throw new GitError(`${JSON.stringify(ref)} is not a folder or a git ref (a ref cannot be empty, start with "-" or hold a control character)`);
  const { cwd } = options;
  const resolved = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], { cwd }).catch(() => undefined);
  const commit = resolved?.toString("utf8").trim();
  if (!commit || !/^[0-9a-f]{40,64}$/.test(commit))
    throw new GitError(`${JSON.stringify(ref)} is not a folder or a git ref${await notARepository(cwd)}`);

  const prefix = (await git(["rev-parse", "--show-prefix"], { cwd })).toString("utf8").trim();
  const folder = path.posix.normalize(path.posix.join(prefix, options.schemasPath.split(path.sep).join("/"))).replace(/\/+$/, "");
  if (folder.startsWith("../") || folder === ".." || path.posix.isAbsolute(folder))
    throw new GitError(`the schemas path ${JSON.stringify(options.schemasPath)} is outside the repository`);
  const tree = `${commit}:${folder === "." ? "" : folder}`;

  // A commit from before the specs existed (the base of the pull request that adds them) has no
  // specs: an empty set, so every offering of the other side is "added" rather than an error.
  const type = await git(["cat-file", "-t", "--end-of-options", tree], { cwd }).then(
    (out) => out.toString("utf8").trim(),
    (error: Error) => {
      // LC_ALL=C keeps these messages as written: "path 'x' does not exist in 'HEAD'", "path 'x' exists on disk, but not in 'HEAD'".
      if (/does not exist in|exists on disk, but not in|not a valid object name/i.test(error.message)) return undefined;
      throw error;
    },
  );
  if (type === undefined) return { commit, folder, files: new Map(), folderMissing: true };
  if (type !== "tree") throw new GitError(`${ref} (${commit.slice(0, 12)}): ${JSON.stringify(folder)} is a ${type}, not a folder`);
  const listing = await git(["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", tree], { cwd });
  const blobs: { file: string; id: string }[] = [];
  for (const entry of listing.toString("utf8").split("\0")) {
    // `<mode> <type> <object>\t<path>`; symlinks (120000) and submodules are not specs.
    const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (match?.[2] !== "blob" || match[1] === "120000" || !isSpecPath(match[4]!)) continue;
    blobs.push({ file: match[4]!, id: match[3]! });
  }
  const contents = await catFiles(
    blobs.map((b) => b.id),
    cwd,
  );
  return { commit, folder, files: new Map(blobs.map((b, i) => [b.file, contents[i]!])) };
}

/** The root of the work tree `cwd` is in, or undefined outside one (or without git). */
export async function repositoryRoot(cwd: string): Promise<string | undefined> {
  const root = await git(["rev-parse", "--show-toplevel"], { cwd }).catch(() => undefined);
  const text = root?.toString("utf8").trim();
  return text ? text : undefined;
}

async function notARepository(cwd: string): Promise<string> {
  const inside = await git(["rev-parse", "--is-inside-work-tree"], { cwd }).catch(() => undefined);
  return inside ? "" : ` (and ${cwd} is not inside a git repository)`;
}

/** One `git cat-file --batch` for every blob: `<id> blob <size>\n<bytes>\n` per object. */
async function catFiles(ids: readonly string[], cwd: string): Promise<Uint8Array[]> {
  if (ids.length === 0) return [];
  const output = await git(["cat-file", "--batch"], { cwd, input: `${ids.join("\n")}\n` });
  const contents: Uint8Array[] = [];
  let offset = 0;
  for (const id of ids) {
    const newline = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, newline).toString("utf8").split(" ");
    if (header[0] !== id || header[1] !== "blob") throw new GitError(`git cat-file: unexpected answer ${JSON.stringify(header.join(" "))} for ${id}`);
    const size = Number(header[2]);
    contents.push(new Uint8Array(output.subarray(newline + 1, newline + 1 + size)));
    offset = newline + 1 + size + 1;
  }
  return contents;
}

function git(args: readonly string[], options: { cwd: string; input?: string }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd: options.cwd,
      stdio: ["pipe", "pipe", "pipe"],
      // No pager, no prompts, no locale-dependent messages.
      env: { ...process.env, GIT_PAGER: "cat", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => reject(new GitError(`cannot run git: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(`git ${args[0]} failed: ${Buffer.concat(err).toString("utf8").trim() || `exit code ${code}`}`));
    });
    // git may exit before reading everything (a bad object id); its exit code tells what happened.
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ?? "");
  });
}
