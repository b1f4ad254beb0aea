import path from "node:path";
import type { SourcePosition } from "./model.js";

/** One problem in the specs, located precisely enough to jump to. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  /** JSON pointer inside the file, `""` for the whole document. */
  pointer: string;
  message: string;
}

export function diagnostic(position: SourcePosition, pointer: string, message: string): Diagnostic {
  return { ...position, pointer, message };
}

/**
 * One line per problem. File names, keys and values come from the specs, so line breaks, control
 * characters (a terminal's escape sequences) and invisible ones are written as `\uXXXX`: a spec
 * cannot split a diagnostic, forge another line (a CI log reads `::error::` lines as commands) or
 * drive the terminal.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return printable(`${d.file}:${d.line}:${d.column}: ${d.pointer === "" ? "(document)" : d.pointer}: ${d.message}`);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters to escape is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.pointer, b.pointer) || compareText(a.message, b.message),
  );
}

/** Locale-independent ordering, so output never depends on the machine's language settings. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Thrown by a stage when the specs cannot be turned into output. Carries every problem found. */
export class SpecError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const sorted = sortDiagnostics(diagnostics);
    super(`${sorted.length} problem${sorted.length === 1 ? "" : "s"} in the specs:\n${sorted.map(formatDiagnostic).join("\n")}`);
    this.name = "SpecError";
    this.diagnostics = sorted;
  }

  /** The same problems with each file named as the person who ran the command finds it (see `shownPath`); files are relative to `root`. */
  shownFrom(root: string, cwd = process.cwd()): SpecError {
    const error = new SpecError(this.diagnostics.map((d) => ({ ...d, file: shownPath(path.resolve(root, d.file), cwd) })));
    error.stack = this.stack;
    return error;
  }
}

/** Whether `child` is `parent` or inside it (a folder named `..x` inside counts). */
export function isWithin(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return !(relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative));
}

/** A path as a command shows it: relative to where it ran when inside that folder, else absolute (never a run of `../`). */
export function shownPath(file: string, cwd = process.cwd()): string {
  if (!isWithin(file, cwd)) return file;
  return path.relative(cwd, file) || ".";
}

// JSON pointers have one home, shared with the client runtime; re-exported for the stages that import them from here.
export { escapePointerToken, joinPointer, splitPointer, unescapePointerToken } from "./runtime/json.js";

/**
 * A `$ref` split at its first `#`: the file it names (`""` for the same file) and its fragment as
 * written (`""` when there is none), still %-escaped: a caller that reports a bad escape decodes it.
 */
export function splitRef(ref: string): { file: string; fragment: string } {
  const hash = ref.indexOf("#");
  return hash === -1 ? { file: ref, fragment: "" } : { file: ref.slice(0, hash), fragment: ref.slice(hash + 1) };
}
