/**
 * Stage 1: read spec files and parse them with positions. YAML and JSON both go through the
 * `yaml` parser, which reports duplicate keys, tabs and syntax errors with their line and column.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLMap } from "yaml";
import { NO_CACHE, sha256, type Cache } from "./cache.js";
import { compareText, diagnostic, joinPointer, SpecError, type Diagnostic } from "./diagnostics.js";
import type { FragmentFile, OfferingFile, ProviderFile } from "./meta/spec-types.js";
import type { Json, SourcePosition } from "./model.js";
import { MAX_SPEC_ALIAS_VALUES, MAX_SPEC_NESTING, resolveOptions } from "./options.js";

/** Spec files by path relative to the schemas folder (`/` separators). */
export type SpecFiles = ReadonlyMap<string, Uint8Array>;

export type SpecFileKind = "provider" | "offering" | "fragment";

export interface ParsedFile {
  file: string;
  kind: SpecFileKind;
  data: Json;
  /** Position of the value at each JSON pointer. */
  positions: ReadonlyMap<string, SourcePosition>;
  /** Position of the key that introduces each pointer (for "unknown key" messages). */
  keyPositions: ReadonlyMap<string, SourcePosition>;
  /** The SHA-256 of the file's bytes: what its parse, check and offering fingerprint are keyed by. */
  sha256?: string;
}

/** What a file of each kind holds once check.ts passed it: the types generated from the meta-schemas. */
export interface SpecFileData {
  provider: ProviderFile;
  offering: OfferingFile;
  fragment: FragmentFile;
}

/** A parsed file of one kind, for `files.filter(isKind("offering"))`. */
export type ParsedFileOf<K extends SpecFileKind> = ParsedFile & { kind: K };

export const isKind =
  <K extends SpecFileKind>(kind: K) =>
  (file: ParsedFile): file is ParsedFileOf<K> =>
    file.kind === kind;

/**
 * A file's data as its meta-schema describes it: the one place a spec's shape is taken on trust,
 * because check.ts validated it against that meta-schema. (`modelspec diff` also compares files
 * that fail inside schemas, parameters, examples and notes; normalize.ts reads those defensively.)
 */
export function specData<K extends SpecFileKind>(file: ParsedFileOf<K>): SpecFileData[K] {
  return file.data as unknown as SpecFileData[K];
}

const SPEC_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

export function isSpecPath(file: string): boolean {
  return SPEC_EXTENSIONS.has(path.posix.extname(file).toLowerCase()) && !file.split("/").some((part) => part.startsWith("."));
}

export function specFileKind(file: string): SpecFileKind {
  const parts = file.split("/");
  if (/^provider\.(ya?ml|json)$/i.test(parts[parts.length - 1]!)) return "provider";
  if (parts.slice(0, -1).includes("shared")) return "fragment";
  return "offering";
}

/**
 * Reads every spec file below `dir`. Other files (README, dotfiles) are left alone. A file larger
 * than `maxSpecBytes` is refused by its size, before any of it is read: a 50 GB file costs a stat.
 */
export async function readSpecDir(dir: string, options: ParseOptions = resolveOptions()): Promise<SpecFiles> {
  const files = new Map<string, Uint8Array>();
  const oversized: Diagnostic[] = [];
  const found: string[] = [];
  async function walk(relative: string): Promise<void> {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.name.startsWith(".")) continue;
      if (entry.isDirectory()) await walk(rel);
      else if (entry.isFile() && isSpecPath(rel)) found.push(rel);
    }
  }
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`schemas folder not found: ${dir}`);
  await walk("");
  for (const rel of found) {
    const bytes = readBounded(path.join(dir, rel), options.maxSpecBytes);
    if (typeof bytes === "number") oversized.push(tooLarge(rel, bytes, options.maxSpecBytes));
    else files.set(rel, bytes);
  }
  if (oversized.length > 0) throw new SpecError(oversized);
  return files;
}

/**
 * The file's bytes, or its size when that is over the limit (then nothing is read). Synchronous: a
 * catalog is a thousand small files, and a promise per read costs more than the read.
 */
function readBounded(file: string, limit: number): Uint8Array | number {
  const fd = openSync(file, "r");
  try {
    const { size } = fstatSync(fd);
    if (size > limit) return size;
    // Read one byte past the size and stop one chunk past the limit, so a file that grew since the stat is refused too.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Not zero-filled: only the bytes read are kept (the subarray below).
      const chunk = Buffer.allocUnsafeSlow(Math.max(1, Math.min(64 * 1024, size + 1)));
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return total;
    }
  } finally {
    closeSync(fd);
  }
}

function tooLarge(file: string, size: number, limit: number): Diagnostic {
  return diagnostic({ file, line: 1, column: 1 }, "", `file is ${size} bytes; specs may be at most ${limit} bytes`);
}

export interface ParseResult {
  files: ParsedFile[];
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  maxSpecBytes: number;
}

const specHashes = new WeakMap<Uint8Array, string>();

/** The SHA-256 of a spec file's bytes, computed once a run (the run's key and the parse cache both ask). */
export function specHash(bytes: Uint8Array): string {
  let hash = specHashes.get(bytes);
  if (hash === undefined) {
    hash = sha256(bytes);
    specHashes.set(bytes, hash);
  }
  return hash;
}

/** Parses every file; problems in one file do not stop the others from being read. */
export function parseSpecFiles(files: SpecFiles, options: ParseOptions, cache: Cache = NO_CACHE): ParseResult {
  const parsed: ParsedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const names = [...files.keys()].sort(compareText);
  for (const file of names) {
    const bytes = files.get(file)!;
    // A file that parsed before, byte for byte, is read back from the cache (JSON, far quicker than
    // YAML with positions). Only clean parses are stored: a file with problems is parsed each time.
    const hash = specHash(bytes);
    const key = `${file}\0${options.maxSpecBytes}\0${hash}`;
    const hit = cache.get("parse", key);
    if (hit !== undefined) {
      parsed.push(
        revive(
          file,
          hit,
          hash,
          () => cache.get("parse-positions", key),
          () => parseSpecFile(file, bytes, options).file!,
        ),
      );
      continue;
    }
    const result = parseSpecFile(file, bytes, options);
    diagnostics.push(...result.diagnostics);
    if (result.file) {
      parsed.push({ ...result.file, sha256: hash });
      cache.set("parse", key, JSON.stringify(result.file.data));
      cache.set("parse-positions", key, preservePositions(result.file));
    }
  }
  return { files: parsed, diagnostics };
}

type StoredPositions = [pointer: string, line: number, column: number][];

/** A file's positions, stored apart from its data: a clean run never reads them (only messages do). */
function preservePositions(file: ParsedFile): string {
  const positions = (map: ReadonlyMap<string, SourcePosition>): StoredPositions => [...map].map(([pointer, p]) => [pointer, p.line, p.column]);
  return JSON.stringify({ positions: positions(file.positions), keyPositions: positions(file.keyPositions) });
}

/**
 * A file parsed before: its data now, its positions when first asked for, from their own entry, or
 * by parsing the file again when that entry is gone or damaged.
 */
function revive(file: string, text: string, sha256: string, storedPositions: () => string | undefined, parseAgain: () => ParsedFile): ParsedFile {
  let positions: Pick<ParsedFile, "positions" | "keyPositions"> | undefined;
  const positionsOf = () => {
    positions ??= readPositions(file, storedPositions()) ?? parseAgain();
    return positions;
  };
  return {
    file,
    kind: specFileKind(file),
    data: JSON.parse(text) as Json,
    get positions() {
      return positionsOf().positions;
    },
    get keyPositions() {
      return positionsOf().keyPositions;
    },
    sha256,
  };
}

function readPositions(file: string, text: string | undefined): Pick<ParsedFile, "positions" | "keyPositions"> | undefined {
  if (text === undefined) return undefined;
  const stored = JSON.parse(text) as { positions: StoredPositions; keyPositions: StoredPositions };
  const positions = (list: StoredPositions) => new Map(list.map(([pointer, line, column]) => [pointer, { file, line, column }] as const));
  return { positions: positions(stored.positions), keyPositions: positions(stored.keyPositions) };
}

function parseSpecFile(file: string, bytes: Uint8Array, options: ParseOptions): { file?: ParsedFile; diagnostics: Diagnostic[] } {
  const start = { file, line: 1, column: 1 };
  if (bytes.byteLength > options.maxSpecBytes) return { diagnostics: [tooLarge(file, bytes.byteLength, options.maxSpecBytes)] };
  if (bytes.includes(0)) return { diagnostics: [diagnostic(start, "", "file is binary (it contains NUL bytes); expected YAML or JSON text")] };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { diagnostics: [diagnostic(start, "", "file is not valid UTF-8 text; expected YAML or JSON")] };
  }
  if (text.trim() === "") return { diagnostics: [diagnostic(start, "", "file is empty; expected a YAML or JSON mapping")] };

  const lineCounter = new LineCounter();
  // Duplicate keys are found while converting: the parser's own check compares every key with
  // every other (100,000 keys took minutes), the converter's is one set lookup per key.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, strict: true, prettyErrors: false, merge: false, schema: "core" });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      // After a syntax error the parser's recovered tree would name the wrong place: the line and
      // column are exact, the pointer is the document's.
      diagnostics: problems.map((e) => diagnostic(at(e.pos[0]), "", yamlMessage(e.code, e.message, text.slice(e.pos[0], e.pos[0] + 60)))),
    };
  }
  const converter = new JsonConverter(doc, at);
  const data = converter.convert(doc.contents, "");
  if (converter.diagnostics.length > 0) return { diagnostics: converter.diagnostics };
  return {
    file: { file, kind: specFileKind(file), data, positions: converter.positions, keyPositions: converter.keyPositions },
    diagnostics: [],
  };
}

/** The parser's first line, without the code excerpt it appends. */
function yamlMessage(code: string, message: string, near: string): string {
  const first =
    code === "RESOURCE_EXHAUSTION" ? "nested too deeply for the YAML parser" : message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  const excerpt = near.split("\n")[0]!.trim().slice(0, 40);
  return `${first}${excerpt ? ` near ${JSON.stringify(excerpt)}` : ""} (YAML ${code})`;
}

/** Turns the YAML tree into plain JSON, recording where every value and key was written. */
class JsonConverter {
  readonly positions = new Map<string, SourcePosition>();
  readonly keyPositions = new Map<string, SourcePosition>();
  readonly diagnostics: Diagnostic[] = [];
  private aliasDepth = 0;
  private aliasNodes = 0;
  /** The collections being converted, so an alias into one of them is caught. */
  private readonly open = new Set<unknown>();
  /** Set when a limit is hit: conversion then stops at once instead of walking the rest. */
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly at: (offset: number) => SourcePosition,
  ) {}

  private stop(position: SourcePosition, pointer: string, message: string): null {
    if (!this.stopped) this.diagnostics.push(diagnostic(position, pointer, message));
    this.stopped = true;
    return null;
  }

  convert(node: Node | null | undefined | unknown, pointer: string, depth = 0): Json {
    if (this.stopped) return null;
    const position = this.at((node as Node | null)?.range?.[0] ?? 0);
    this.positions.set(pointer, position);
    if (depth > MAX_SPEC_NESTING) return this.stop(position, pointer, `nested more than ${MAX_SPEC_NESTING} levels deep`);
    if (this.aliasDepth > 0 && ++this.aliasNodes > MAX_SPEC_ALIAS_VALUES) {
      return this.stop(position, pointer, `aliases expand to more than ${MAX_SPEC_ALIAS_VALUES} values (an alias bomb?); write the values out`);
    }
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (target && this.open.has(target)) return this.stop(position, pointer, `alias *${node.source} refers to a value that contains it`);
      this.aliasDepth++;
      const value = this.convert(target, pointer, depth);
      this.aliasDepth--;
      return value;
    }
    if (isMap(node) || isSeq(node)) {
      this.open.add(node);
      try {
        return isMap(node)
          ? this.convertMap(node, pointer, depth)
          : node.items.map((item, index) => this.convert(item, joinPointer(pointer, index), depth + 1));
      } finally {
        this.open.delete(node);
      }
    }
    if (isScalar(node)) {
      const value = node.value;
      if (value === null || typeof value === "string" || typeof value === "boolean") return value;
      if (typeof value === "number") {
        if (Number.isFinite(value)) return value;
        this.diagnostics.push(diagnostic(position, pointer, `${String(value)} is not a JSON number`));
        return null;
      }
      if (typeof value === "bigint") return Number(value);
      this.diagnostics.push(diagnostic(position, pointer, `unsupported YAML value of type ${typeof value}`));
      return null;
    }
    this.diagnostics.push(diagnostic(position, pointer, "unsupported YAML node"));
    return null;
  }

  private convertMap(node: YAMLMap, pointer: string, depth: number): Json {
    const object: { [key: string]: Json } = {};
    const seen = new Map<string, SourcePosition>();
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      if (!isScalar(keyNode) || (keyNode.value !== null && typeof keyNode.value === "object")) {
        this.diagnostics.push(diagnostic(this.at(keyNode?.range?.[0] ?? 0), pointer, "keys must be plain strings"));
        continue;
      }
      const key = String(keyNode.value);
      const child = joinPointer(pointer, key);
      const keyPosition = this.at(keyNode.range?.[0] ?? 0);
      const first = seen.get(key);
      if (first) {
        this.diagnostics.push(
          diagnostic(keyPosition, child, `duplicate key ${JSON.stringify(key)}; it is first at line ${first.line}, column ${first.column}`),
        );
        continue;
      }
      seen.set(key, keyPosition);
      this.keyPositions.set(child, keyPosition);
      // defineProperty keeps keys like `__proto__` as ordinary data instead of changing the prototype.
      Object.defineProperty(object, key, { value: this.convert(pair.value, child, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return object;
  }
}
