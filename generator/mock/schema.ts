/** Small JSON and JSON Schema helpers (only local `#/...` refs, which is what bundled specs use). */
import { getPointer, isObject, jsonEqual, splitPointer } from "../runtime/json.js";

export type JsonRecord = Record<string, unknown>;

export function deref(root: unknown, schema: unknown): JsonRecord | undefined {
  for (let s = schema, depth = 0; depth < 20; depth++) {
    if (!isObject(s)) return undefined;
    if (typeof s.$ref !== "string" || !s.$ref.startsWith("#")) return s;
    s = getPointer(root, s.$ref.slice(1));
  }
  return undefined;
}

export function schemaAt(root: unknown, pointer: string): JsonRecord | undefined {
  let s = deref(root, root);
  for (const segment of splitPointer(pointer)) {
    if (!s) return undefined;
    const props = isObject(s.properties) ? s.properties : {};
    s = deref(root, /^\d+$/.test(segment) && s.items ? s.items : props[segment]);
  }
  return s;
}

/**
 * Fills the required top-level properties of an object schema with empty values of their type, and
 * its declared array properties with `[]` (Cloudflare's envelope always carries `messages: []`).
 */
export function fillRequired(body: JsonRecord, schema: unknown): JsonRecord {
  const s = deref(schema, schema);
  if (!s) return body;
  const props = isObject(s.properties) ? s.properties : {};
  const typeOf = (name: string) => {
    const type = deref(schema, props[name])?.type;
    return Array.isArray(type) ? type[0] : type;
  };
  for (const name of Object.keys(props)) if (!(name in body) && typeOf(name) === "array") body[name] = [];
  for (const name of Array.isArray(s.required) ? s.required : []) {
    if (typeof name !== "string" || name in body) continue;
    body[name] = emptyValueOf(typeOf(name));
  }
  return body;
}

/** The placeholder `fillRequired` gives a required field of this JSON Schema type. */
function emptyValueOf(type: unknown): unknown {
  switch (type) {
    case "array":
      return [];
    case "object":
      return {};
    case "boolean":
      return false;
    case "string":
      return "";
    case "number":
    case "integer":
      return 0;
    default:
      return null;
  }
}

export function fieldAllowsNull(schema: JsonRecord | undefined): boolean {
  return schema?.type === "null" || (Array.isArray(schema?.type) && schema.type.includes("null"));
}

export function setPointer(body: JsonRecord, pointer: string, value: unknown): void {
  const keys = splitPointer(pointer);
  let target = body;
  for (const key of keys.slice(0, -1)) {
    if (!isObject(target[key])) target[key] = {};
    target = target[key] as JsonRecord;
  }
  target[keys.at(-1)!] = value;
}

/** Whether a request holds this JSON value (key order aside); an absent field holds none. */
export function sameJson(a: unknown, b: unknown): boolean {
  return a !== undefined && jsonEqual(a, b);
}
