/**
 * A generated ES module, written as its JavaScript and its declarations side by side. Emitters
 * write both directly (no TypeScript compiler on the hot path), one line at a time: `both` for
 * lines the two files share (imports of values, doc comments), `js` and `dts` for the rest.
 * `generate --verify` and the tests type-check every declaration file and parse every module.
 */
import { isObject } from "../schema-walk.js";
import { literal, propertyKey } from "../escape.js";
import type { GeneratedFile } from "../model.js";

export class ModuleText {
  private readonly jsLines: string[] = [];
  private readonly dtsLines: string[] = [];

  both(...lines: string[]): this {
    this.jsLines.push(...lines);
    this.dtsLines.push(...lines);
    return this;
  }

  js(...lines: string[]): this {
    this.jsLines.push(...lines);
    return this;
  }

  dts(...lines: string[]): this {
    this.dtsLines.push(...lines);
    return this;
  }

  /** Adds another module text's lines after this one's. */
  append(other: ModuleText): this {
    this.jsLines.push(...other.jsLines);
    this.dtsLines.push(...other.dtsLines);
    return this;
  }

  /** `<stem>.js` and `<stem>.d.ts`, with the banner metadata of `meta`. */
  files(stem: string, meta: Omit<GeneratedFile, "path" | "contents">): GeneratedFile[] {
    return [
      { ...meta, path: `${stem}.js`, contents: `${this.jsLines.join("\n")}\n` },
      // `export {}` makes only what is exported visible: without it every declaration of a module's `.d.ts` is public.
      { ...meta, path: `${stem}.d.ts`, contents: `${this.dtsLines.join("\n")}\nexport {};\n` },
    ];
  }
}

/** Every line of a block indented by `prefix` (doc comments inside an interface or object). */
export function indent(text: string, prefix = "  "): string {
  return text
    .split("\n")
    .map((line) => (line ? prefix + line : line))
    .join("\n");
}

/**
 * The readonly literal type of a JSON value, as TypeScript infers it for `value as const`:
 * `{ readonly id: "x"; readonly tags: readonly ["a"] }`. Keys and strings go through the escape
 * helpers, like every spec text.
 */
export function literalType(value: unknown, depth = 0): string {
  if (value === null || typeof value === "boolean" || typeof value === "number" || typeof value === "string") return literal(value);
  const pad = "  ".repeat(depth + 1);
  const close = "  ".repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return "readonly []";
    return `readonly [\n${value.map((item) => `${pad}${literalType(item, depth + 1)},`).join("\n")}\n${close}]`;
  }
  if (isObject(value)) {
    // As in `literal` (JSON), a property whose value is undefined is left out.
    const keys = Object.keys(value).filter((key) => value[key] !== undefined);
    if (keys.length === 0) return "{}";
    return `{\n${keys.map((key) => `${pad}readonly ${propertyKey(key)}: ${literalType(value[key], depth + 1)};`).join("\n")}\n${close}}`;
  }
  throw new Error(`cannot write ${typeof value} as a literal type`);
}

/**
 * json-schema-to-typescript's unformatted output, laid out: each line indented by how many braces
 * and brackets are open (counted outside strings), doc comments aligned with what they document,
 * and union members one level in. A formatter would do the same for far more time per file.
 */
export function indentDeclarations(code: string, unit = "  "): string {
  let depth = 0;
  const out: string[] = [];
  for (const raw of code.split("\n")) {
    const line = raw.trim();
    if (line === "") {
      out.push("");
      continue;
    }
    if (line.startsWith("/*")) {
      out.push(unit.repeat(depth) + line);
      continue;
    }
    if (line.startsWith("*")) {
      out.push(`${unit.repeat(depth)} ${line}`);
      continue;
    }
    const { opened, closedFirst } = braceBalance(line);
    const level = Math.max(0, depth - closedFirst) + (line.startsWith("|") || line.startsWith("&") ? 1 : 0);
    out.push(unit.repeat(level) + line);
    depth = Math.max(0, depth + opened);
  }
  return out.join("\n");
}

/** The net count of `{`, `[` and `(` a line opens (outside strings), and how many it closes before opening any. */
function braceBalance(line: string): { opened: number; closedFirst: number } {
  let opened = 0;
  let closedFirst = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{" || c === "[" || c === "(") opened++;
    else if (c === "}" || c === "]" || c === ")") {
      if (opened === 0) closedFirst++;
      opened--;
    }
  }
  return { opened, closedFirst };
}
