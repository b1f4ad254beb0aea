/**
 * The write stage in place: when the output folder exists and how it differs from the wanted files
 * is known, only the stale, missing and extra files are touched. The others keep their inode and
 * stat (so `compareOutput`'s stat index stays valid), and one changed offering in a large catalog
 * costs a few renames, not a new folder of thousands of files.
 *
 * 1. Stage: the stale and missing files are written into the staging folder beside the output.
 * 2. Journal: the retired folder gets `journal.json` (what is replaced, removed, added, and the
 *    folders the commit creates) before the output is touched.
 * 3. Commit: stale and extra files move into the retired folder, staged files move into their
 *    places, folders the extras emptied are removed. A failure undoes what was done, in reverse.
 * Deleting the journal is the commit point: a dead run's retired folder that still holds one is put
 * back by the next run (`rollBack`).
 */
import path from "node:path";
import { compareText } from "./diagnostics.js";
import type { GeneratedFile } from "./model.js";
import type { OutputDifference, WriteFs } from "./write.js";

const JOURNAL = "journal.json";
/** The retired files' folder inside the retired folder (apart from the journal, whatever their names). */
const FILES = "files";

interface Journal {
  /** Stale files: moved into the retired folder, their new text put in their place. */
  replaced: string[];
  /** Extra files: moved into the retired folder. */
  removed: string[];
  /** Missing files: put in place. */
  added: string[];
  /** Folders of the output the commit creates for added files, parents first. */
  created: string[];
}

/** Where the run stages its files and retires the old ones (see `writeOutput`). */
export interface WriteFolders {
  staging: string;
  retired: string;
}

/**
 * Whether two of the paths differ only in case: on a file system that ignores case they are one
 * file, which the commit would move twice. The whole folder is written then.
 */
function caseClash(paths: readonly string[]): boolean {
  return new Set(paths.map((file) => file.toLowerCase())).size !== paths.length;
}

/**
 * Brings `target` to `files` by changing only what `difference` names. Returns false, having done
 * nothing, when a path to add is taken (a folder where a file goes) or two paths clash in case:
 * the caller writes the whole folder then.
 */
export function patchOutput(
  target: string,
  files: readonly GeneratedFile[],
  difference: OutputDifference,
  folders: WriteFolders,
  fs: WriteFs,
): boolean {
  const { stale, missing: added, extra } = difference;
  if (added.some((file) => fs.stat(inside(target, file)) !== undefined) || caseClash([...stale, ...added, ...extra])) return false;
  const { staging, retired } = folders;
  const texts = new Map<string, GeneratedFile>();
  for (const file of files) texts.set(file.path, file);
  const written = [...stale, ...added];
  try {
    fs.mkdir(staging, { recursive: true });
    for (const folder of foldersOf(written)) fs.mkdir(inside(staging, folder));
    for (const file of written) {
      const wanted = texts.get(file);
      if (!wanted) throw new Error(`the output's difference names ${file}, which is not among the files to write`);
      fs.writeFile(inside(staging, file), wanted.contents);
    }
    const journal: Journal = { replaced: stale, removed: extra, added, created: foldersToCreate(target, added, fs) };
    try {
      fs.mkdir(retired);
      fs.writeFile(path.join(retired, JOURNAL), JSON.stringify(journal));
    } catch (error) {
      fs.rm(retired, { recursive: true, force: true });
      throw error;
    }
    commit(target, journal, folders, fs);
    return true;
  } finally {
    fs.rm(staging, { recursive: true, force: true });
  }
}

/** Step 3, each change paired with its undo; a failure runs the undos done so far, last first. */
function commit(target: string, journal: Journal, { staging, retired }: WriteFolders, fs: WriteFs): void {
  const undo: (() => void)[] = [];
  const retiredFiles = path.join(retired, FILES);
  try {
    const retiredFolders = new Set<string>();
    for (const file of [...journal.replaced, ...journal.removed]) {
      for (const folder of ["", ...foldersOf([file])]) {
        if (retiredFolders.has(folder)) continue;
        fs.mkdir(inside(retiredFiles, folder));
        retiredFolders.add(folder);
      }
      const [place, aside] = [inside(target, file), inside(retiredFiles, file)];
      fs.rename(place, aside);
      // Back over its place: that also takes away the new text put there since.
      undo.push(() => fs.rename(aside, place));
    }
    for (const folder of journal.created) {
      fs.mkdir(inside(target, folder));
      undo.push(() => fs.rmdir(inside(target, folder)));
    }
    for (const file of journal.replaced) fs.rename(inside(staging, file), inside(target, file));
    for (const file of journal.added) {
      const place = inside(target, file);
      fs.rename(inside(staging, file), place);
      undo.push(() => fs.rm(place));
    }
    for (const folder of foldersOf(journal.removed).reverse()) {
      if (removeIfEmpty(inside(target, folder), fs)) undo.push(() => fs.mkdir(inside(target, folder)));
    }
  } catch (cause) {
    let failed: unknown;
    for (const step of undo.reverse()) {
      try {
        step();
      } catch (error) {
        failed ??= error;
      }
    }
    if (failed !== undefined) throw notRestored(target, retired, cause, failed);
    try {
      fs.rm(path.join(retired, JOURNAL));
      fs.rm(retired, { recursive: true, force: true });
    } catch {
      // The output is back as it was; a folder left here is tidied by a later run. The error that matters is the first.
    }
    throw cause;
  }
  fs.rm(path.join(retired, JOURNAL));
  fs.rm(retired, { recursive: true, force: true });
}

function notRestored(target: string, retired: string, cause: unknown, error: unknown): Error {
  return new Error(
    `could not write ${target} (${(cause as Error).message}) nor put the previous files back (${(error as Error).message}); ` +
      `they are in ${path.join(retired, FILES)}, listed in ${path.join(retired, JOURNAL)}, and the next run puts them back`,
    { cause },
  );
}

/** Whether a retired folder is an in-place write's that did not finish (else it is a whole previous output). */
export function hasJournal(folder: string, fs: WriteFs): boolean {
  return fs.stat(path.join(folder, JOURNAL)) !== undefined;
}

/**
 * A dead run's retired folder that holds a journal: its commit did not finish, so the output is put
 * back as it was (added files removed, the folders made for them removed when empty, retired files
 * renamed back over their places) and the folder deleted. A journal that is not JSON was being
 * written when the run died, before it touched the output: the folder is only deleted.
 * Returns whether the output was changed.
 */
export function rollBack(folder: string, target: string, fs: WriteFs): boolean {
  const journalFile = path.join(folder, JOURNAL);
  const text = fs.readFile(journalFile);
  let journal: unknown;
  try {
    journal = JSON.parse(text);
  } catch {
    journal = undefined;
  }
  if (journal === undefined) {
    fs.rm(folder, { recursive: true, force: true });
    return false;
  }
  if (!isJournal(journal))
    throw new Error(`${journalFile}: not a journal this generator wrote; the files it lists are in ${path.join(folder, FILES)}`);
  for (const file of journal.added) fs.rm(inside(target, file), { force: true });
  for (const created of [...journal.created].reverse()) removeIfEmpty(inside(target, created), fs);
  for (const file of [...journal.replaced, ...journal.removed]) {
    const aside = inside(path.join(folder, FILES), file);
    if (fs.stat(aside) === undefined) continue; // never moved, or already put back
    const place = inside(target, file);
    fs.mkdir(path.dirname(place), { recursive: true });
    fs.rename(aside, place);
  }
  fs.rm(journalFile);
  fs.rm(folder, { recursive: true, force: true });
  return true;
}

function isJournal(value: unknown): value is Journal {
  if (typeof value !== "object" || value === null) return false;
  const lists = ["replaced", "removed", "added", "created"].map((key) => (value as Record<string, unknown>)[key]);
  return lists.every((list) => Array.isArray(list) && list.every(isRelativePath));
}

/** A `/`-separated path that stays inside its folder: a journal is read from disk, so it is not trusted to. */
function isRelativePath(value: unknown): boolean {
  return typeof value === "string" && value.split("/").every((part) => part !== "" && part !== "." && part !== ".." && !/[\\\0]/.test(part));
}

/** The folders above the added files that the output lacks (or holds as files, extras that go first), parents first. */
function foldersToCreate(target: string, added: readonly string[], fs: WriteFs): string[] {
  const created: string[] = [];
  const missing = new Set<string>();
  for (const folder of foldersOf(added)) {
    const parent = folder.includes("/") ? folder.slice(0, folder.lastIndexOf("/")) : "";
    if (missing.has(parent) || !fs.stat(inside(target, folder))?.isDirectory()) {
      missing.add(folder);
      created.push(folder);
    }
  }
  return created;
}

/** Removes an empty folder; a folder that still holds something stays. Whether it was removed. */
function removeIfEmpty(folder: string, fs: WriteFs): boolean {
  try {
    fs.rmdir(folder);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOENT") return false;
    throw error;
  }
}

/** The folders the files are in, with every folder above them, parents first. */
export function foldersOf(files: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const file of files) {
    for (let end = file.indexOf("/"); end > 0; end = file.indexOf("/", end + 1)) folders.add(file.slice(0, end));
  }
  return [...folders].sort(compareText);
}

/** A `/`-separated path inside `root` (the root itself for ""). */
function inside(root: string, relative: string): string {
  return relative === "" ? root : path.join(root, ...relative.split("/"));
}
