/**
 * The git-ref path of `modelspec diff` on a temporary repository: two commits, a dirty working
 * tree, refs that do not resolve, and a folder the commit does not have. Nothing touches the network.
 */
import { execFileSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { readGitSpecs } from "../../generator/diff/git.js";
import { MINIMAL_SPECS } from "../helpers.js";
import { edit, runDiff, writeSpecs } from "./helpers.js";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";

const TINY = "acme/tiny.yaml";
let repo: string;
let first: string;
let second: string;

function git(...args: string[]): string {
  return gitWith({}, ...args);
}

function gitWith(env: Record<string, string>, ...args: string[]): string {
  return execFileSync("git", ["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", ...args], {
    cwd: repo,
    encoding: "utf8",
    env: {
      ...env,
      ...process.env,
      GIT_AUTHOR_NAME: "Test",
      GIT_AUTHOR_EMAIL: "test@example.invalid",
      GIT_COMMITTER_NAME: "Test",
      GIT_COMMITTER_EMAIL: "test@example.invalid",
      GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z",
      GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
    },
  }).trim();
}

beforeAll(async () => {
  repo = await mkdtemp(path.join(os.tmpdir(), "modelspec-diff-git-"));
  git("init", "--quiet");
  await writeFile(path.join(repo, "README.md"), "a repository before it had specs\n");
  git("add", "-A");
  git("commit", "--quiet", "-m", "no specs yet");
  await writeSpecs(path.join(repo, "schemas"), MINIMAL_SPECS);
  // Not specs: ignored by the loader, whether in the folder or in git.
  await writeFile(path.join(repo, "schemas", "README.md"), "# specs\n");
  git("add", "-A");
  git("commit", "--quiet", "-m", "specs");
  first = git("rev-parse", "HEAD");
  await writeSpecs(path.join(repo, "schemas"), edit(MINIMAL_SPECS, TINY, "contextWindow: 8000", "contextWindow: 4000"));
  git("commit", "--quiet", "-am", "smaller context window");
  second = git("rev-parse", "HEAD");
  git("tag", "v2");
  // A commit that is never checked out: made with plumbing in a scratch index, tagged, not on HEAD.
  const index = { GIT_INDEX_FILE: path.join(repo, ".git", "scratch-index") };
  const shared = MINIMAL_SPECS["acme/shared/chat.yaml"]!.replace("enum: [user, assistant]", "enum: [user]");
  const blob = execFileSync("git", ["hash-object", "-w", "--stdin"], { cwd: repo, input: shared, encoding: "utf8" }).trim();
  gitWith(index, "read-tree", "HEAD");
  gitWith(index, "update-index", "--cacheinfo", `100644,${blob},schemas/acme/shared/chat.yaml`);
  const tree = gitWith(index, "write-tree");
  git("tag", "shared-edit", git("commit-tree", tree, "-p", "HEAD", "-m", "assistant messages no longer accepted"));
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe("modelspec diff on git refs", () => {
  it("reads a commit's spec files without checking anything out", async () => {
    const { commit, files } = await readGitSpecs("HEAD~1", { cwd: repo, schemasPath: "schemas" });
    expect(commit).toBe(first);
    expect([...files.keys()].sort()).toEqual(["acme/provider.yaml", "acme/shared/chat.yaml", "acme/tiny.yaml"]);
    expect(new TextDecoder().decode(files.get(TINY))).toBe(MINIMAL_SPECS[TINY]);
  });

  it("reads a shared file of a commit that was never checked out", async () => {
    const { code, out } = await runDiff(["--base", "v2", "--head", "shared-edit", "--format", "json", "-C", repo]);
    expect(code).toBe(0);
    expect(JSON.parse(out).changes).toEqual([
      {
        offering: "acme/tiny",
        schema: "request",
        pointer: "/properties/messages/items/properties/role/enum",
        kind: "enum-value-removed",
        severity: "breaking",
        message: 'enum value "assistant" removed [shared definition Message]',
        file: "schemas/acme/shared/chat.yaml",
        line: 6,
      },
    ]);
    expect(git("rev-parse", "HEAD")).toBe(second);
    expect(await readFile(path.join(repo, "schemas", "acme", "shared", "chat.yaml"), "utf8")).toBe(MINIMAL_SPECS["acme/shared/chat.yaml"]);
  });

  it("diffs two refs", async () => {
    const { code, out } = await runDiff(["--base", "HEAD~1", "--head", "v2", "--format", "json", "-C", repo]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.base).toEqual({ kind: "git", ref: "HEAD~1", commit: first });
    expect(report.head).toEqual({ kind: "git", ref: "v2", commit: second });
    expect(report.changes).toEqual([
      {
        offering: "acme/tiny",
        schema: "meta",
        pointer: "/contextWindow",
        kind: "context-window-lowered",
        severity: "breaking",
        message: "context window lowered from 8000 to 4000 tokens",
        file: "schemas/acme/tiny.yaml",
        line: 7,
      },
    ]);
  });

  it("diffs a ref against the working tree, and leaves the working tree alone", async () => {
    const file = path.join(repo, "schemas", TINY);
    const committed = await readFile(file, "utf8");
    await writeFile(file, committed.replace("status: available", "status: deprecated"));
    try {
      const status = git("status", "--porcelain");
      const { code, out } = await runDiff(["--base", "HEAD", "--format", "json", "--fail-on", "warning", "-C", repo]);
      expect(code).toBe(1);
      const report = JSON.parse(out);
      expect(report.head).toEqual({ kind: "folder", path: "schemas" });
      expect(report.changes.map((c: { kind: string; severity: string }) => [c.kind, c.severity])).toEqual([["status-changed", "warning"]]);
      expect(git("status", "--porcelain")).toBe(status);
      expect(git("rev-parse", "HEAD")).toBe(second);
      // Against the older commit both edits show, worst first.
      const older = JSON.parse((await runDiff(["--base", first, "--format", "json", "-C", repo])).out);
      expect(older.changes.map((c: { kind: string }) => c.kind)).toEqual(["context-window-lowered", "status-changed"]);
    } finally {
      await writeFile(file, committed);
    }
  });

  it("finds the schemas folder from a subfolder of the repository, and names files from the repository root", async () => {
    const { code, out } = await runDiff([
      "--base",
      "HEAD~1",
      "--head",
      "HEAD",
      "--format",
      "json",
      "-C",
      path.join(repo, "schemas"),
      "--schemas-path",
      ".",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out).changes.map((c: { kind: string; file: string; line: number }) => [c.kind, c.file, c.line])).toEqual([
      ["context-window-lowered", "schemas/acme/tiny.yaml", 7],
    ]);
  });

  it("names the files of a head folder given as an absolute path, or from a subfolder, from the repository root (as annotations need)", async () => {
    const absolute = await runDiff(["--base", "HEAD~1", "--head", path.join(repo, "schemas"), "--format", "github", "-C", repo]);
    const relative = await runDiff([
      "--base",
      "HEAD~1",
      "--head",
      ".",
      "--format",
      "github",
      "-C",
      path.join(repo, "schemas"),
      "--schemas-path",
      ".",
    ]);
    const want =
      "::error file=schemas/acme/tiny.yaml,line=7,title=breaking meta change in acme/tiny (context-window-lowered)::acme/tiny meta /contextWindow: context window lowered from 8000 to 4000 tokens";
    expect([absolute.code, absolute.out]).toEqual([0, want]);
    expect([relative.code, relative.out]).toEqual([0, want]);
  });

  it("reads a commit from before the schemas folder existed as no specs: every offering is added, nothing breaks", async () => {
    const json = await runDiff(["--base", "HEAD~2", "--head", "v2", "--format", "json", "--fail-on", "breaking", "-C", repo]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    expect(report.base).toEqual({ kind: "git", ref: "HEAD~2", commit: git("rev-parse", "HEAD~2"), folderMissing: true });
    expect(report.changes).toEqual([
      {
        offering: "acme/tiny",
        schema: "meta",
        pointer: "",
        kind: "offering-added",
        severity: "non-breaking",
        message: 'offering "acme/tiny" (model "acme-tiny-1") added',
        file: "schemas/acme/tiny.yaml",
        line: 1,
      },
    ]);
    const markdown = await runDiff(["--base", "HEAD~2", "--head", "v2", "-C", repo]);
    expect(markdown.code).toBe(0);
    expect(markdown.out).toMatch(/\n_`HEAD~2 \([0-9a-f]{12}\)` has no schemas folder, so it counts as having no specs\._\n/);
    // The other way round, every offering is removed.
    const removed = await runDiff(["--base", "v2", "--head", "HEAD~2", "--format", "json", "--fail-on", "breaking", "-C", repo]);
    expect(removed.code).toBe(1);
    expect(JSON.parse(removed.out).changes.map((c: { kind: string }) => c.kind)).toEqual(["offering-removed"]);
  });

  it.each([
    ["a ref that does not exist", ["--base", "no-such-branch"], /"no-such-branch" is not a folder or a git ref/],
    [
      "a folder that does not exist",
      ["--base", "old/schemas"],
      /the base specs \(old\/schemas\) do not load: "old\/schemas" is not a folder or a git ref/,
    ],
    // Refused before git is asked (git would only say it names no commit): the reason is the guard's.
    ["a ref that looks like an option", ["--base=--output=/tmp/x"], /is not a folder or a git ref \(a ref cannot be empty, start with "-"/],
    [
      "a schemas path that is a file in the commit",
      ["--base", "HEAD", "--schemas-path", "README.md"],
      /HEAD \([0-9a-f]{12}\): "README.md" is a blob, not a folder/,
    ],
    ["a schemas path outside the repository", ["--base", "HEAD", "--schemas-path", "../elsewhere", "--head", "HEAD"], /outside the repository/],
  ])("exits 2 on %s", async (_name, args, message) => {
    const { code, out, err } = await runDiff([...args, "-C", repo]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(message);
  });

  it("exits 2 with the spec errors when a ref's specs are malformed", async () => {
    const file = path.join(repo, "schemas", TINY);
    const committed = await readFile(file, "utf8");
    await writeFile(file, committed.replace("contextWindow: 4000", "contextWindow: lots"));
    git("commit", "--quiet", "-am", "broken");
    try {
      const { code, err } = await runDiff(["--base", "HEAD~1", "--head", "HEAD", "-C", repo]);
      expect(code).toBe(2);
      expect(err).toContain("the head specs (HEAD) do not load:");
      expect(err).toMatch(/acme\/tiny\.yaml:7:16: \/contextWindow: must be integer, found string/);
    } finally {
      git("reset", "--quiet", "--hard", second);
    }
  });

  it("exits 2 outside a repository", async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), "modelspec-diff-norepo-"));
    try {
      const { code, err } = await runDiff(["--base", "main", "-C", outside]);
      expect(code).toBe(2);
      expect(err).toMatch(/"main" is not a folder or a git ref/);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
