/**
 * The hostile corpus's coverage matrix: for each field the issue names (descriptions, titles,
 * defaults, examples, enum values, patterns, property names, model ids, provider names) and each
 * payload it names (`*\/`, `/*`, `//`, backticks, `${...}`, quotes of every kind, backslashes,
 * newlines, U+2028/U+2029, `</script>`, non-identifier keys, Object.prototype names), whether some
 * spec of the corpus that generates puts that payload in that field. Read from the specs as the
 * loader parses them, so it measures what the generator really receives.
 */
import { parseSpecFiles, type ParsedFile } from "../../generator/load.js";
import { keywordShape } from "../../generator/schema-walk.js";
import { textFiles } from "../helpers.js";
import type { HostileCase } from "./corpus.js";

export const FIELDS = ["description", "title", "default", "examples", "enum", "pattern", "property name", "model id", "provider name"] as const;
export type Field = (typeof FIELDS)[number];

/** Payloads found anywhere in a value (substring), and payloads that must be a whole value or key. */
export const PAYLOAD_CLASSES: Record<string, (text: string) => boolean> = {
  "*/": (t) => t.includes("*/"),
  "/*": (t) => t.includes("/*"),
  "//": (t) => t.includes("//"),
  "`": (t) => t.includes("`"),
  "${...}": (t) => /\$\{[^}]*\}/.test(t),
  '"': (t) => t.includes('"'),
  "'": (t) => t.includes("'"),
  "\u201c\u201d\u2018\u2019": (t) => /[\u201c\u201d\u2018\u2019]/.test(t),
  "\\": (t) => t.includes("\\"),
  "\\n": (t) => t.includes("\n"),
  "U+2028": (t) => t.includes("\u2028"),
  "U+2029": (t) => t.includes("\u2029"),
  "</script>": (t) => /<\/script>/i.test(t),
  '"a-b"': (t) => t === "a-b",
  '"with space"': (t) => t === "with space",
  '"123"': (t) => t === "123",
  '""': (t) => t === "",
  // Computed: a plain `__proto__:` key in an object literal would set the prototype (the very bug class).
  ["__proto__"]: (t: string) => t === "__proto__",
  constructor: (t: string) => t === "constructor",
  prototype: (t: string) => t === "prototype",
  toString: (t: string) => t === "toString",
};

/** Every string a field holds in one parsed spec file: the values, and the keys of data values. */
function fieldStrings(file: ParsedFile): Map<Field, string[]> {
  const found = new Map<Field, string[]>(FIELDS.map((f) => [f, []]));
  const add = (field: Field, ...texts: string[]) => found.get(field)!.push(...texts);
  /** Strings and keys anywhere in a JSON value. */
  const dataStrings = (value: unknown): string[] => {
    if (typeof value === "string") return [value];
    if (Array.isArray(value)) return value.flatMap(dataStrings);
    if (value !== null && typeof value === "object")
      return Object.keys(value).flatMap((k) => [k, ...dataStrings((value as Record<string, unknown>)[k])]);
    return [];
  };
  const schema = (node: unknown): void => {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return;
    const object = node as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const value = object[key];
      if (key === "description" && typeof value === "string") add("description", value);
      else if (key === "title" && typeof value === "string") add("title", value);
      else if (key === "default") add("default", ...dataStrings(value));
      else if (key === "examples") add("examples", ...dataStrings(value));
      else if (key === "enum" || key === "const") add("enum", ...dataStrings(value));
      else if (key === "pattern" && typeof value === "string") add("pattern", value);
      if (key === "properties") add("property name", ...Object.keys(value as object));
      if (key === "patternProperties") add("pattern", ...Object.keys(value as object));
      switch (keywordShape(key)) {
        case "schema":
          schema(value);
          break;
        case "schema-map":
          for (const name of Object.keys(value as object)) schema((value as Record<string, unknown>)[name]);
          break;
        case "schema-list":
          (value as unknown[]).forEach(schema);
          break;
        default:
          break;
      }
    }
  };
  const data = file.data as Record<string, unknown>;
  if (file.kind === "provider") {
    if (typeof data.name === "string") add("provider name", data.name);
    schema((data.errors as Record<string, unknown> | undefined)?.schema);
  } else if (file.kind === "fragment") {
    if (typeof data.description === "string") add("description", data.description);
    schema({ $defs: data.$defs });
  } else {
    if (typeof data.model === "string") add("model id", data.model);
    if (typeof data.description === "string") add("description", data.description);
    for (const role of ["request", "response", "stream"]) schema((data[role] as Record<string, unknown> | undefined)?.schema);
    for (const example of (data.examples ?? []) as Record<string, unknown>[]) {
      if (typeof example.title === "string") add("title", example.title);
      add("examples", ...dataStrings({ request: example.request, response: example.response, events: example.events }));
    }
  }
  return found;
}

export type Matrix = Record<Field, Record<string, boolean>>;

/** Which (field, payload) cells some spec that generates fills. */
export function coverageMatrix(cases: readonly HostileCase[]): Matrix {
  const matrix = Object.fromEntries(FIELDS.map((f) => [f, Object.fromEntries(Object.keys(PAYLOAD_CLASSES).map((p) => [p, false]))])) as Matrix;
  const files = Object.assign({}, ...cases.filter((c) => c.want === "ok").map((c) => c.files)) as Record<string, string>;
  const parsed = parseSpecFiles(textFiles(files), { maxSpecBytes: Infinity });
  if (parsed.diagnostics.length) throw new Error(`corpus does not parse: ${JSON.stringify(parsed.diagnostics[0])}`);
  for (const file of parsed.files) {
    for (const [field, texts] of fieldStrings(file)) {
      for (const [payload, present] of Object.entries(PAYLOAD_CLASSES)) if (texts.some(present)) matrix[field][payload] = true;
    }
  }
  return matrix;
}

/** The matrix as text: one row per field, `x` where the corpus covers the payload. */
export function matrixText(matrix: Matrix): string {
  const payloads = Object.keys(PAYLOAD_CLASSES);
  const width = Math.max(...FIELDS.map((f) => f.length));
  return [
    `${"".padEnd(width)} ${payloads.map((_, i) => String(i + 1).padStart(2)).join(" ")}`,
    ...FIELDS.map((f) => `${f.padEnd(width)} ${payloads.map((p) => (matrix[f][p] ? " x" : " .")).join(" ")}`),
    ...payloads.map((p, i) => `${String(i + 1).padStart(2)}: ${JSON.stringify(p)}`),
  ].join("\n");
}
