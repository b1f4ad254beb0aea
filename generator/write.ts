/**
 * Stage: write the output folder atomically, or compare it with what is on disk (`--check`).
 * A run that fails anywhere leaves the old folder exactly as it was, and no staging folder behind.
 */
import * as nodeFs from "node:fs/promises";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { compareText } from "./diagnostics.js";
import { sha256 } from "./cache.js";
import { eachConcurrently } from "./io.js";
import type { GeneratedFile } from "./model.js";

/** The file operations the write stage uses; tests pass failing ones. */
export type WriteFs = Pick<typeof nodeFs, "mkdir" | "readdir" | "rename" | "rm" | "stat" | "writeFile">;

let writes = 0;

/**
 * Files go to a staging folder beside `outDir`; then the old folder is moved aside, the staging
 * folder takes its name, and the old one is deleted. If the second rename fails, the old folder is
 * moved back. Folders an earlier run left behind when its process died are tidied first.
 */
export async function writeOutput(outDir: string, files: readonly GeneratedFile[], fs: WriteFs = nodeFs): Promise<void> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  await tidyLeftovers(target, fs);
  // pid (so a later run can tell a dead run's folders) and a counter (for calls within one process).
  const tag = `${process.pid}-${++writes}`;
  const staging = path.join(parent, `.${base}.modelspec-new-${tag}`);
  const retired = path.join(parent, `.${base}.modelspec-old-${tag}`);
  try {
    await fs.mkdir(staging, { recursive: true });
    const folders = [...new Set(files.map((file) => path.dirname(path.join(staging, ...file.path.split("/")))))].sort(compareText);
    for (const folder of folders) await fs.mkdir(folder, { recursive: true });
    await eachConcurrently(files, (file) => fs.writeFile(path.join(staging, ...file.path.split("/")), file.contents));
    const exists = await fs.stat(target).then(
      () => true,
      () => false,
    );
    if (exists) await fs.rename(target, retired);
    try {
      await fs.rename(staging, target);
    } catch (error) {
      if (exists) await restore(retired, target, error, fs);
      throw error;
    }
    if (exists) await fs.rm(retired, { recursive: true, force: true });
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

async function restore(retired: string, target: string, cause: unknown, fs: WriteFs): Promise<void> {
  try {
    await fs.rename(retired, target);
  } catch (error) {
    throw new Error(
      `could not write ${target} (${(cause as Error).message}) nor put the previous output back (${(error as Error).message}); it is in ${retired}`,
      { cause },
    );
  }
}

const LEFTOVER = /^\.(.*)\.modelspec-(new|old)-(\d+)(?:-\d+)?$/;

/**
 * Staging and retired folders of runs whose process is gone: a staging folder is deleted; a retired
 * folder is the previous output, so it is put back if the output folder is missing, else deleted.
 * Folders of live processes (another run writing right now) are left alone.
 */
async function tidyLeftovers(target: string, fs: WriteFs): Promise<void> {
  const parent = path.dirname(target);
  const entries = await fs.readdir(parent).catch(() => [] as string[]);
  for (const name of [...entries].sort(compareText)) {
    const match = LEFTOVER.exec(name);
    if (!match || match[1] !== path.basename(target) || isRunning(Number(match[3]))) continue;
    const folder = path.join(parent, name);
    const missing = await fs.stat(target).then(
      () => false,
      () => true,
    );
    if (match[2] === "old" && missing) await fs.rename(folder, target);
    else await fs.rm(folder, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface OutputDifference {
  stale: string[];
  missing: string[];
  extra: string[];
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out;
}

export async function compareOutput(outDir: string, files: readonly GeneratedFile[]): Promise<OutputDifference> {
  const expected = new Map(files.map((f) => [f.path, f]));
  const actual = await listFiles(outDir);
  const difference: OutputDifference = { stale: [], missing: [], extra: [] };
  await eachConcurrently([...expected], async ([file, wanted]) => {
    const onDisk = await readFile(path.join(outDir, ...file.split("/")), "utf8").catch(() => undefined);
    if (onDisk === undefined) difference.missing.push(file);
    else if (wanted.sha256 !== undefined ? sha256(onDisk) !== wanted.sha256 : onDisk !== wanted.contents) difference.stale.push(file);
  });
  difference.extra = actual.filter((f) => !expected.has(f));
  for (const list of Object.values(difference)) list.sort(compareText);
  return difference;
}
