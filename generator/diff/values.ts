/** What a view allows, read from its keywords: its JSON types and the values it is restricted to. */
import { compareText } from "../diagnostics.js";
import type { Json } from "../model.js";
import { canonical, isAnnotationKeyword, jsonEqual } from "../schema-walk.js";
import type { View } from "./view.js";

export const ALL_TYPES = ["array", "boolean", "integer", "null", "number", "object", "string"];

/** The declared types of a view, sorted; undefined when it has no `type`. */
export function typesOf(v: View): string[] | undefined {
  const type = v.keys.get("type");
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return [...new Set(type.filter((t): t is string => typeof t === "string"))].sort(compareText);
  return undefined;
}

/** Whether declared types (none: any) let a value of a JSON type through; `number` takes integers. */
export function accepts(types: string[] | undefined, type: string): boolean {
  return !types || types.includes(type) || (type === "integer" && types.includes("number"));
}

/** The JSON type of a value, with whole numbers as `integer`. */
export function jsonType(value: Json): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** The JSON types of a list of values, sorted. */
export function typesOfValues(values: readonly Json[]): string[] {
  return [...new Set(values.map(jsonType))].sort(compareText);
}

export interface ValueSet {
  /** The allowed values, each once, as the declared `type` lets them through. */
  values: Json[];
  /** How the schema spells it: `const`, `enum` (also when both are present), or a union of such branches. */
  keyword: "const" | "enum" | "anyOf" | "oneOf";
}

/** Types with few enough values to list: a branch `{ type: "null" }` lists `null`. */
const FINITE_TYPES: Record<string, Json[]> = { null: [null], boolean: [true, false] };

/**
 * The values a node is restricted to by `const` and `enum` (both: their intersection), or by a
 * union of branches that only list values, filtered by its declared `type`. `const: x`,
 * `enum: [x]`, `{ type: string, const: x }` and `anyOf: [{ const: x }]` are the same set.
 */
export function valuesOf(v: View): ValueSet | undefined {
  const hasConst = v.keys.has("const");
  const list = v.keys.get("enum");
  if (!hasConst && !Array.isArray(list) && !v.listed) return undefined;
  let values: Json[] = v.listed ? v.listed.values : hasConst ? [v.keys.get("const") as Json] : (list as Json[]);
  if (hasConst && Array.isArray(list)) values = values.filter((value) => list.some((item) => jsonEqual(item, value)));
  const types = typesOf(v);
  const seen = new Set<string>();
  values = values.filter((value) => {
    const key = canonical(value);
    if (seen.has(key) || !accepts(types, jsonType(value))) return false;
    seen.add(key);
    return true;
  });
  // Every value the declared types allow (`{ type: null, enum: [null] }`, both booleans) is no restriction.
  if (types?.every((t) => FINITE_TYPES[t]) && types.flatMap((t) => FINITE_TYPES[t]!).every((x) => values.some((value) => jsonEqual(value, x))))
    return undefined;
  const keyword = v.listed ? v.listed.keyword : hasConst && !Array.isArray(list) ? "const" : "enum";
  return { values, keyword };
}

/** The values a branch allows when it only lists values (annotations aside); otherwise undefined. */
export function branchValues(v: View): Json[] | undefined {
  if (v.never) return [];
  if (![...v.keys.keys()].every((k) => k === "type" || k === "const" || k === "enum" || isAnnotationKeyword(k))) return undefined;
  const set = valuesOf(v);
  if (set) return set.values;
  // `{ type: "null" }` (a nullable list) and `{ type: boolean }` list their values by type.
  const types = typesOf(v);
  if (types?.every((t) => FINITE_TYPES[t])) return types.flatMap((t) => FINITE_TYPES[t]!);
  return undefined;
}

export function isWhole(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n - Math.round(n)) < 1e-9;
}
