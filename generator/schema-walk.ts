/** Which keywords of a JSON Schema hold sub-schemas. Everything else is data (enum, const, default...). */
export const SUBSCHEMA_KEYWORDS = ["items", "additionalProperties", "propertyNames", "contains", "not", "if", "then", "else"] as const;
export const SUBSCHEMA_MAP_KEYWORDS = ["properties", "patternProperties", "$defs"] as const;
export const SUBSCHEMA_LIST_KEYWORDS = ["anyOf", "oneOf", "allOf", "prefixItems"] as const;

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
    const at = `${pointer}/${pointerToken(key)}`;
    switch (keywordShape(key)) {
      case "schema":
        forEachSchemaNode(value, at, visit);
        break;
      case "schema-map":
        if (isObject(value)) for (const name of Object.keys(value)) forEachSchemaNode(value[name], `${at}/${pointerToken(name)}`, visit);
        break;
      case "schema-list":
        if (Array.isArray(value)) for (const [i, item] of value.entries()) forEachSchemaNode(item, `${at}/${i}`, visit);
        break;
      default:
        break;
    }
  }
}

/** A JSON pointer token (as diagnostics.ts writes them; not imported, so the validators' helper bundle stays small). */
const pointerToken = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** Sets a key as plain data, so `__proto__` and friends stay ordinary properties. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
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

/** Keywords that document a schema and never change which values it accepts. */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  "title",
  "description",
  "$comment",
  "default",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
]);

/** Whether a keyword is documentation only: a standard annotation or an `x-` extension. */
export const isAnnotationKeyword = (keyword: string): boolean => ANNOTATION_KEYWORDS.has(keyword) || keyword.startsWith("x-");

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
 * Equality of JSON values, as JSON Schema uses it for `const`, `enum` and `uniqueItems`. The
 * validators use it instead of ajv's fast-deep-equal, which throws on data with a `valueOf` or
 * `toString` key (it calls them) and compares a `constructor` key by identity
 * (epoberezkin/fast-deep-equal#49, #142). Self-contained: the validators' helper bundle inlines it.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
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
