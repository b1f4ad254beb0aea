/**
 * Whole runs answered from the cache. A run's output is stored as a listing (each file's path and
 * the SHA-256 of its text) plus each text by its hash. A rerun with the same inputs compares the
 * output folder with the listing by hash, so an unchanged rerun or `--check` reads no text from
 * the cache at all; the texts are read only to write, or when a caller asks for them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sha256, type Cache } from "./cache.js";
import { compareText } from "./diagnostics.js";
import type { SpecFiles } from "./load.js";
import type { GeneratedFile } from "./model.js";
import type { GenerateOptions } from "./options.js";
import type { PackageSettings } from "./version.js";

/**
 * Everything a whole run's output depends on besides the generator (the cache adds its fingerprint);
 * the folder's other files by name, as the seeds the specs cite must exist.
 */
export function runKeyOf(specs: SpecFiles, options: GenerateOptions & { package: PackageSettings }, sources: ReadonlySet<string>): string {
  const names = [...specs.keys()].sort(compareText);
  return JSON.stringify({
    maxSpecBytes: options.maxSpecBytes,
    package: options.package,
    files: names.map((name) => [name, sha256(specs.get(name)!)]),
    sources: [...sources],
  });
}

/**
 * A run's output: the listing once, each file's text by its hash (a text stored by an earlier run is
 * not written again). A file that carries its hash came from an offering's entry (see
 * `rememberUnit`), which holds its text: it is neither hashed nor stored again.
 */
export function rememberRun(cache: Cache, runKey: string, files: readonly GeneratedFile[]): void {
  const listing = files.map((file) => {
    if (file.sha256 !== undefined) return [file.path, file.sha256];
    const hash = sha256(file.contents);
    cache.add("output-file", hash, file.contents, hash);
    return [file.path, hash];
  });
  cache.set("run", runKey, JSON.stringify(listing));
}

/**
 * One offering's finished files (see `Emitter.emitOffering`), stored in one entry under the
 * offering's key: path, hash and text of each, so recalling an offering is one read, and the
 * entry's checksum vouches for every text in it. The files are returned with their hashes.
 */
export function rememberUnit(cache: Cache, unitKey: string, files: readonly GeneratedFile[]): GeneratedFile[] {
  const hashed = files.map((file) => ({ path: file.path, contents: file.contents, sha256: sha256(file.contents) }));
  cache.set("unit", unitKey, JSON.stringify(hashed.map((file) => [file.path, file.sha256, file.contents])));
  return hashed;
}

/** An offering's files stored under this key, or undefined (then they are made again; a damaged entry reads as none). */
export function recallUnit(cache: Cache, unitKey: string): GeneratedFile[] | undefined {
  const stored = cache.get("unit", unitKey);
  if (stored === undefined) return undefined;
  return (JSON.parse(stored) as [string, string, string][]).map(([file, hash, contents]) => ({ path: file, contents, sha256: hash }));
}

/**
 * The output of an earlier run with these inputs, or undefined. Each file carries its hash; its
 * text is read when first asked for, from the cache or else from the output folder when that file
 * has the same hash, and a text found in neither is an error (see `withTexts` to ask first).
 */
export function recallRun(cache: Cache, runKey: string, outDir: string): GeneratedFile[] | undefined {
  const listing = cache.get("run", runKey);
  if (listing === undefined) return undefined;
  return (JSON.parse(listing) as [string, string][]).map(([file, hash]) => {
    let text: string | undefined;
    return {
      path: file,
      sha256: hash,
      get contents(): string {
        text ??= textWithHash(
          hash,
          () => cache.get("output-file", hash),
          () => readOr(path.join(outDir, ...file.split("/"))),
        );
        if (text === undefined) throw new Error(`the cache no longer holds ${file} (delete the cache folder and run again)`);
        return text;
      },
    };
  });
}

/** The recalled files with their texts read, or undefined when one is no longer in the cache (then a full run answers). */
export function withTexts(cache: Cache, files: readonly GeneratedFile[]): GeneratedFile[] | undefined {
  const read: GeneratedFile[] = [];
  for (const file of files) {
    const text = textWithHash(file.sha256!, () => cache.get("output-file", file.sha256!));
    if (text === undefined) return undefined;
    read.push({ path: file.path, contents: text, sha256: file.sha256! });
  }
  return read;
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
