/**
 * The only ways spec text reaches generated code. Every string from a spec goes through one
 * of these: a string literal, an identifier, a property key, or a comment. Nothing else
 * pastes spec text into code.
 */

/**
 * Characters that change how text looks without showing themselves: bidirectional controls
 * ("Trojan Source", CVE-2021-42574), zero-width characters and the BOM. In code and docs they are
 * written as visible `\uXXXX` escapes, so a reviewer sees what is there.
 */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** C0 and C1 control characters other than tab, CR and LF (NUL, ESC for terminal sequences, DEL, NEL, ...). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters to escape is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** How a `__proto__` key is written in code: computed, so it names a property and not the prototype. */
export const PROTO_KEY = '["__proto__"]';

/**
 * A JavaScript literal for any JSON value (indented by `indent` spaces when given). JSON.stringify plus the two line terminators JSON
 * allows but JS source (pre-ES2019 parsers, some bundlers) does not, and `</script`.
 * A `"__proto__"` key in an object literal sets the prototype instead of a property (a string
 * value is dropped, an object becomes the prototype), so that key is written computed,
 * `["__proto__"]`, which JS and TypeScript both treat as an ordinary property.
 */
export function literal(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, undefined, indent);
  if (json === undefined) throw new Error(`cannot write ${typeof value} as a literal`);
  return (
    json
      .replace(/\u2028/g, "\\u2028")
      .replace(/\u2029/g, "\\u2029")
      .replace(/<\/(script)/gi, "<\\/$1")
      // Only strings can hold these (JSON already escapes C0), and an escape there is the same value.
      .replace(CONTROL, unicodeEscape)
      .replace(INVISIBLE, unicodeEscape)
      // In JSON a `"` inside a string is always escaped, so `{"` or `,"` (with white space between when indented) starts a key.
      .replace(/([{,]\s*)"__proto__":/g, `$1${PROTO_KEY}:`)
  );
}

/**
 * The text of a JSON file (catalog, JSON Schemas, OpenAPI): two-space indentation and a final
 * newline, with the characters `literal` makes visible escaped the same way. In indented JSON they
 * can only be inside strings, where `\uXXXX` (and `<\/`) is the same value once parsed.
 */
export function jsonText(value: unknown): string {
  const json = JSON.stringify(value, null, 2);
  if (json === undefined) throw new Error(`cannot write ${typeof value} as JSON`);
  return `${json
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")
    .replace(/<\/(script)/gi, "<\\/$1")
    .replace(CONTROL, unicodeEscape)
    .replace(INVISIBLE, unicodeEscape)}\n`;
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
    .join("")
    // A letter after a digit is upper case (`8b` → `8B`), as json-schema-to-typescript names the
    // types it writes: the clients and indexes name the same types.
    .replace(/([0-9])([a-z])/g, (_, digit: string, letter: string) => digit + letter.toUpperCase());
  const safe = joined || fallback;
  return /^[0-9]/.test(safe) ? `${fallback}${safe}` : safe;
}

/** A camelCase identifier made from any text, deterministically; reserved words get a `_` suffix. */
export function camelIdentifier(text: string, fallback = "x"): string {
  const pascal = pascalIdentifier(text, fallback[0]!.toUpperCase() + fallback.slice(1));
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
  /** Claims a stem for a family of names (`stem + suffix` for each suffix): the first of `Foo`, `Foo2`, ... none of whose names is taken. */
  claimFamily(stem: string, suffixes: readonly string[]): string {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? stem : `${stem}${n}`;
      const names = [candidate, ...suffixes.map((suffix) => candidate + suffix)];
      if (names.some((name) => this.taken.has(name))) continue;
      for (const name of names) this.taken.add(name);
      return candidate;
    }
  }
}

/**
 * A property key, for object literals and types alike: bare when it is a plain identifier,
 * otherwise a quoted string literal. `__proto__` is written computed, as `literal` does.
 */
export function propertyKey(key: string): string {
  if (key === "__proto__") return PROTO_KEY;
  return IDENTIFIER.test(key) ? key : literal(key);
}

/**
 * JavaScript or TypeScript with invisible and control characters written as `\uXXXX`. Outside
 * strings, comments, templates and regular expressions they cannot appear in valid code (and in an
 * identifier the escape is the same name); inside, the escape is the same value or harmless text.
 */
export function visibleCode(code: string): string {
  return code.replace(CONTROL, unicodeEscape).replace(INVISIBLE, unicodeEscape);
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
    .replace(CONTROL, unicodeEscape)
    .replace(INVISIBLE, unicodeEscape);
}

/**
 * JSDoc text whose `@` cannot start a tag: spec text such as "@deprecated" or "{@link …}" would
 * otherwise become a tag of the declaration in every editor. Tags the generator writes itself
 * are added around this text, not through it.
 */
export function jsdocText(text: string): string {
  return text.replace(/(^|[\s{])@/g, "$1\\@");
}

/**
 * Text safe inside an HTML comment (`<!-- ... -->`), on one line: no `--` survives, so nothing
 * can close the comment (`-->`, `--!>`) or open another; `-` is spaced out of every run.
 */
export function htmlCommentText(text: string): string {
  return commentText(text)
    .replace(/\n/g, " ")
    .replace(/-(?=-)/g, "- ");
}

/** A whole `/** ... *\/` block from lines of text (which carry no JSDoc tags of their own). */
export function docComment(lines: string[]): string {
  const body = lines.flatMap((line) => commentText(jsdocText(line)).split("\n"));
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
 * What GitHub may read as a mention of a user or team (`@octocat`, `@org/team`): an `@` and a
 * name. Dots and slashes are taken only between name characters, so `@octocat.` ends before the
 * full stop. It is a mention unless a word character comes right before it in the same text
 * (`gpt@5.4`, `a@b.example`); see markdownText.
 */
const MENTION = /@[A-Za-z0-9][A-Za-z0-9_-]*(?:[./][A-Za-z0-9_-]+)*/g;

/** Backslash escapes and entities for Markdown text that is not at the start of a line. */
function markdownInline(text: string): string {
  return text.replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`).replace(/[<>&]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&amp;"));
}

/**
 * Markdown text on one line with everything that could format, link or embed HTML neutralised:
 * emphasis, code, link and table characters are backslash-escaped, `<`, `>` and `&` become
 * entities, and a leading `#`, `-`, `+` or `1.` cannot start a heading or list. A mention
 * (`@octocat`) becomes a code span, which GitHub never reads as a mention: docs or a diff pasted
 * into an issue or pull request notify nobody, and the name still reads (and copies) as written.
 */
export function markdownText(text: string): string {
  const flat = text
    .replace(/\r\n?|[\n\u2028\u2029\u0085]/g, " ")
    // Before backslashes are escaped, so the escape's own backslash shows.
    .replace(CONTROL, unicodeEscape)
    .replace(INVISIBLE, unicodeEscape);
  let out = "";
  let from = 0;
  for (const mention of flat.matchAll(MENTION)) {
    const at = mention.index;
    // Right after a code span (ours: `@a@b`) or at the start, a new text begins: that counts as no word before.
    if (at > 0 && at > from && /[A-Za-z0-9_]/.test(flat[at - 1]!)) continue;
    // A mention holds no backtick or pipe, so a one-backtick code span holds it whole; one right
    // after another joins its span (two spans side by side would read as one with "``" inside).
    out = at === from && from > 0 ? `${out.slice(0, -1)}${mention[0]}\`` : `${out}${markdownInline(flat.slice(from, at))}\`${mention[0]}\``;
    from = at + mention[0].length;
  }
  out += markdownInline(flat.slice(from));
  return out.replace(/^(\s*)([#+\-=])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
}

/** Inline code in Markdown: backticks cannot end it and HTML cannot start inside table cells. */
export function markdownCode(text: string): string {
  const flat = text
    .replace(/\r\n?|[\u2028\u2029\u0085\n]/g, " ")
    .replace(CONTROL, unicodeEscape)
    .replace(INVISIBLE, unicodeEscape)
    .replace(/\|/g, "\\|");
  const fence = "`".repeat(Math.max(0, ...Array.from(flat.matchAll(/`+/g), (m) => m[0].length)) + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Text matched literally inside a regular expression: `a.b(c)` matches only itself. */
export function regExpText(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
