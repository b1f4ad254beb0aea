/**
 * Stage 1: read spec files and parse them with positions. YAML and JSON both go through the
 * `yaml` parser, which reports duplicate keys, tabs and syntax errors with their line and column.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { compareText, diagnostic, joinPointer, type Diagnostic } from "./diagnostics.js";
import type { Json, SourcePosition } from "./model.js";

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

/** Reads every spec file below `dir`. Other files (README, dotfiles) are left alone. */
export async function readSpecDir(dir: string): Promise<SpecFiles> {
  const files = new Map<string, Uint8Array>();
  async function walk(relative: string): Promise<void> {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.name.startsWith(".")) continue;
      if (entry.isDirectory()) await walk(rel);
      else if (entry.isFile() && isSpecPath(rel)) files.set(rel, await readFile(path.join(dir, rel)));
    }
  }
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`schemas folder not found: ${dir}`);
  await walk("");
  return files;
}

export interface ParseResult {
  files: ParsedFile[];
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  maxSpecBytes: number;
}

/** Parses every file; problems in one file do not stop the others from being read. */
export function parseSpecFiles(files: SpecFiles, options: ParseOptions): ParseResult {
  const parsed: ParsedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const names = [...files.keys()].sort(compareText);
  for (const file of names) {
    const result = parseSpecFile(file, files.get(file)!, options);
    diagnostics.push(...result.diagnostics);
    if (result.file) parsed.push(result.file);
  }
  return { files: parsed, diagnostics };
}

function parseSpecFile(file: string, bytes: Uint8Array, options: ParseOptions): { file?: ParsedFile; diagnostics: Diagnostic[] } {
  const start = { file, line: 1, column: 1 };
  if (bytes.byteLength > options.maxSpecBytes) {
    return { diagnostics: [diagnostic(start, "", `file is ${bytes.byteLength} bytes; specs may be at most ${options.maxSpecBytes} bytes`)] };
  }
  if (bytes.includes(0)) return { diagnostics: [diagnostic(start, "", "file is binary (it contains NUL bytes); expected YAML or JSON text")] };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { diagnostics: [diagnostic(start, "", "file is not valid UTF-8 text; expected YAML or JSON")] };
  }
  if (text.trim() === "") return { diagnostics: [diagnostic(start, "", "file is empty; expected a YAML or JSON mapping")] };

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, strict: true, prettyErrors: false, merge: false, schema: "core" });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      diagnostics: problems.map((e) =>
        // Only a duplicate key leaves the tree as written; after a syntax error the parser's
        // recovered tree would name the wrong place.
        diagnostic(at(e.pos[0]), e.code === "DUPLICATE_KEY" ? pointerAt(doc.contents, e.pos[0]) : "", yamlMessage(e.code, e.message, text.slice(e.pos[0], e.pos[0] + 60))),
      ),
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

/**
 * The JSON pointer of the deepest node at a source offset, so a duplicate key names its place
 * like every other diagnostic.
 */
function pointerAt(node: unknown, offset: number, pointer = ""): string {
  const within = (n: unknown) => {
    const range = (n as Node | null)?.range;
    return range !== undefined && range !== null && offset >= range[0] && offset < range[2];
  };
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key) || (pair.key.value !== null && typeof pair.key.value === "object")) continue;
      const child = joinPointer(pointer, String(pair.key.value));
      if (within(pair.key)) return child;
      if (within(pair.value)) return pointerAt(pair.value, offset, child);
    }
  }
  if (isSeq(node)) {
    const index = node.items.findIndex(within);
    if (index >= 0) return pointerAt(node.items[index], offset, joinPointer(pointer, index));
  }
  return pointer;
}

/** The parser's first line, without the code excerpt it appends. */
function yamlMessage(code: string, message: string, near: string): string {
  const first = message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  const excerpt = near.split("\n")[0]!.trim().slice(0, 40);
  return `${first}${excerpt ? ` near ${JSON.stringify(excerpt)}` : ""} (YAML ${code})`;
}

/** Turns the YAML tree into plain JSON, recording where every value and key was written. */
class JsonConverter {
  readonly positions = new Map<string, SourcePosition>();
  readonly keyPositions = new Map<string, SourcePosition>();
  readonly diagnostics: Diagnostic[] = [];
  private aliasDepth = 0;

  constructor(
    private readonly doc: Document,
    private readonly at: (offset: number) => SourcePosition,
  ) {}

  convert(node: Node | null | undefined | unknown, pointer: string): Json {
    const position = this.at((node as Node | null)?.range?.[0] ?? 0);
    this.positions.set(pointer, position);
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (++this.aliasDepth > 100) {
        this.diagnostics.push(diagnostic(position, pointer, "too many nested aliases"));
        return null;
      }
      const target = node.resolve(this.doc);
      const value = this.convert(target, pointer);
      this.aliasDepth--;
      return value;
    }
    if (isMap(node)) {
      const object: { [key: string]: Json } = {};
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        if (!isScalar(keyNode) || (keyNode.value !== null && typeof keyNode.value === "object")) {
          this.diagnostics.push(diagnostic(this.at(keyNode?.range?.[0] ?? 0), pointer, "keys must be plain strings"));
          continue;
        }
        const key = String(keyNode.value);
        const child = joinPointer(pointer, key);
        this.keyPositions.set(child, this.at(keyNode.range?.[0] ?? 0));
        // defineProperty keeps keys like `__proto__` as ordinary data instead of changing the prototype.
        Object.defineProperty(object, key, { value: this.convert(pair.value, child), enumerable: true, writable: true, configurable: true });
      }
      return object;
    }
    if (isSeq(node)) return node.items.map((item, index) => this.convert(item, joinPointer(pointer, index)));
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
}
