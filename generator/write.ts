/**
 * Stage: write the output folder, or compare it with what is on disk (`--check`).
 * A run that fails anywhere leaves the old folder exactly as it was, and no staging folder behind.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, type Stats } from "node:fs";
import path from "node:path";
import { NO_CACHE, sha256, type Cache } from "./cache.js";
import { compareText } from "./diagnostics.js";
import type { GeneratedFile } from "./model.js";
import { textHash } from "./recall.js";
import { foldersOf, hasJournal, patchOutput, rollBack } from "./write-patch.js";

/**
 * The file operations the write stage uses; tests pass failing ones. Synchronous: the stage is
 * thousands of stats and small writes to the page cache, each far cheaper than the thread
 * hand-off an asynchronous call costs.
 */
export interface WriteFs {
  mkdir: typeof mkdirSync;
  readdir: (folder: string) => string[];
  readFile: (file: string) => string;
  rename: typeof renameSync;
  rm: typeof rmSync;
  rmdir: typeof rmdirSync;
  stat: (file: string) => Stats | undefined;
  writeFile: typeof writeFileSync;
}

/** The real file system. */
export const NODE_WRITE_FS: WriteFs = {
  mkdir: mkdirSync,
  readdir: (folder) => readdirSync(folder),
  readFile: (file) => readFileSync(file, "utf8"),
  rename: renameSync,
  rm: rmSync,
  rmdir: rmdirSync,
  stat: statOf,
  writeFile: writeFileSync,
};

/** A path's stat, or undefined when nothing is there (also when a folder above it is a file). */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw error;
  }
}

export interface WriteOptions {
  fs?: WriteFs;
  /** How the folder differs from `files` (`compareOutput`): then only those files are touched (write-patch.ts). */
  difference?: OutputDifference;
}

let writes = 0;

/**
 * Given how the existing folder differs (`compareOutput`), only the stale, missing and extra files
 * change, in place, each step undone on a failure (`patchOutput`). Otherwise, or when the folder
 * changed since it was compared (a dead run's folders were put back), every file goes to a staging
 * folder beside `outDir`; the old folder is moved aside, the staging folder takes its name, and the
 * old one is deleted; if the second rename fails, the old folder is moved back. Folders an earlier
 * run left behind when its process died are tidied first.
 */
export async function writeOutput(outDir: string, files: readonly GeneratedFile[], options: WriteOptions = {}): Promise<void> {
  const { fs = NODE_WRITE_FS, difference } = options;
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  const changed = tidyLeftovers(target, fs);
  // pid (so a later run can tell a dead run's folders) and a counter (for calls within one process).
  const tag = `${process.pid}-${++writes}`;
  const staging = path.join(parent, `.${base}.modelspec-new-${tag}`);
  const retired = path.join(parent, `.${base}.modelspec-old-${tag}`);
  if (difference && !changed && fs.stat(target)?.isDirectory() && patchOutput(target, files, difference, { staging, retired }, fs)) return;
  try {
    fs.mkdir(staging, { recursive: true });
    // Every folder once, each after its parent: a plain mkdir each, not a recursive one's walk.
    for (const folder of foldersOf(files.map((file) => file.path))) fs.mkdir(path.join(staging, ...folder.split("/")));
    for (const file of files) fs.writeFile(path.join(staging, ...file.path.split("/")), file.contents);
    const exists = fs.stat(target) !== undefined;
    if (exists) fs.rename(target, retired);
    try {
      fs.rename(staging, target);
    } catch (error) {
      if (exists) restore(retired, target, error, fs);
      throw error;
    }
    if (exists) fs.rm(retired, { recursive: true, force: true });
  } finally {
    fs.rm(staging, { recursive: true, force: true });
  }
}

/** The files a write must put down as text: those the folder lacks or holds otherwise. */
export function rewritten(difference: OutputDifference): Set<string> {
  return new Set([...difference.stale, ...difference.missing]);
}

/**
 * Reads now the texts a write of `files` will put down (a recalled file's text is read when first
 * asked for), so a text the cache lost throws `MissingCachedText` before anything is written.
 */
export function readTextsToWrite(files: readonly GeneratedFile[], difference: OutputDifference): void {
  const toWrite = rewritten(difference);
  for (const file of files) if (toWrite.has(file.path)) void file.contents;
}

function restore(retired: string, target: string, cause: unknown, fs: WriteFs): void {
  try {
    fs.rename(retired, target);
  } catch (error) {
    throw new Error(
      `could not write ${target} (${(cause as Error).message}) nor put the previous output back (${(error as Error).message}); it is in ${retired}`,
      { cause },
    );
  }
}

const LEFTOVER = /^\.(.*)\.modelspec-(new|old)-(\d+)(?:-\d+)?$/;

/**
 * Staging and retired folders of runs whose process is gone: a staging folder is deleted. A retired
 * folder with a journal holds the files of an unfinished in-place write, which are put back
 * (`rollBack`); one without is a whole previous output, put back if the output folder is missing,
 * else deleted. Folders of live processes (another run writing right now) are left alone.
 * Returns whether the output folder was changed.
 */
function tidyLeftovers(target: string, fs: WriteFs): boolean {
  const parent = path.dirname(target);
  let entries: string[];
  try {
    entries = fs.readdir(parent);
  } catch {
    return false; // no parent folder yet: nothing left behind
  }
  let changed = false;
  for (const name of [...entries].sort(compareText)) {
    const match = LEFTOVER.exec(name);
    if (!match || match[1] !== path.basename(target) || isRunning(Number(match[3]))) continue;
    const folder = path.join(parent, name);
    if (match[2] === "old" && hasJournal(folder, fs)) changed = rollBack(folder, target, fs) || changed;
    else if (match[2] === "old" && fs.stat(target) === undefined) {
      fs.rename(folder, target);
      changed = true;
    } else fs.rm(folder, { recursive: true, force: true });
  }
  return changed;
}

/** Whether a process of this machine is alive (this one counts). */
export function isRunning(pid: number): boolean {
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

function listFiles(dir: string, prefix = ""): string[] {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}

/**
 * What the output folder held when last compared: each file's stat with the hash of its text, so a
 * file whose stat is unchanged is not read again (git's index does the same). Kept in the cache
 * under the folder's path; a file is recorded only when its last change is old enough that a later
 * edit cannot leave its stat as it was (see `isSettled`).
 */
type StatIndex = Record<string, [size: number, mtimeMs: number, ctimeMs: number, ino: number, dev: number, sha256: string]>;

/**
 * A file changed twice within one tick of the clock that stamps files keeps its mtime and ctime,
 * so a stat taken between the two changes cannot tell them apart: git calls such files "racily
 * clean" and reads them again. A file is trusted by its stat only when its last change came a
 * margin before the run started: then any later change falls on a later tick and shows. The margin
 * covers the tick of file systems that stamp in nanoseconds (the kernel's clock advances every few
 * milliseconds); those that stamp in whole seconds (FAT, HFS+, ext3) need two seconds and more.
 */
const SETTLED_MS = 100;
const SETTLED_WHOLE_SECONDS_MS = 3000;

const statKey = (stat: Stats) => [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, stat.dev] as const;
/** ctime too: it cannot be set back, so an edit whose mtime was restored still shows. */
function isSettled(stat: Stats, readAt: number): boolean {
  const changed = Math.max(stat.mtimeMs, stat.ctimeMs);
  const wholeSeconds = stat.mtimeMs % 1000 === 0 && stat.ctimeMs % 1000 === 0;
  return changed < readAt - (wholeSeconds ? SETTLED_WHOLE_SECONDS_MS : SETTLED_MS);
}

/** Whether a stat is the one an index entry recorded. */
function sameStat(stat: Stats, entry: StatIndex[string]): boolean {
  return statKey(stat).every((value, i) => value === entry[i]);
}

export interface CompareOptions {
  /** Where the stat index is kept between runs; without one every file is read. */
  cache?: Cache;
  /** The clock (tests move it on instead of waiting). */
  now?: () => number;
  /** Reads a file's bytes (tests count the reads). */
  readFile?: (file: string) => Buffer;
}

/**
 * How the output folder differs from `files`: stale (other text), missing and extra files. A file
 * is compared by its hash when it carries one (a recalled run), else by its text; with a cache, a
 * file whose stat matches the index is taken to hold the text it held when recorded.
 */
export async function compareOutput(outDir: string, files: readonly GeneratedFile[], options: CompareOptions = {}): Promise<OutputDifference> {
  const { cache = NO_CACHE, now = Date.now, readFile = readFileSync } = options;
  const folder = path.resolve(outDir);
  const recorded = readIndex(cache, folder);
  const index: StatIndex = {};
  let changed = false;
  const difference: OutputDifference = { stale: [], missing: [], extra: [] };
  // Taken before any stat, so every file's read comes after it.
  const readAt = now();
  for (const wanted of files) {
    // Joined by hand: path.join per file is a tenth of the comparison's time at thousands of files.
    const file = `${folder}${path.sep}${path.sep === "/" ? wanted.path : wanted.path.split("/").join(path.sep)}`;
    // The stat before the read: an edit in between then shows as a stat that no longer matches.
    const stat = statOf(file);
    if (!stat?.isFile()) {
      difference.missing.push(wanted.path);
      continue;
    }
    const key = statKey(stat);
    const known = recorded[wanted.path];
    let hash = known && sameStat(stat, known) ? known[5] : undefined;
    if (hash !== undefined) {
      index[wanted.path] = known!;
      if (hash !== textHash(wanted)) difference.stale.push(wanted.path);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFile(file);
    } catch {
      difference.missing.push(wanted.path);
      continue;
    }
    hash = sha256(bytes);
    const same = wanted.sha256 !== undefined ? hash === wanted.sha256 : bytes.equals(Buffer.from(wanted.contents));
    if (!same) difference.stale.push(wanted.path);
    if (isSettled(stat, readAt)) {
      index[wanted.path] = [...key, hash];
      changed = true;
    }
  }
  const expected = new Set(files.map((file) => file.path));
  difference.extra = listFiles(folder).filter((file) => !expected.has(file));
  for (const list of Object.values(difference)) list.sort(compareText);
  if (changed || Object.keys(index).length !== Object.keys(recorded).length) cache.set(INDEX_STEP, folder, JSON.stringify(index));
  return difference;
}

const INDEX_STEP = "output-stat";

function readIndex(cache: Cache, folder: string): StatIndex {
  const text = cache.get(INDEX_STEP, folder);
  if (text === undefined) return {};
  try {
    const index = JSON.parse(text) as StatIndex;
    return typeof index === "object" && index !== null && !Array.isArray(index) ? index : {};
  } catch {
    return {};
  }
}
