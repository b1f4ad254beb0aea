/**
 * One home for the keywords of JSON Schema: which hold sub-schemas, which only document, and which
 * constrain values of some types only. The resolver, the checks, the emitters and the diff read
 * these lists; a second copy drifts (a `$ref` cycle carrying `default` was once not seen as a cycle).
 */
import { escapePointerToken, isObject } from "./runtime/json.js";

export { isObject, jsonEqual } from "./runtime/json.js";

/** Keywords whose value is one sub-schema. Everything not listed in these three is data (enum, const, default...). */
export const SUBSCHEMA_KEYWORDS = ["items", "additionalProperties", "propertyNames", "contains", "not", "if", "then", "else"] as const;
/** Keywords whose value maps names to sub-schemas. */
export const SUBSCHEMA_MAP_KEYWORDS = ["properties", "patternProperties", "$defs"] as const;
/** Keywords whose value is a list of sub-schemas. */
export const SUBSCHEMA_LIST_KEYWORDS = ["anyOf", "oneOf", "allOf", "prefixItems"] as const;

/** Annotations whose value is data, not prose: json-schema-to-typescript does not print them. */
export const DATA_ANNOTATION_KEYWORDS = ["$comment", "default", "examples"] as const;

/** Keywords that document a schema and never change which values it accepts. */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  "title",
  "description",
  ...DATA_ANNOTATION_KEYWORDS,
  "deprecated",
  "readOnly",
  "writeOnly",
]);

/** Whether a keyword is documentation only: a standard annotation or an `x-` extension. */
export const isAnnotationKeyword = (keyword: string): boolean => ANNOTATION_KEYWORDS.has(keyword) || keyword.startsWith("x-");

/** The keywords that bound a value, in the order docs show them. */
export const BOUND_KEYWORDS = [
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
  "format",
  "pattern",
] as const;

/** Keywords that only constrain values of some JSON types: a value of any other type passes them. */
export const TYPE_SPECIFIC_KEYWORDS: Readonly<Record<string, readonly string[]>> = Object.fromEntries([
  // Every format the spec meta-schema allows is a string format.
  ...["minLength", "maxLength", "pattern", "format", "contentEncoding", "contentMediaType"].map((k) => [k, ["string"]]),
  ...["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"].map((k) => [k, ["number", "integer"]]),
  ...[
    "items",
    "prefixItems",
    "contains",
    "minContains",
    "maxContains",
    "minItems",
    "maxItems",
    "uniqueItems",
    "unevaluatedItems",
    "additionalItems",
  ].map((k) => [k, ["array"]]),
  ...[
    "properties",
    "required",
    "additionalProperties",
    "patternProperties",
    "propertyNames",
    "minProperties",
    "maxProperties",
    "dependentRequired",
    "dependentSchemas",
    "unevaluatedProperties",
  ].map((k) => [k, ["object"]]),
]);

const single = new Set<string>(SUBSCHEMA_KEYWORDS);
const map = new Set<string>(SUBSCHEMA_MAP_KEYWORDS);
const list = new Set<string>(SUBSCHEMA_LIST_KEYWORDS);

export type KeywordShape = "schema" | "schema-map" | "schema-list" | "data";

export function keywordShape(keyword: string): KeywordShape {
  if (single.has(keyword)) return "schema";
  if (map.has(keyword)) return "schema-map";
  if (list.has(keyword)) return "schema-list";
  return "data";
}

/**
 * Calls `visit` on a schema node and on every sub-schema below it, with its JSON pointer. Values of
 * the wrong shape (a spec the meta-schema rejects) are skipped, not walked.
 */
export function forEachSchemaNode(schema: unknown, pointer: string, visit: (node: Record<string, unknown>, pointer: string) => void): void {
  if (!isObject(schema)) return;
  visit(schema, pointer);
  for (const key of Object.keys(schema)) {
    const value = schema[key];
    const at = `${pointer}/${escapePointerToken(key)}`;
    switch (keywordShape(key)) {
      case "schema":
        forEachSchemaNode(value, at, visit);
        break;
      case "schema-map":
        if (isObject(value)) for (const name of Object.keys(value)) forEachSchemaNode(value[name], `${at}/${escapePointerToken(name)}`, visit);
        break;
      case "schema-list":
        if (Array.isArray(value)) for (const [i, item] of value.entries()) forEachSchemaNode(item, `${at}/${i}`, visit);
        break;
      default:
        break;
    }
  }
}

/** Sets a key as plain data, so `__proto__` and friends stay ordinary properties. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy that keeps odd keys as own data properties. */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(out, key, cloneJson(value[key]));
    return out as T;
  }
  return value;
}

/**
 * A copy of a schema without its `x-` annotations: they are notes for readers, and ajv's
 * strict mode rejects keywords it does not know. Data keywords (enum, const, default) are kept whole.
 */
export function withoutAnnotations<T>(schema: T, drop: (keyword: string) => boolean = (keyword) => keyword.startsWith("x-")): T {
  if (!isObject(schema)) return schema;
  const recurse = (value: unknown) => withoutAnnotations(value, drop);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema)) {
    if (drop(key)) continue;
    const value = schema[key];
    switch (keywordShape(key)) {
      case "schema":
        setOwn(out, key, recurse(value));
        break;
      case "schema-map": {
        if (!isObject(value)) {
          setOwn(out, key, cloneJson(value));
          break;
        }
        const members: Record<string, unknown> = {};
        for (const name of Object.keys(value)) setOwn(members, name, recurse(value[name]));
        setOwn(out, key, members);
        break;
      }
      case "schema-list":
        setOwn(out, key, Array.isArray(value) ? value.map(recurse) : cloneJson(value));
        break;
      default:
        setOwn(out, key, cloneJson(value));
    }
  }
  return out as T;
}

/**
 * What a validator needs of a schema: every keyword that decides validity, no documentation. Two
 * offerings whose schemas differ only in their descriptions share one validator.
 */
export function validationSchema<T>(schema: T): T {
  return withoutAnnotations(schema, isAnnotationKeyword);
}

const validationTexts = new WeakMap<object, string>();

/**
 * `validationSchema` as JSON text, computed once per schema object: offerings that share a
 * bundled schema share the object, and several stages key their work by this text.
 */
export function validationText(schema: object): string {
  let text = validationTexts.get(schema);
  if (text === undefined) {
    text = JSON.stringify(validationSchema(schema));
    validationTexts.set(schema, text);
  }
  return text;
}

/**
 * JSON with sorted keys (by UTF-16 code units, as `compareText`): equal values give equal text.
 * The one canonical form: the diff compares schemas with it and the JSON Schema files are named by its hash.
 */
export function canonical(value: unknown): string {
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
