/**
 * A small value that satisfies a schema, for sources without examples (Cloudflare's records carry
 * none): the spec's example must pass its own schema, and the mock server answers from it. The
 * result is checked with ajv by the caller; `undefined` means no value was found.
 */
import type { Json, JsonObject } from "../model.js";
import { isObject } from "../schema-walk.js";

const FORMAT_SAMPLES: Record<string, string> = {
  uuid: "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  uri: "https://example.com/input",
  "uri-reference": "https://example.com/input",
  email: "user@example.com",
  date: "2025-01-01",
  "date-time": "2025-01-01T00:00:00Z",
  time: "00:00:00Z",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  hostname: "example.com",
  byte: "aGVsbG8=",
  binary: "aGVsbG8=",
  regex: ".*",
};

export function sampleOf(schema: Json | undefined, depth = 0, name = ""): Json | undefined {
  if (schema === true || schema === undefined) return "example";
  if (!isObject(schema) || depth > 12) return undefined;
  if ("const" in schema) return schema.const as Json;
  if (Array.isArray(schema.enum)) return schema.enum[0] as Json;
  if ("default" in schema && schema.default !== null) return schema.default as Json;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0] as Json;
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches) && branches.length > 0) {
      const { [keyword]: _, ...rest } = schema;
      return sampleOf({ ...rest, ...(branches[0] as JsonObject) }, depth + 1, name);
    }
  }
  if (Array.isArray(schema.allOf)) {
    const { allOf, ...rest } = schema;
    return sampleOf(Object.assign({}, rest, ...(allOf as JsonObject[]).filter(isObject)), depth + 1, name);
  }
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== "null") as string | undefined) : (schema.type as string | undefined);
  const kind = type ?? (isObject(schema.properties) ? "object" : schema.items !== undefined ? "array" : "string");
  switch (kind) {
    case "object": {
      const properties = isObject(schema.properties) ? (schema.properties as JsonObject) : {};
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      const out: JsonObject = {};
      for (const key of required) {
        const value = sampleOf(properties[key] ?? true, depth + 1, key);
        if (value === undefined) return undefined;
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case "array": {
      const count = typeof schema.minItems === "number" ? Math.min(schema.minItems, 4) : 1;
      const item = sampleOf((schema.items as Json | undefined) ?? true, depth + 1, name);
      return item === undefined ? undefined : Array.from({ length: count }, () => item);
    }
    case "integer":
    case "number": {
      const min =
        typeof schema.minimum === "number" ? schema.minimum : typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + 1 : undefined;
      const max =
        typeof schema.maximum === "number" ? schema.maximum : typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum - 1 : undefined;
      const value = min ?? (max !== undefined ? Math.min(max, 1) : 1);
      return kind === "integer" ? Math.ceil(value) : value;
    }
    case "boolean":
      return false;
    case "null":
      return null;
    default: {
      const format = typeof schema.format === "string" ? FORMAT_SAMPLES[schema.format] : undefined;
      let text = format ?? (name === "" ? "example" : `example ${name}`);
      if (typeof schema.maxLength === "number" && text.length > schema.maxLength) text = "x".repeat(schema.maxLength);
      if (typeof schema.minLength === "number" && text.length < schema.minLength) text = text.padEnd(schema.minLength, "x");
      return text;
    }
  }
}
