/**
 * One side of a diff: a schemas folder or a git ref, read into spec files, loaded through the same
 * pipeline as `generate` (parse, check, resolve, normalize), with a locator for spec positions.
 */
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { checkSpecFiles } from "../check.js";
import { sortDiagnostics, SpecError, type Diagnostic } from "../diagnostics.js";
import { parseSpecFiles, readSpecDir, type ParsedFile, type SpecFiles } from "../load.js";
import type { Model, SourcePosition } from "../model.js";
import { buildModelWithProblems } from "../normalize.js";
import { resolveOptions } from "../options.js";
import { resolveSchemas } from "../resolve.js";
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
  /** What fails the project's own checks (`generate` would refuse it); the model is compared all the same. */
  problems: Diagnostic[];
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
  if (info?.isDirectory())
    return { source: { kind: "folder", path: arg }, files: await readSpecDir(folder), folder: await displayFolder(folder, arg, options.cwd) };
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
    const { model, problems } = loadForReview(files);
    return { source, model, problems, ...specPositions(files), folder };
  } catch (error) {
    throw new VersionError(side, arg, error as Error);
  }
}

/**
 * The specs through the same stages as `generate` (parse, check, resolve, normalize), but a side
 * that fails a check is still a model to compare: its problems come back beside it. What stops the
 * comparison (a `SpecError`, exit 2): a file that does not parse, a `$ref` that does not resolve,
 * and a spec-format failure outside the places that hold schemas, parameters, examples and notes
 * (an offering's limits, ids or transports that are not what they must be leave nothing reliable to compare).
 */
export function loadForReview(specFiles: SpecFiles): { model: Model; problems: Diagnostic[] } {
  const parsed = parseSpecFiles(specFiles, resolveOptions());
  if (parsed.diagnostics.length > 0) throw new SpecError(parsed.diagnostics);
  const byFile = new Map(parsed.files.map((f) => [f.file, f]));
  const checked = checkSpecFiles(parsed.files);
  if (checked.some((d) => !comparable(byFile.get(d.file), d.pointer))) throw new SpecError(checked);
  const { resolved, diagnostics, refused } = resolveSchemas(parsed.files);
  if (diagnostics.some((d) => !refused.includes(d))) throw new SpecError([...checked, ...diagnostics]);
  let built: ReturnType<typeof buildModelWithProblems>;
  try {
    built = buildModelWithProblems(parsed.files, resolved);
  } catch (error) {
    // A shape no rule foresaw: the problems found so far are the explanation.
    if (checked.length + refused.length > 0) throw new SpecError([...checked, ...refused]);
    throw error;
  }
  return { model: built.model, problems: sortDiagnostics([...checked, ...refused, ...built.diagnostics]) };
}

/** Where a spec-format failure leaves the rest of the file comparable: inside schemas, parameters, examples and notes. */
const COMPARABLE: Record<ParsedFile["kind"], RegExp> = {
  offering:
    /^\/(request\/schema|response\/schema|stream\/schema|request\/parameters|request\/provenance|response\/provenance|stream\/provenance|examples|notes)(\/|$)/,
  fragment: /^\/(\$defs\/[^/]+|description)(\/|$)/,
  provider: /^\/(errors\/schema|errors\/provenance|notes)(\/|$)/,
};

function comparable(file: ParsedFile | undefined, pointer: string): boolean {
  return file !== undefined && COMPARABLE[file.kind].test(pointer);
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
