/**
 * The only ways spec text reaches generated code. Every string from a spec goes through one
 * of these: a string literal, an identifier, a property key, or a comment. Nothing else
 * pastes spec text into code.
 */

/** A JavaScript literal for any JSON value. JSON.stringify plus the two line terminators JSON allows but JS source (pre-ES2019 parsers, some bundlers) does not. */
export function literal(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error(`cannot write ${typeof value} as a literal`);
  return json.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029").replace(/<\/(script)/gi, "<\\/$1");
}

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval undefined NaN Infinity"
  ).split(" "),
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text) && !RESERVED.has(text);
}

/** Split any text into ASCII words: `gpt-5.4-mini` → [gpt, 5, 4, mini]. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** A PascalCase identifier made from any text, deterministically; never empty, never starting with a digit. */
export function pascalIdentifier(text: string, fallback = "X"): string {
  const joined = words(text)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
  const safe = joined || fallback;
  return /^[0-9]/.test(safe) ? `${fallback}${safe}` : safe;
}

/** A camelCase identifier made from any text, deterministically; reserved words get a `_` suffix. */
export function camelIdentifier(text: string, fallback = "x"): string {
  const pascal = pascalIdentifier(text, fallback.toUpperCase());
  const camel = pascal[0]!.toLowerCase() + pascal.slice(1);
  return RESERVED.has(camel) ? `${camel}_` : camel;
}

/** Hands out identifiers within one scope: a name that is taken gets a counter (`Foo`, `Foo2`, ...). */
export class NameScope {
  private readonly taken = new Set<string>();
  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }
  claim(name: string): string {
    let candidate = name;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${name}${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}

/** A property key: bare when it is a plain identifier, otherwise a quoted string literal. */
export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : literal(key);
}

/**
 * Text safe inside a block comment: `*\/` cannot close it, line terminators
 * (including U+2028/U+2029) become plain newlines, and each line is one comment line.
 */
export function commentText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A whole `/** ... *\/` block from lines of text. */
export function docComment(lines: string[]): string {
  const body = lines.flatMap((line) => commentText(line).split("\n"));
  return ["/**", ...body.map((l) => (l ? ` * ${l}` : " *")), " */"].join("\n");
}

/** A `//` line comment; newlines in the text become further `//` lines. */
export function lineComment(text: string): string {
  return commentText(text)
    .split("\n")
    .map((l) => `// ${l}`.trimEnd())
    .join("\n");
}

/**
 * Markdown text on one line with everything that could format, link or embed HTML neutralised:
 * emphasis, code, link and table characters are backslash-escaped, `<`, `>` and `&` become
 * entities, and a leading `#`, `-`, `+` or `1.` cannot start a heading or list.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|[\n\u2028\u2029\u0085]/g, " ")
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&amp;"))
    .replace(/^(\s*)([#+\-=])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/, "$1\\$2");
}

/** Inline code in Markdown: backticks cannot end it and HTML cannot start inside table cells. */
export function markdownCode(text: string): string {
  const flat = text.replace(/\r\n?|[\u2028\u2029\n]/g, " ").replace(/\|/g, "\\|");
  const fence = "`".repeat(Math.max(0, ...Array.from(flat.matchAll(/`+/g), (m) => m[0].length)) + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
