/**
 * One side of a diff: a schemas folder or a git ref, read into spec files, loaded through the same
 * pipeline as `generate` (parse, check, resolve, normalize), with a locator for spec positions.
 */
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { SpecError } from "../diagnostics.js";
import { loadModel } from "../generate.js";
import { parseSpecFiles, readSpecDir, type SpecFiles } from "../load.js";
import type { Model, SourcePosition } from "../model.js";
import { resolveOptions } from "../options.js";
import { readGitSpecs, repositoryRoot } from "./git.js";
import type { KeyFinder, Locator } from "./models.js";

/** What a side was read from, as printed in the JSON output (no absolute paths). */
export type SourceInfo =
  | { kind: "folder"; path: string }
  /** `folderMissing`: the commit has no schemas folder (it predates the specs) and counts as no specs. */
  | { kind: "git"; ref: string; commit: string; folderMissing?: true };

export interface LoadedVersion {
  source: SourceInfo;
  model: Model;
  locate: Locator;
  keyOf: KeyFinder;
  /**
   * The schemas folder as annotations name it: relative to the repository root (what GitHub
   * expects), or, outside a repository, to the folder the command runs in.
   */
  folder: string;
}

/** Thrown when a side's specs do not load; carries which side, for the message. */
export class VersionError extends Error {
  constructor(
    readonly side: "base" | "head",
    readonly label: string,
    override readonly cause: Error,
  ) {
    super(`the ${side} specs (${label}) do not load:${cause instanceof SpecError ? "\n" : " "}${cause.message}`);
  }
}

/** A folder argument is a schemas folder; anything else is a git ref. */
export async function readVersion(
  arg: string,
  options: { cwd: string; schemasPath: string },
): Promise<{ source: SourceInfo; files: SpecFiles; folder: string }> {
  const folder = path.resolve(options.cwd, arg);
  const info = await stat(folder).catch(() => undefined);
  if (info?.isDirectory()) return { source: { kind: "folder", path: arg }, files: await readSpecDir(folder), folder: await displayFolder(folder, arg, options.cwd) };
  const git = await readGitSpecs(arg, options);
  const source: SourceInfo = { kind: "git", ref: arg, commit: git.commit, ...(git.folderMissing ? { folderMissing: true as const } : {}) };
  return { source, files: git.files, folder: git.folder };
}

/** A folder relative to the repository root it is in, else to `cwd`, else as given. */
async function displayFolder(folder: string, arg: string, cwd: string): Promise<string> {
  const real = await realpath(folder).catch(() => folder);
  const root = await repositoryRoot(cwd);
  for (const base of [root && (await realpath(root).catch(() => root)), await realpath(cwd).catch(() => cwd)]) {
    if (base === undefined) continue;
    const relative = path.relative(base, real);
    if (!relative.startsWith("..") && !path.isAbsolute(relative)) return relative === "" ? "." : relative.split(path.sep).join("/");
  }
  return arg;
}

export async function loadVersion(side: "base" | "head", arg: string, options: { cwd: string; schemasPath: string }): Promise<LoadedVersion> {
  try {
    const { source, files, folder } = await readVersion(arg, options);
    const model = loadModel(files);
    return { source, model, ...specPositions(files), folder };
  } catch (error) {
    throw new VersionError(side, arg, error as Error);
  }
}

/** Positions of every value in every spec file, for changes outside the schemas (model id, limits, transports). */
export function specLocator(files: SpecFiles): Locator {
  return specPositions(files).locate;
}

/**
 * Both finders over one parse. `locate` gives where a pointer's value was written; `keyOf` gives,
 * for a value's position, where its key was written. A block mapping starts on the line after its
 * key (`instructions:` then `  type: string`), and an annotation belongs on the key's line.
 */
export function specPositions(files: SpecFiles): { locate: Locator; keyOf: KeyFinder } {
  const parsed = parseSpecFiles(files, resolveOptions());
  const byFile = new Map<string, ReadonlyMap<string, SourcePosition>>(parsed.files.map((f) => [f.file, f.positions]));
  const keys = new Map<string, SourcePosition>();
  const where = (p: SourcePosition) => `${p.file}\u0000${p.line}\u0000${p.column}`;
  for (const f of parsed.files) {
    for (const [pointer, key] of f.keyPositions) {
      const value = f.positions.get(pointer);
      if (value && !keys.has(where(value))) keys.set(where(value), key);
    }
  }
  return { locate: (file, pointer) => byFile.get(file)?.get(pointer), keyOf: (position) => keys.get(where(position)) };
}

export function describeSource(source: SourceInfo): string {
  return source.kind === "folder" ? source.path : `${source.ref} (${source.commit.slice(0, 12)})`;
}
