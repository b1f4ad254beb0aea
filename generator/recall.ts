/**
 * Runs and offerings answered from the cache. A run's output, and each offering's own files, are
 * stored as a listing (each file's path and the SHA-256 of its text) plus each text by its hash. A
 * rerun compares the output folder with the listing by hash, so an unchanged rerun, `--check` or a
 * run where one offering changed reads no text of the others: texts are read only to write, or
 * when a caller asks for them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sha256, type Cache } from "./cache.js";
import { compareText } from "./diagnostics.js";
import { specHash, type SpecFiles } from "./load.js";
import { formatFiles } from "./format.js";
import type { EmitContext, GeneratedFile, OfferingSpec } from "./model.js";
import type { GenerateOptions } from "./options.js";
import type { PackageSettings } from "./version.js";

/** The cache step holding output texts by their SHA-256. */
const TEXT = "output-file";
/** The cache step holding an offering's listing by its fingerprint. */
export const UNIT_STEP = "unit";
/** The cache step holding the listing of files several offerings make (see `recallFiles`). */
const FILE_STEP = "file";
/** The steps whose entries name texts by hash: a run that finds a text lost runs again without them. */
export const LISTING_STEPS: ReadonlySet<string> = new Set([UNIT_STEP, FILE_STEP]);

/**
 * Everything a whole run's output depends on besides the generator (the cache adds its fingerprint);
 * the folder's other files by name, as the seeds the specs cite must exist.
 */
export function runKeyOf(specs: SpecFiles, options: GenerateOptions & { package: PackageSettings }, sources: ReadonlySet<string>): string {
  const names = [...specs.keys()].sort(compareText);
  return JSON.stringify({
    maxSpecBytes: options.maxSpecBytes,
    package: options.package,
    files: names.map((name) => [name, specHash(specs.get(name)!)]),
    sources: [...sources],
  });
}

/**
 * A run's output: the listing once, each file's text by its hash (a text stored by an earlier run is
 * not written again). A file that carries its hash came from a listing (`rememberUnit`,
 * `rememberFiles`), whose texts are stored already: it is neither hashed nor stored again.
 */
export function rememberRun(cache: Cache, runKey: string, files: readonly GeneratedFile[]): void {
  const listing = files.map((file) => {
    if (file.sha256 !== undefined) return [file.path, file.sha256];
    const hash = textHash(file);
    cache.add(TEXT, hash, file.contents, hash);
    return [file.path, hash];
  });
  cache.set("run", runKey, JSON.stringify(listing));
}

const textHashes = new WeakMap<GeneratedFile, string>();

/** The SHA-256 of a file's text: the one it carries, else computed once (comparing and remembering a run both ask). */
export function textHash(file: GeneratedFile): string {
  let hash = file.sha256 ?? textHashes.get(file);
  if (hash === undefined) {
    hash = sha256(file.contents);
    textHashes.set(file, hash);
  }
  return hash;
}

/**
 * One offering's finished files (see `Emitter.emitOffering`): their listing under the offering's
 * key, each text by its hash. The files are returned with their hashes.
 */
export function rememberUnit(cache: Cache, unitKey: string, files: readonly GeneratedFile[]): GeneratedFile[] {
  return remember(cache, UNIT_STEP, unitKey, files);
}

function remember(cache: Cache, step: string, key: string, files: readonly GeneratedFile[]): GeneratedFile[] {
  const hashed = store(cache, files);
  cache.set(step, key, JSON.stringify(hashed.map((file) => [file.path, file.sha256])));
  return hashed;
}

/** Each file's text stored by its hash; the files returned with their hashes. */
function store(cache: Cache, files: readonly GeneratedFile[]): (GeneratedFile & { sha256: string })[] {
  const hashed = files.map((file) => ({ path: file.path, contents: file.contents, sha256: textHash(file) }));
  for (const file of hashed) cache.add(TEXT, file.sha256, file.contents, file.sha256);
  return hashed;
}

/**
 * Files made from these offerings alone, with what `key` adds (their provider, the package version):
 * recalled as an offering's own files are while every fingerprint holds, else made, finished and
 * stored. They come back finished and with their hashes, so later stages neither format nor hash
 * them again. Where an offering has no fingerprint (a test's), they are made and not stored.
 */
export function recallMadeFrom(
  context: Pick<EmitContext, "cache" | "outDir">,
  key: readonly unknown[],
  offerings: readonly Pick<OfferingSpec, "fingerprint">[],
  make: () => GeneratedFile[],
): GeneratedFile[] {
  const prints = offerings.map((o) => o.fingerprint);
  if (prints.includes(undefined)) return make();
  const stored = JSON.stringify([...key, prints]);
  return recallFiles(context, stored)?.files ?? rememberFiles(context, stored, make());
}

/**
 * Files made together from what `key` names alone (a validator's module and its declarations), as
 * `rememberFiles` stored them, with the note stored beside them; undefined when none are stored.
 */
export function recallFiles(context: Pick<EmitContext, "cache" | "outDir">, key: string): { files: GeneratedFile[]; note?: string } | undefined {
  const stored = context.cache.get(FILE_STEP, key);
  if (stored === undefined) return undefined;
  try {
    const { files, note } = JSON.parse(stored) as { files: unknown; note?: unknown };
    if (!Array.isArray(files) || (note !== undefined && typeof note !== "string")) return undefined;
    return { files: listed(context.cache, files as [string, string][], context.outDir), ...(note === undefined ? {} : { note }) };
  } catch {
    return undefined; // a damaged entry: made again
  }
}

/**
 * Finishes the files (`formatFiles`) and stores them under `key` for `recallFiles`, with a note of
 * what else their maker found (read back with them); returns them finished, with their hashes.
 */
export function rememberFiles(context: Pick<EmitContext, "cache">, key: string, files: readonly GeneratedFile[], note?: string): GeneratedFile[] {
  const hashed = store(context.cache, formatFiles(files));
  context.cache.set(
    FILE_STEP,
    key,
    JSON.stringify({ files: hashed.map((file) => [file.path, file.sha256]), ...(note === undefined ? {} : { note }) }),
  );
  return hashed;
}

/** The cache step holding a value made from one offering alone (see `recallOffering`). */
const OFFERING_VALUE_STEP = "offering-value";

/**
 * A JSON value made from one offering alone (its catalog entry, say): stored by the offering's
 * fingerprint and recalled while it holds, so a global emitter does not redo each offering's part.
 * An offering without a fingerprint (a test's) has it made.
 */
export function recallOffering<T>(context: Pick<EmitContext, "cache">, kind: string, offering: Pick<OfferingSpec, "fingerprint">, make: () => T): T {
  if (offering.fingerprint === undefined) return make();
  const key = `${kind}\0${offering.fingerprint}`;
  const stored = context.cache.get(OFFERING_VALUE_STEP, key);
  if (stored !== undefined) {
    try {
      return JSON.parse(stored) as T;
    } catch {
      // a damaged entry: made again below
    }
  }
  const value = make();
  context.cache.set(OFFERING_VALUE_STEP, key, JSON.stringify(value));
  return value;
}

/**
 * An offering's files stored under this key, or undefined (then they are made again). Their texts
 * are read when first asked for, as `recallRun`'s are: an offering that did not change costs one
 * small read, not its texts.
 */
export function recallUnit(cache: Cache, unitKey: string, outDir?: string): GeneratedFile[] | undefined {
  const stored = cache.get(UNIT_STEP, unitKey);
  return stored === undefined ? undefined : listed(cache, JSON.parse(stored) as [string, string][], outDir);
}

/** The output of an earlier run with these inputs, or undefined; its texts are read when first asked for. */
export function recallRun(cache: Cache, runKey: string, outDir: string): GeneratedFile[] | undefined {
  const stored = cache.get("run", runKey);
  return stored === undefined ? undefined : listed(cache, JSON.parse(stored) as [string, string][], outDir);
}

/**
 * A text a recalled file no longer finds, in the cache or in the output folder: the cache was
 * damaged since it was listed. `generate` then makes the output again without the listings.
 */
export class MissingCachedText extends Error {
  constructor(readonly file: string) {
    super(`the cache no longer holds ${file} (delete the cache folder and run again)`);
    this.name = "MissingCachedText";
  }
}

/**
 * Files of a stored listing. Each carries its hash; its text is read when first asked for, from the
 * cache or else from the output folder when that file has the same hash; a text found in neither
 * throws `MissingCachedText` (see `readTextsToWrite` to ask first).
 */
function listed(cache: Cache, listing: readonly [path: string, sha256: string][], outDir: string | undefined): GeneratedFile[] {
  return listing.map(([file, hash]) => {
    let text: string | undefined;
    return {
      path: file,
      sha256: hash,
      get contents(): string {
        text ??= textWithHash(
          hash,
          () => cache.get(TEXT, hash),
          () => (outDir === undefined ? undefined : readOr(path.join(outDir, ...file.split("/")))),
        );
        if (text === undefined) throw new MissingCachedText(file);
        return text;
      },
    };
  });
}

/** The first text the readers give, tried in order (a later one is not read), whose SHA-256 is `hash`. */
function textWithHash(hash: string, ...readers: (() => string | undefined)[]): string | undefined {
  for (const read of readers) {
    const text = read();
    if (text !== undefined && sha256(text) === hash) return text;
  }
  return undefined;
}

function readOr(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
