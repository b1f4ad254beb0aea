/**
 * Request parameters as users name them: `messages[].role`, `settings.toolChoice.type`, and
 * `["odd key"]` for keys that are not plain words. Shared by the provenance check, the types
 * emitter, the docs and the tests, so they all agree on what a parameter is.
 */
import { compareText } from "./diagnostics.js";
import type { Json, JsonObject } from "./model.js";
import { isObject } from "./schema-walk.js";

export function joinParameterPath(prefix: string, key: string): string {
  if (/^[A-Za-z0-9_$-]+$/.test(key)) return prefix ? `${prefix}.${key}` : key;
  return `${prefix}[${JSON.stringify(key)}]`;
}

export function splitParameterPath(path: string): ({ items: true } | { key: string })[] {
  return [...path.matchAll(/\[\]|\[("(?:[^"\\]|\\.)*")\]|([^.[\]]+)/g)].map((m) =>
    m[0] === "[]" ? { items: true } : { key: m[1] ? (JSON.parse(m[1]) as string) : m[2]! },
  );
}

/** Follows `$ref`s inside a bundled schema (`#` or `#/$defs/Name`). */
export function dereference(root: JsonObject, node: Json | undefined): JsonObject | undefined {
  const defs = isObject(root.$defs) ? (root.$defs as JsonObject) : {};
  let current = node;
  for (let hops = 0; hops < 32 && isObject(current) && typeof current.$ref === "string"; hops++) {
    current = current.$ref === "#" ? root : current.$ref.startsWith("#/$defs/") ? defs[current.$ref.slice("#/$defs/".length)] : undefined;
  }
  return isObject(current) ? current : undefined;
}

/** The schema node and its `anyOf`/`oneOf`/`allOf` branches, dereferenced. */
function alternatives(root: JsonObject, node: JsonObject, seen = new Set<JsonObject>()): JsonObject[] {
  if (seen.has(node)) return [];
  seen.add(node);
  const out = [node];
  for (const keyword of ["anyOf", "oneOf", "allOf"] as const) {
    if (!Array.isArray(node[keyword])) continue;
    for (const branch of node[keyword] as Json[]) {
      const target = dereference(root, branch);
      if (target) out.push(...alternatives(root, target, seen));
    }
  }
  return out;
}

/** Paths of every property reachable from a bundled schema, sorted. */
export function parameterPaths(root: JsonObject): string[] {
  const out = new Set<string>();
  const walk = (node: JsonObject | undefined, prefix: string, stack: Set<JsonObject>): void => {
    if (!node || stack.has(node)) return;
    const inner = new Set(stack).add(node);
    for (const alt of alternatives(root, node)) {
      if (isObject(alt.properties)) {
        for (const key of Object.keys(alt.properties)) {
          const path = joinParameterPath(prefix, key);
          out.add(path);
          walk(dereference(root, (alt.properties as JsonObject)[key]), path, inner);
        }
      }
      if (alt.items !== undefined) walk(dereference(root, alt.items as Json), `${prefix}[]`, inner);
    }
  };
  walk(dereference(root, root), "", new Set());
  return [...out].sort(compareText);
}

export interface FoundParameter {
  /** The property's schema as written under `properties` (possibly a `$ref` with annotations). */
  property: JsonObject;
  /** The same schema with `$ref`s followed. */
  schema: JsonObject;
  required: boolean;
}

/** The first schema that defines a parameter path, or undefined. */
export function findParameter(root: JsonObject, path: string): FoundParameter | undefined {
  let candidates: JsonObject[] = [dereference(root, root)!];
  let found: FoundParameter | undefined;
  for (const token of splitParameterPath(path)) {
    const next: JsonObject[] = [];
    found = undefined;
    for (const alt of candidates.flatMap((c) => alternatives(root, c))) {
      if ("items" in token) {
        const item = dereference(root, alt.items as Json);
        if (item) next.push(item);
      } else if (isObject(alt.properties) && Object.hasOwn(alt.properties, token.key)) {
        const property = (alt.properties as JsonObject)[token.key];
        const schema = dereference(root, property);
        if (!isObject(property) || !schema) continue;
        next.push(schema);
        found ??= { property, schema, required: Array.isArray(alt.required) && alt.required.includes(token.key) };
      }
    }
    candidates = next;
  }
  return found;
}
