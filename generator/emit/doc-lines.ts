/**
 * What a reader sees on hover: the description, then the default, range, allowed values and
 * provenance. Used by the type emitter (JSDoc) and the docs emitter (Markdown).
 */
import { jsdocText } from "../escape.js";
import type { Json, JsonObject, Provenance } from "../model.js";
import { isObject } from "../schema-walk.js";

export interface Constraint {
  label: string;
  value: string;
}

/** The constraints a schema node states, in a fixed order, values as JSON text. */
export function constraintsOf(schema: JsonObject): Constraint[] {
  const out: Constraint[] = [];
  const show = (v: unknown) => JSON.stringify(v);
  if (schema.default !== undefined) out.push({ label: "default", value: show(schema.default) });
  for (const key of ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "format", "pattern"]) {
    if (schema[key] !== undefined) out.push({ label: key, value: typeof schema[key] === "string" ? (schema[key] as string) : show(schema[key]) });
  }
  if (schema.uniqueItems === true) out.push({ label: "uniqueItems", value: "true" });
  if (Array.isArray(schema.enum)) out.push({ label: "allowed values", value: schema.enum.map(show).join(", ") });
  if (schema.const !== undefined) out.push({ label: "fixed value", value: show(schema.const) });
  return out;
}

export function provenanceText(provenance: Provenance): string {
  return provenance.kind === "documented" ? "documented" : `inferred: ${provenance.reason}`;
}

/**
 * JSDoc body lines (the type emitter escapes them with `commentText`). Spec text goes through
 * `jsdocText`, so only the tags written here (`@default`, `@maximum`, ...) are tags.
 */
export function docLines(schema: JsonObject, extra: string[] = []): string[] {
  const lines: string[] = [];
  if (typeof schema.title === "string") lines.push(jsdocText(schema.title));
  if (typeof schema.description === "string") lines.push(jsdocText(schema.description));
  const tags = constraintsOf(schema).map((c) => {
    const value = jsdocText(c.value);
    return c.label === "allowed values" ? `Allowed values: ${value}` : c.label === "fixed value" ? `Fixed value: ${value}` : `@${c.label} ${value}`;
  });
  const tail = [...extra.map(jsdocText), ...tags];
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
