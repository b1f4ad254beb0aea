/**
 * What a reader sees on hover: the description, then the default, range, allowed values and
 * provenance. Used by the type emitter (JSDoc) and the docs emitter (Markdown).
 */
import { jsdocText } from "../escape.js";
import type { ExampleProvenance, Json, JsonObject, Provenance } from "../model.js";
import { BOUND_KEYWORDS, isObject } from "../schema-walk.js";

export interface Constraint {
  /** The schema keyword it shows. */
  keyword: string;
  label: string;
  /** What the docs and hover show: the value, and why it is inferred where the page does not state it. */
  value: string;
  /** Shown as prose, not as a JSDoc tag: text after a tag would be read as part of that tag. */
  prose?: string;
  /** The value alone, for comparing offerings (`1`, not `1 (inferred: …)`). */
  bare: string;
  /** Why the value is inferred (`x-inferred`), where it is. */
  inferred?: string;
}

/** Re-exported for the comparison pages, which show the same bounds. */
export { BOUND_KEYWORDS };

/**
 * The constraints a schema node states, in a fixed order, values as JSON text. One the spec marks
 * inferred (`x-inferred: { minimum: <reason> }`) carries its reason: `0 (inferred: <reason>)`.
 */
export function constraintsOf(schema: JsonObject): Constraint[] {
  const out: Omit<Constraint, "bare" | "inferred">[] = [];
  const show = (v: unknown) => JSON.stringify(v);
  if (schema.default !== undefined) out.push({ keyword: "default", label: "default", value: show(schema.default) });
  for (const key of BOUND_KEYWORDS) {
    if (schema[key] !== undefined)
      out.push({ keyword: key, label: key, value: typeof schema[key] === "string" ? (schema[key] as string) : show(schema[key]) });
  }
  if (schema.uniqueItems === true) out.push({ keyword: "uniqueItems", label: "uniqueItems", value: "true" });
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.map(show).join(", ");
    out.push({ keyword: "enum", label: "allowed values", value: values, prose: `Allowed values: ${values}` });
  }
  if (Array.isArray(schema["x-open-enum"])) {
    const values = schema["x-open-enum"].map(show).join(", ");
    out.push({
      keyword: "x-open-enum",
      label: "known values (unconfirmed, any string passes)",
      value: values,
      prose: `Known values (unconfirmed; any string is accepted): ${values}`,
    });
  }
  if (schema.const !== undefined)
    out.push({ keyword: "const", label: "fixed value", value: show(schema.const), prose: `Fixed value: ${show(schema.const)}` });
  if (typeof schema["x-step"] === "number") {
    const step = show(schema["x-step"]);
    out.push({
      keyword: "x-step",
      label: "step on the page",
      value: `${step} (not checked)`,
      prose: `Step on the page: ${step} (a slider increment; other values are not rejected)`,
    });
  }
  const inferred = inferredReasons(schema);
  return out.map((c) => {
    const reason = inferred.get(c.keyword);
    if (reason === undefined) return { ...c, bare: c.value };
    const note = ` (inferred: ${reason})`;
    return { ...c, bare: c.value, inferred: reason, value: c.value + note, ...(c.prose !== undefined ? { prose: c.prose + note } : {}) };
  });
}

/** The reasons of a node's inferred constraints (`x-inferred`), by keyword. */
export function inferredReasons(schema: JsonObject): Map<string, string> {
  const map = schema["x-inferred"];
  if (map === null || typeof map !== "object" || Array.isArray(map)) return new Map();
  return new Map(Object.entries(map).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

export function provenanceText(provenance: Provenance): string {
  return provenance.kind === "documented" ? "documented" : `inferred: ${provenance.reason}`;
}

/** `Request: documented; response: inferred: <reason>`: the parts of an example and where each comes from. */
export function exampleProvenanceText(provenance: ExampleProvenance): string {
  const parts = (["request", "response", "events"] as const).flatMap((part) => {
    const p = provenance[part];
    return p ? [`${part}: ${provenanceText(p)}`] : [];
  });
  const text = parts.join("; ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * JSDoc body lines (the type emitter escapes them with `commentText`). Spec text goes through
 * `jsdocText`, so only the tags written here (`@default`, `@maximum`, ...) are tags. Prose comes
 * before the tags: JSDoc reads a line after a tag as part of that tag.
 */
export function docLines(schema: JsonObject, extra: string[] = []): string[] {
  const lines: string[] = [];
  if (typeof schema.title === "string") lines.push(jsdocText(schema.title));
  if (typeof schema.description === "string") lines.push(jsdocText(schema.description));
  const constraints = constraintsOf(schema);
  const prose = constraints.flatMap((c) => (c.prose !== undefined ? [jsdocText(c.prose)] : []));
  const tags = constraints.flatMap((c) => (c.prose === undefined ? [`@${c.label} ${jsdocText(c.value)}`] : []));
  const tail = [...extra.map(jsdocText), ...prose, ...tags];
  if (lines.length > 0 && tail.length > 0) lines.push("");
  return [...lines, ...tail];
}

/** A schema's type in a few words: `string`, `number | null`, a fixed value, or `any`. */
export function typeText(schema: JsonObject | undefined): string {
  if (!schema) return "";
  if (typeof schema.type === "string") return schema.type;
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  for (const key of ["anyOf", "oneOf"] as const) {
    if (Array.isArray(schema[key])) return (schema[key] as Json[]).map((s) => (isObject(s) ? typeText(s) || "…" : String(s))).join(" | ");
  }
  if (typeof schema.$ref === "string") return "object";
  return "any";
}
