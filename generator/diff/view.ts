/**
 * Views: a schema node as it applies, with its `$ref` chain followed, an `allOf` of disjoint
 * branches merged in, and a union of listed values read as one list. The rules compare views, so
 * spellings that accept the same values (a definition renamed, inlined or wrapped in `allOf`;
 * `oneOf: [{ const: a }, { const: b }]` and `enum: [a, b]`) compare equal.
 */
import { joinPointer, splitPointer, splitRef } from "../diagnostics.js";
import type { Json } from "../model.js";
import { valueAt } from "../resolve.js";
import { canonical, isAnnotationKeyword, isObject } from "../schema-walk.js";
import { branchValues, isWhole, typesOf } from "./values.js";

/** Which version of the spec a view belongs to: `base` is the old one, `head` the one under review. */
export type Side = "base" | "head";

/**
 * Keywords that are not compared at all: structure of the bundle, not of the values. The
 * meta-schema accepts no other such keyword (`$id`, `$anchor`, `definitions`), and schema-walk.ts
 * has no list of them.
 */
const STRUCTURE = new Set(["$ref", "$defs", "$schema"]);

export interface View {
  /** The keywords of the node and of every schema its `$ref` chain reaches; the outermost wins. */
  keys: Map<string, Json>;
  /** Bundle pointer of each keyword's value. */
  at: Map<string, string>;
  /** Bundle pointer of the node itself. */
  self: string;
  /** Identity for "compared once": the node, or the definition it is only an alias of. */
  id: string;
  /** `false` schema. */
  never: boolean;
  /** The shared definition the node lives in, if any. */
  definition?: string;
  /** The raw node, for matching anyOf/oneOf/allOf branches. */
  raw: Json;
  /** The `$ref` chain came back to a schema it was already inside (through `allOf`): not merged. */
  cut?: boolean;
  /** Before its `allOf` was merged in, for comparing with a version whose `allOf` could not be. */
  unmerged?: View;
  /**
   * An anyOf/oneOf whose every branch only lists values (`const`, `enum`, `type: "null"`): the
   * values it allows, each with the branch that lists it. The union keyword is then left out of
   * `keys`, so `oneOf: [{ const: a }, { const: b }]` compares as `enum: [a, b]`.
   */
  listed?: Listed;
  /** Before its union was read as a list of values, for comparing with a version whose union could not be. */
  spelled?: View;
}

export interface Listed {
  keyword: "anyOf" | "oneOf";
  values: Json[];
  branches: View[];
  /** For each value, the index of the branch that lists it. */
  branchOf: number[];
}

/**
 * A node as it applies: its keywords, and those of the schemas its `$ref` chain reaches. An `allOf`
 * whose branches and node share no constraint keyword is merged in, so wrapping a `$ref` in
 * `allOf: [{ $ref }]` (the pre-2019 way to add siblings) or splitting a schema into branches is
 * not a change. Overlapping branches are kept as `allOf` and compared branch by branch.
 */
export function view(
  node: Json | undefined,
  pointer: string,
  side: Side,
  root: Json,
  inherited?: string,
  outer: ReadonlySet<string> = new Set(),
): View {
  const keys = new Map<string, Json>();
  const at = new Map<string, string>();
  let current: Json | undefined = node;
  let currentPointer = pointer;
  let definition = inherited;
  let id = `${side}:${pointer}`;
  let never = false;
  const seen = new Set<string>();
  for (;;) {
    if (current === false) {
      never = keys.size === 0;
      break;
    }
    if (!isObject(current)) break;
    for (const key of Object.keys(current)) {
      if (STRUCTURE.has(key) || keys.has(key)) continue;
      keys.set(key, current[key] as Json);
      at.set(key, joinPointer(currentPointer, key));
    }
    const ref = current.$ref;
    if (typeof ref !== "string" || !ref.startsWith("#")) break;
    const target = decodeURIComponent(splitRef(ref).fragment);
    if (outer.has(target)) return { keys, at, self: pointer, id, never, definition, raw: node ?? true, cut: true };
    if (seen.has(target)) break;
    seen.add(target);
    const onlyRef = Object.keys(current).every((k) => STRUCTURE.has(k)) && currentPointer === pointer;
    if (onlyRef) id = `${side}:${target}`;
    const tokens = splitPointer(target);
    definition = tokens[0] === "$defs" && tokens.length === 2 ? tokens[1] : target === "" ? undefined : definition;
    current = valueAt(root, target);
    currentPointer = target;
  }
  const result: View = { keys, at, self: pointer, id, never, definition, raw: node ?? true };
  const inner = new Set([...outer, ...seen, pointer]);
  return wholeNumbers(listValues(keys.has("allOf") ? mergeAllOf(result, side, root, inner) : result, side, root, inner));
}

/** A child schema of a view (`items`, `properties/x`, ...); a missing child is `true`. */
export function child(parent: View, side: Side, root: Json, ...tokens: (string | number)[]): View {
  const [keyword, ...rest] = tokens;
  let value: Json | undefined = parent.keys.get(String(keyword));
  for (const token of rest) value = isObject(value) || Array.isArray(value) ? (value as Record<string, Json>)[String(token)] : undefined;
  const keywordAt = parent.at.get(String(keyword));
  if (value === undefined || keywordAt === undefined)
    return { ...view(true, parent.self, side, root, parent.definition), id: `${side}:${parent.self}#missing:${tokens.join("/")}` };
  return view(value, joinPointer(keywordAt, ...rest), side, root, parent.definition);
}

/** The anyOf or oneOf of a view, when it has one of them (not both). */
export function unionKeyword(v: View): "anyOf" | "oneOf" | undefined {
  const any = Array.isArray(v.keys.get("anyOf"));
  const one = Array.isArray(v.keys.get("oneOf"));
  return any && !one ? "anyOf" : one && !any ? "oneOf" : undefined;
}

/**
 * A number that must be a whole multiple (`multipleOf: 1`, `2`, ...) is an integer: JSON Schema
 * counts 1.0 as one. So `type: number, multipleOf: 1` reads as `type: integer`, and a
 * `multipleOf: 1` beside integers says nothing: the same values, no change to report.
 */
function wholeNumbers(v: View): View {
  const step = v.keys.get("multipleOf");
  const types = typesOf(v);
  if (typeof step !== "number" || step < 1 || !isWhole(step) || !types || !types.some((t) => t === "number" || t === "integer")) return v;
  const integers = [...new Set(types.map((t) => (t === "number" ? "integer" : t)))];
  const keys = new Map(v.keys);
  keys.set("type", integers.length === 1 ? integers[0]! : integers);
  if (step === 1) keys.delete("multipleOf");
  return { ...v, keys };
}

/**
 * The view as a list of values when it is an anyOf/oneOf (beside at most a `type`) whose branches
 * each only list values, and at least one lists them with `const` or `enum`. In a oneOf, a value
 * two branches list matches both and is rejected, so it is not in the list.
 */
function listValues(v: View, side: Side, root: Json, outer: ReadonlySet<string>): View {
  const keyword = unionKeyword(v);
  if (!keyword || v.listed) return v;
  if (![...v.keys.keys()].every((k) => k === keyword || k === "type" || isAnnotationKeyword(k))) return v;
  const list = v.keys.get(keyword) as Json[];
  const listAt = v.at.get(keyword)!;
  const parts = list.map((branch, i) => view(branch, joinPointer(listAt, i), side, root, v.definition, outer));
  if (parts.some((part) => part.cut) || !parts.some((part) => part.listed || part.keys.has("const") || part.keys.has("enum"))) return v;
  const sets = parts.map(branchValues);
  if (sets.some((set) => set === undefined)) return v;
  const count = new Map<string, number>();
  for (const set of sets) for (const value of new Set(set!.map(canonical))) count.set(value, (count.get(value) ?? 0) + 1);
  const values: Json[] = [];
  const branchOf: number[] = [];
  sets.forEach((set, i) => {
    for (const value of set!) {
      const key = canonical(value);
      const times = count.get(key)!;
      if (times === 0 || (keyword === "oneOf" && times > 1)) continue;
      count.set(key, 0);
      values.push(value);
      branchOf.push(i);
    }
  });
  const keys = new Map([...v.keys].filter(([k]) => k !== keyword));
  return { ...v, keys, listed: { keyword, values, branches: parts, branchOf }, spelled: v };
}

/** The view with its `allOf` branches merged in, when no two of them (or the node) share a constraint keyword. */
function mergeAllOf(v: View, side: Side, root: Json, outer: ReadonlySet<string>): View {
  const list = v.keys.get("allOf");
  const listAt = v.at.get("allOf");
  if (!Array.isArray(list) || listAt === undefined || list.length === 0) return v;
  const parts = list.map((branch, i) => view(branch, joinPointer(listAt, i), side, root, v.definition, outer));
  if (parts.some((part) => part.never || part.cut)) return v;
  const owners = new Map<string, number>();
  for (const [index, part] of [v, ...parts].entries()) {
    // A part that lists values owns the value keywords: `enum` beside it would overlap.
    for (const key of [...part.keys.keys(), ...(part.listed ? ["const", "enum", part.listed.keyword] : [])]) {
      if (isAnnotationKeyword(key) || (index === 0 && key === "allOf")) continue;
      if (owners.has(key)) return v;
      owners.set(key, index);
    }
  }
  const keys = new Map([...v.keys].filter(([k]) => k !== "allOf"));
  const at = new Map([...v.at].filter(([k]) => k !== "allOf"));
  for (const part of parts) {
    for (const [key, value] of part.keys) {
      if (keys.has(key)) continue;
      keys.set(key, value);
      at.set(key, part.at.get(key)!);
    }
  }
  const listing = parts.find((part) => part.listed);
  if (listing) at.set(listing.listed!.keyword, listing.at.get(listing.listed!.keyword)!);
  const definition = parts.length === 1 ? parts[0]!.definition : v.definition;
  return { ...v, keys, at, definition, unmerged: v, ...(listing ? { listed: listing.listed } : {}) };
}
