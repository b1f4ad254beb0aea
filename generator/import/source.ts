/**
 * Reading documentation sources: files or folders, with the bytes kept for layout detection and
 * JSON parsed with positions (through the spec loader, so duplicate keys and truncated text are
 * located problems, not silent last-one-wins values).
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { compareText, diagnostic, SpecError, type Diagnostic } from "../diagnostics.js";
import { parseSpecFiles } from "../load.js";
import type { Json, SourcePosition } from "../model.js";
import { resolveOptions } from "../options.js";

export interface Source {
  /** The file as the user named it (relative to where the command runs), `/` separators: used in messages. */
  file: string;
  /** Absolute path. */
  absolute: string;
  text: string;
}

export interface JsonSource {
  data: Json;
  positions: ReadonlyMap<string, SourcePosition>;
}

const SOURCE_EXTENSIONS = new Set([".json", ".txt", ".md", ".mdx", ".html", ".yaml", ".yml"]);

/** Every source file named, folders read one level and more deep, in name order. */
export async function readSources(args: readonly string[], cwd = process.cwd()): Promise<Source[]> {
  const out: Source[] = [];
  const problems: Diagnostic[] = [];
  const add = async (absolute: string) => {
    const file = displayName(absolute, cwd);
    const bytes = await readFile(absolute);
    if (bytes.includes(0))
      problems.push(diagnostic({ file, line: 1, column: 1 }, "", "file is binary; expected documentation text or a JSON record"));
    else out.push({ file, absolute, text: bytes.toString("utf8").replace(/^\uFEFF/, "") });
  };
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new SpecError([diagnostic({ file: arg, line: 1, column: 1 }, "", "no such file or folder")]);
    if (info.isDirectory()) for (const file of await listFolder(absolute)) await add(file);
    else await add(absolute);
  }
  if (problems.length > 0) throw new SpecError(problems);
  return out;
}

async function listFolder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => compareText(a.name, b.name))) {
    if (entry.name.startsWith(".") || entry.name === "README.md") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFolder(full)));
    else if (entry.isFile() && SOURCE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}

export function displayName(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return (relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join("/");
}

/** Looks like JSON: the first non-blank character opens an object or an array. */
export function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

/** JSON with the position of every value; a syntax error or a repeated key is a located problem. */
export function parseJsonSource(source: Source): JsonSource {
  const bytes = new TextEncoder().encode(source.text);
  const parsed = parseSpecFiles(new Map([[source.file, bytes]]), { maxSpecBytes: Math.max(resolveOptions().maxSpecBytes, bytes.byteLength) });
  if (parsed.diagnostics.length > 0) {
    throw new SpecError(
      parsed.diagnostics.map((d) => ({
        ...d,
        message: `${/duplicate key/.test(d.message) ? "two values for one field" : "not valid JSON"}: ${d.message}`,
      })),
    );
  }
  const file = parsed.files[0]!;
  return { data: file.data, positions: file.positions };
}

/** Position of a character offset in a text source (1-based line and column). */
export function positionAt(source: Source, offset: number): SourcePosition {
  const before = source.text.slice(0, Math.max(0, offset));
  const line = before.split("\n").length;
  return { file: source.file, line, column: offset - before.lastIndexOf("\n") };
}

/** Position of the first occurrence of `needle` (or the start of the file). */
export function positionOf(source: Source, needle: string | RegExp, from = 0): SourcePosition {
  const index = typeof needle === "string" ? source.text.indexOf(needle, from) : source.text.slice(from).search(needle) + from;
  return positionAt(source, index < from ? 0 : index);
}
