/**
 * Compares two versions of one bundled JSON Schema and lists what changed, keyword family by
 * keyword family. Each rule only says which kind of change it saw; the severity comes from the
 * kinds table (kinds.ts), which knows whether the schema is written by callers (request) or read
 * by them (response, stream).
 *
 * `$ref`s are followed, so a change inside a shared definition is reported at the path users see
 * (`/properties/messages/items/properties/role`, not `/$defs/Message/...`). Each pair of nodes is
 * compared once: a definition used in several places is reported at the first place reached
 * (keywords and property names in sorted order), which also ends recursive definitions.
 *
 * Spellings that accept the same values compare equal, so a refactor reports nothing: a definition
 * renamed, moved, inlined or wrapped in `allOf`; `const: x` and `enum: [x]`; `type: [string, null]`
 * and `anyOf: [{ type: string }, { type: null }]`; `maximum` beside a stricter `exclusiveMaximum`.
 */
import { compareText, joinPointer, splitPointer } from "../diagnostics.js";
import type { Json, SchemaRole } from "../model.js";
import { canonical, isObject, keywordShape, setOwn } from "../schema-walk.js";
import { schemaSeverity, type SchemaKind, type Severity } from "./kinds.js";

export { canonical };

export type Side = "base" | "head";

export interface SchemaChange {
  /** Where users see the change: a pointer into the schema with `$ref`s followed. */
  pointer: string;
  kind: SchemaKind;
  severity: Severity;
  message: string;
  /**
   * Where the change is written in the head version: a pointer into its bundled schema. A removal
   * points at the place in the head the removed part was taken from (its parent), so every
   * location is a line of the version under review.
   */
  at: string;
}

/** Every change from `before` to `after`, a schema of the given role, in a stable order. */
export function diffSchemas(before: Json, after: Json, role: SchemaRole): SchemaChange[] {
  const ctx: Context = { role, roots: { base: before, head: after }, out: [], visited: new Set() };
  compare(ctx, view(before, "", "base", before), view(after, "", "head", after), "");
  return dedupe(ctx.out);
}

// ---------------------------------------------------------------------------------------------
// Views: a schema node with its `$ref` chain followed

/** Keywords that are not compared at all: structure of the bundle, not of the values. */
const IGNORED = new Set(["$ref", "$defs", "definitions", "$schema", "$id", "$anchor", "$dynamicAnchor", "$vocabulary"]);

/** Keywords that document a schema without changing what it accepts. */
const ANNOTATIONS = new Set([
  "title",
  "description",
  "examples",
  "example",
  "default",
  "$comment",
  "readOnly",
  "writeOnly",
  "deprecated",
  "contentSchema",
]);

function isAnnotation(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || keyword.startsWith("x-");
}

interface View {
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
  listed?: { keyword: "anyOf" | "oneOf"; values: Json[]; branches: View[]; branchOf: number[] };
  /** Before its union was read as a list of values, for comparing with a version whose union could not be. */
  spelled?: View;
}

/**
 * A node as it applies: its keywords, and those of the schemas its `$ref` chain reaches. An `allOf`
 * whose branches and node share no constraint keyword is merged in, so wrapping a `$ref` in
 * `allOf: [{ $ref }]` (the pre-2019 way to add siblings) or splitting a schema into branches is
 * not a change. Overlapping branches are kept as `allOf` and compared branch by branch.
 */
function view(node: Json | undefined, pointer: string, side: Side, root: Json, inherited?: string, outer: ReadonlySet<string> = new Set()): View {
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
      if (IGNORED.has(key) || keys.has(key)) continue;
      keys.set(key, current[key] as Json);
      at.set(key, joinPointer(currentPointer, key));
    }
    const ref = current.$ref;
    if (typeof ref !== "string" || !ref.startsWith("#")) break;
    const target = ref === "#" ? "" : decodeURIComponent(ref.slice(1));
    if (outer.has(target)) return { keys, at, self: pointer, id, never, definition, raw: node ?? true, cut: true };
    if (seen.has(target)) break;
    seen.add(target);
    const onlyRef = Object.keys(current).every((k) => k === "$ref" || IGNORED.has(k)) && currentPointer === pointer;
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
  if (![...v.keys.keys()].every((k) => k === keyword || k === "type" || isAnnotation(k))) return v;
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

/** The values a branch allows when it only lists values (annotations aside); otherwise undefined. */
function branchValues(v: View): Json[] | undefined {
  if (v.never) return [];
  if (![...v.keys.keys()].every((k) => k === "type" || k === "const" || k === "enum" || isAnnotation(k))) return undefined;
  const set = valuesOf(v);
  if (set) return set.values;
  // `{ type: "null" }` (a nullable list) and `{ type: boolean }` list their values by type.
  const types = typesOf(v);
  if (types?.every((t) => FINITE_TYPES[t])) return types.flatMap((t) => FINITE_TYPES[t]!);
  return undefined;
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
      if (isAnnotation(key) || (index === 0 && key === "allOf")) continue;
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

/** A child schema of a view (`items`, `properties/x`, ...); a missing child is `true`. */
function child(parent: View, side: Side, root: Json, ...tokens: (string | number)[]): View {
  const [keyword, ...rest] = tokens;
  let value: Json | undefined = parent.keys.get(String(keyword));
  for (const token of rest) value = isObject(value) || Array.isArray(value) ? (value as Record<string, Json>)[String(token)] : undefined;
  const base = parent.at.get(String(keyword));
  if (value === undefined || base === undefined)
    return { ...view(true, parent.self, side, root, parent.definition), id: `${side}:${parent.self}#missing:${tokens.join("/")}` };
  return view(value, joinPointer(base, ...rest), side, root, parent.definition);
}

function valueAt(root: Json, pointer: string): Json | undefined {
  let value: Json | undefined = root;
  for (const token of splitPointer(pointer)) {
    if (Array.isArray(value)) value = value[Number(token)];
    else if (isObject(value) && Object.hasOwn(value, token)) value = value[token] as Json;
    else return undefined;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// The walk

interface Context {
  role: SchemaRole;
  roots: Record<Side, Json>;
  out: SchemaChange[];
  visited: Set<string>;
}

/** Both versions of one node, where users see it, and its anyOf/oneOf branches (lifted if needed). */
interface Pair {
  b: View;
  a: View;
  pointer: string;
  unions: { b?: Union; a?: Union };
  /** allOf branches, when one side has none and its constraints were lifted into one. */
  conjunction?: { b: View[]; a: View[]; lifted: Side };
}

interface Union {
  keyword: "anyOf" | "oneOf";
  branches: View[];
  /** The node had no anyOf/oneOf: its constraints are one branch, so `string` → `string | null` compares as variants. */
  lifted: boolean;
}

type Emit = (kind: SchemaKind, pointer: string, message: string, at: string) => void;

function compare(ctx: Context, b: View, a: View, pointer: string): void {
  const key = `${b.id}|${a.id}`;
  if (ctx.visited.has(key)) return;
  ctx.visited.add(key);
  const definition = a.definition ?? b.definition;
  const emit: Emit = (kind, where, message, at) =>
    ctx.out.push({
      pointer: where,
      kind,
      severity: schemaSeverity(kind, ctx.role),
      message: definition ? `${message} [shared definition ${definition}]` : message,
      at,
    });

  if (b.never || a.never) {
    if (!b.never) emit("schema-closed", pointer, "schema became false: no value is accepted", head(a));
    else if (!a.never) emit("schema-opened", pointer, "schema was false and now accepts values", head(a));
    return;
  }
  const pair = liftUnions(ctx, liftAllOf(ctx, spellUnions({ b, a, pointer, unions: {} })));
  const claimed = new Set<string>();
  for (const rule of RULES) {
    const keywords = rule.keywords.filter((k) => pair.b.keys.has(k) || pair.a.keys.has(k));
    for (const k of rule.keywords) claimed.add(k);
    if (keywords.length > 0 || rule.always) rule.compare(ctx, pair, emit, keywords);
  }
  // Anything no rule knows about: say it changed, and let a person judge.
  for (const k of unionKeys(pair.b, pair.a)) {
    if (claimed.has(k) || isAnnotation(k)) continue;
    if (!equal(pair.b.keys.get(k), pair.a.keys.get(k))) {
      emit("keyword-changed", joinPointer(pointer, k), `${k} ${describeEdit(pair.b.keys.get(k), pair.a.keys.get(k))}`, head(pair.a, k));
    }
  }
}

interface Rule {
  /** The keyword family the rule owns. */
  keywords: readonly string[];
  /** Run even when none of the keywords is present (annotations: `x-` keys are open-ended). */
  always?: boolean;
  compare(ctx: Context, pair: Pair, emit: Emit, present: readonly string[]): void;
}

/** The head pointer of a keyword of a view, or of the view itself when it has no such keyword. */
const head = (v: View, key?: string): string => (key !== undefined && v.at.get(key)) || v.self;

// ---------------------------------------------------------------------------------------------
// Rules, one per keyword family

const annotations: Rule = {
  keywords: [...ANNOTATIONS],
  always: true,
  compare(_ctx, { b, a, pointer }, emit) {
    for (const k of unionKeys(b, a)) {
      if (!isAnnotation(k) || k === OPEN_ENUM) continue;
      const before = b.keys.get(k);
      const after = a.keys.get(k);
      if (equal(before, after)) continue;
      if (k === "deprecated" && after === true) emit("deprecated", joinPointer(pointer, k), "marked deprecated", head(a, k));
      else if (k === "deprecated" && before === true) emit("annotation-changed", joinPointer(pointer, k), "no longer deprecated", head(a, k));
      else emit("annotation-changed", joinPointer(pointer, k), `${k} ${describeEdit(before, after)}`, head(a, k));
    }
  },
};

const ALL_TYPES = ["array", "boolean", "integer", "null", "number", "object", "string"];

function typesOf(v: View): string[] | undefined {
  const type = v.keys.get("type");
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return [...new Set(type.filter((t): t is string => typeof t === "string"))].sort(compareText);
  return undefined;
}

function accepts(types: string[] | undefined, type: string): boolean {
  return !types || types.includes(type) || (type === "integer" && types.includes("number"));
}

const typeRule: Rule = {
  keywords: ["type"],
  compare(_ctx, { b, a, pointer }, emit) {
    // With const or enum on both sides the value sets say everything (valueRule): `{ type: string,
    // const: x }` and `{ const: x }` accept the same values.
    const bv = valuesOf(b);
    const av = valuesOf(a);
    if (bv && av) return;
    const covers = (outer: string[] | undefined, inner: string[] | undefined) => (inner ?? ALL_TYPES).every((t) => accepts(outer, t));
    // A side without a `type` but with values has the types of its values: `enum: [a, b]` is strings.
    const before = typesOf(b) ?? (bv && typesOfValues(bv.values));
    const after = typesOf(a) ?? (av && typesOfValues(av.values));
    // Values the other side's types all allow: the enum added or removed says it all.
    if (bv && !typesOf(b) && covers(after, before)) return;
    if (av && !typesOf(a) && covers(before, after)) return;
    const wider = covers(after, before);
    const narrower = covers(before, after);
    if (wider && narrower) return;
    const text = (t: string[] | undefined) => (t ? t.join(" | ") : "any");
    const where = joinPointer(pointer, "type");
    const message = `type ${narrower ? "narrowed" : wider ? "widened" : "changed"} from ${text(before)} to ${text(after)}`;
    emit(narrower ? "type-narrowed" : wider ? "type-widened" : "type-changed", where, message, head(a, "type"));
  },
};

/** The JSON type of a value, with whole numbers as `integer`. */
function jsonType(value: Json): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

interface ValueSet {
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
function valuesOf(v: View): ValueSet | undefined {
  const hasConst = v.keys.has("const");
  const list = v.keys.get("enum");
  if (!hasConst && !Array.isArray(list) && !v.listed) return undefined;
  let values: Json[] = v.listed ? v.listed.values : hasConst ? [v.keys.get("const") as Json] : (list as Json[]);
  if (hasConst && Array.isArray(list)) values = values.filter((value) => list.some((item) => equal(item, value)));
  const types = typesOf(v);
  const seen = new Set<string>();
  values = values.filter((value) => {
    const key = canonical(value);
    if (seen.has(key) || !accepts(types, jsonType(value))) return false;
    seen.add(key);
    return true;
  });
  // Every value the declared types allow (`{ type: null, enum: [null] }`, both booleans) is no restriction.
  if (types?.every((t) => FINITE_TYPES[t]) && types.flatMap((t) => FINITE_TYPES[t]!).every((x) => values.some((value) => equal(value, x))))
    return undefined;
  const keyword = v.listed ? v.listed.keyword : hasConst && !Array.isArray(list) ? "const" : "enum";
  return { values, keyword };
}

/** The JSON types of a list of values, sorted. */
function typesOfValues(values: readonly Json[]): string[] {
  return [...new Set(values.map(jsonType))].sort(compareText);
}

/** `enum` and `const` compared as the sets of values they allow. */
const valueRule: Rule = {
  keywords: ["enum", "const"],
  // A union that lists values has neither keyword.
  always: true,
  compare(ctx, { b, a, pointer }, emit) {
    const before = valuesOf(b);
    const after = valuesOf(a);
    if (!before && !after) return;
    if (b.listed && a.listed) listedAnnotations(ctx, b.listed, a.listed, pointer);
    if (!before) {
      const at = head(a, after!.keyword);
      const where = joinPointer(pointer, after!.keyword);
      if (after!.keyword === "const") return emit("const-added", where, `const ${show(after!.values[0])} added`, at);
      return emit("enum-added", where, `restricted to ${show(after!.values as Json)}`, at);
    }
    if (!after) {
      const where = joinPointer(pointer, before.keyword);
      if (before.keyword === "const") return emit("const-removed", where, `const ${show(before.values[0])} removed`, head(a));
      return emit("enum-removed", where, `enum ${show(before.values as Json)} removed: any value of the type is allowed`, head(a));
    }
    const where = joinPointer(pointer, after.keyword);
    const beforeKeys = new Set(before.values.map(canonical));
    const afterKeys = new Set(after.values.map(canonical));
    if (beforeKeys.size === afterKeys.size && [...beforeKeys].every((k) => afterKeys.has(k))) return;
    if (before.values.length === 1 && after.values.length === 1) {
      // One allowed value on each side: a literal type that changed, whether spelled const or enum.
      const what = before.keyword === "const" && after.keyword === "const" ? "const" : "the only allowed value";
      return emit("const-changed", where, `${what} changed from ${show(before.values[0])} to ${show(after.values[0])}`, head(a, after.keyword));
    }
    for (const value of before.values)
      if (!afterKeys.has(canonical(value))) emit("enum-value-removed", where, `enum value ${show(value)} removed`, head(a, after.keyword));
    const written = a.keys.get("enum");
    for (const value of after.values) {
      if (beforeKeys.has(canonical(value))) continue;
      // Point at the value itself when it is an item of the head's enum, or at the branch that lists it.
      const index = Array.isArray(written) ? written.findIndex((item) => equal(item, value)) : -1;
      const branch = a.listed?.branches[a.listed.branchOf[a.listed.values.findIndex((item) => equal(item, value))]!]?.self;
      const at = branch ?? (index >= 0 && a.at.has("enum") ? joinPointer(a.at.get("enum")!, index) : head(a, after.keyword));
      emit("enum-value-added", where, `enum value ${show(value)} added`, at);
    }
  },
};

/**
 * The branches of two lists of values that each list one same value (`{ const: x, description }`)
 * are compared for what is left: their annotations, so a value's description that changed is info.
 */
function listedAnnotations(ctx: Context, b: NonNullable<View["listed"]>, a: NonNullable<View["listed"]>, pointer: string): void {
  const single = (listed: NonNullable<View["listed"]>, branch: number) => listed.branchOf.filter((i) => i === branch).length === 1;
  a.values.forEach((value, i) => {
    const j = b.values.findIndex((item) => equal(item, value));
    if (j < 0) return;
    const [bi, ai] = [b.branchOf[j]!, a.branchOf[i]!];
    if (single(b, bi) && single(a, ai)) compare(ctx, b.branches[bi]!, a.branches[ai]!, joinPointer(pointer, a.keyword, ai));
  });
}

const OPEN_ENUM = "x-open-enum";

/**
 * `x-open-enum` lists values a string is known to take without restricting it: a change to the
 * list is news for readers (info), never a change in what is accepted. Turning it into `enum`, or
 * back, is judged by the value rule as a restriction added or removed; the list itself is then not
 * reported again.
 */
const openEnumRule: Rule = {
  keywords: [OPEN_ENUM],
  compare(_ctx, { b, a, pointer }, emit) {
    const list = (v: View) => {
      const value = v.keys.get(OPEN_ENUM);
      return Array.isArray(value) ? value : undefined;
    };
    const before = list(b);
    const after = list(a);
    if (equal(before, after)) return;
    const where = joinPointer(pointer, OPEN_ENUM);
    const at = head(a, OPEN_ENUM);
    if (!before || !after) {
      // Closed to open or open to closed: the enum-added/enum-removed change says it.
      if (valuesOf(before ? a : b)) return;
      if (after) emit("open-enum-changed", where, `known values listed (an open enum; any value of the type passes): ${show(after)}`, at);
      else emit("open-enum-changed", where, `known values no longer listed (was ${show(before!)})`, at);
      return;
    }
    const has = (values: Json[], value: Json) => values.some((item) => equal(item, value));
    for (const value of before) if (!has(after, value)) emit("open-enum-changed", where, `known value ${show(value)} removed from the open enum`, at);
    for (const value of after) if (!has(before, value)) emit("open-enum-changed", where, `known value ${show(value)} added to the open enum`, at);
  },
};

/** Upper bounds get stricter as they go down, lower bounds as they go up. */
const BOUNDS: Record<string, "upper" | "lower"> = {
  maximum: "upper",
  exclusiveMaximum: "upper",
  maxLength: "upper",
  maxItems: "upper",
  maxProperties: "upper",
  maxContains: "upper",
  minimum: "lower",
  exclusiveMinimum: "lower",
  minLength: "lower",
  minItems: "lower",
  minProperties: "lower",
  minContains: "lower",
};

/** The inclusive and exclusive keyword of each numeric bound. */
const NUMERIC_BOUNDS = [
  ["maximum", "exclusiveMaximum"],
  ["minimum", "exclusiveMinimum"],
] as const;

interface NumericBound {
  value: number;
  exclusive: boolean;
  keyword: string;
}

/** The bound that applies when a schema has both `maximum` and `exclusiveMaximum` (or the minimums). */
function effectiveBound(v: View, [inclusive, exclusive]: readonly [string, string]): NumericBound | undefined {
  const upper = BOUNDS[inclusive] === "upper";
  let best: NumericBound | undefined;
  for (const keyword of [inclusive, exclusive]) {
    const value = v.keys.get(keyword);
    if (typeof value !== "number") continue;
    const candidate = { value, exclusive: keyword === exclusive, keyword };
    const stricter = !best || (upper ? value < best.value : value > best.value) || (value === best.value && candidate.exclusive);
    if (stricter) best = candidate;
  }
  return best;
}

/**
 * `maximum` and `exclusiveMaximum` (and the minimums) judged together when an edit involves both:
 * `maximum: 10` → `exclusiveMaximum: 10` is one tightened bound, not a removal and an addition.
 */
function numericBounds(b: View, a: View, pointer: string, emit: Emit, present: readonly string[]): Set<string> {
  const handled = new Set<string>();
  for (const pair of NUMERIC_BOUNDS) {
    const involved = pair.filter((k) => present.includes(k) && !equal(b.keys.get(k), a.keys.get(k)));
    const numeric = pair.every((k) => [b.keys.get(k), a.keys.get(k)].every((value) => value === undefined || typeof value === "number"));
    const both = pair.every((k) => present.includes(k));
    if (involved.length === 0 || !numeric || !both) continue;
    for (const k of pair) handled.add(k);
    const before = effectiveBound(b, pair);
    const after = effectiveBound(a, pair);
    if (before && after && before.value === after.value && before.exclusive === after.exclusive) continue;
    const upper = BOUNDS[pair[0]] === "upper";
    const text = (e: NumericBound) => `${e.keyword} ${e.value}`;
    const name = upper ? "upper bound" : "lower bound";
    if (!before) emit("bound-tightened", joinPointer(pointer, after!.keyword), `${name} ${text(after!)} added`, head(a, after!.keyword));
    else if (!after) emit("bound-loosened", joinPointer(pointer, before.keyword), `${name} ${text(before)} removed`, head(a));
    else {
      const tighter =
        (upper ? after.value < before.value : after.value > before.value) || (after.value === before.value && after.exclusive && !before.exclusive);
      emit(
        tighter ? "bound-tightened" : "bound-loosened",
        joinPointer(pointer, after.keyword),
        `${name} changed from ${text(before)} to ${text(after)}`,
        head(a, after.keyword),
      );
    }
  }
  return handled;
}

const VACUOUS_ZERO = new Set(["minLength", "minItems", "minProperties"]);

const boundsRule: Rule = {
  keywords: Object.keys(BOUNDS),
  compare(_ctx, { b, a, pointer }, emit, present) {
    const handled = numericBounds(b, a, pointer, emit, present);
    // A count that must be at least 0 says nothing: `minLength: 0` is the same as no minLength.
    const bound = (v: View, k: string) => (VACUOUS_ZERO.has(k) && v.keys.get(k) === 0 ? undefined : v.keys.get(k));
    for (const k of present) {
      if (handled.has(k)) continue;
      const before = bound(b, k);
      const after = bound(a, k);
      if (equal(before, after)) continue;
      const where = joinPointer(pointer, k);
      if ((before !== undefined && typeof before !== "number") || (after !== undefined && typeof after !== "number")) {
        emit("keyword-changed", where, `${k} ${describeEdit(before, after)}`, head(a, k));
        continue;
      }
      const upper = BOUNDS[k] === "upper";
      if (before === undefined) emit("bound-tightened", where, `${k} ${after} added`, head(a, k));
      else if (after === undefined) emit("bound-loosened", where, `${k} ${before} removed`, head(a));
      else {
        const tighter = upper ? after < before : after > before;
        emit(
          tighter ? "bound-tightened" : "bound-loosened",
          where,
          `${k} ${after < before ? "lowered" : "raised"} from ${before} to ${after}`,
          head(a, k),
        );
      }
    }
  },
};

/** Constraints whose values cannot be ordered: any change might reject values that passed. */
const OPAQUE_CONSTRAINTS = ["pattern", "format", "contentEncoding", "contentMediaType"];

const constraintRule: Rule = {
  keywords: [...OPAQUE_CONSTRAINTS, "multipleOf", "uniqueItems", "dependentRequired"],
  compare(_ctx, { b, a, pointer }, emit, present) {
    for (const k of present) {
      const before = b.keys.get(k);
      const after = a.keys.get(k);
      if (equal(before, after)) continue;
      const where = joinPointer(pointer, k);
      if (k === "uniqueItems") {
        if (after === true) emit("constraint-tightened", where, "items must now be unique", head(a, k));
        else if (before === true) emit("constraint-loosened", where, "items no longer need to be unique", head(a, k));
      } else if (k === "dependentRequired") {
        dependentRequired(before, after, where, a, emit);
      } else if (before === undefined) {
        emit("constraint-tightened", where, `${k} ${show(after)} added`, head(a, k));
      } else if (after === undefined) {
        emit("constraint-loosened", where, `${k} ${show(before)} removed`, head(a));
      } else if (k === "multipleOf" && typeof before === "number" && typeof after === "number") {
        const text = `multipleOf changed from ${before} to ${after}`;
        if (isWhole(after / before)) emit("constraint-tightened", where, text, head(a, k));
        else if (isWhole(before / after)) emit("constraint-loosened", where, text, head(a, k));
        else emit("constraint-changed", where, text, head(a, k));
      } else {
        emit("constraint-changed", where, `${k} changed from ${show(before)} to ${show(after)}`, head(a, k));
      }
    }
  },
};

function dependentRequired(before: Json | undefined, after: Json | undefined, where: string, a: View, emit: Emit): void {
  const lists = (value: Json | undefined) => (isObject(value) ? (value as Record<string, Json>) : {});
  const names = (value: Json | undefined) => new Set(Array.isArray(value) ? value.filter((n): n is string => typeof n === "string") : []);
  for (const property of sortedUnion(Object.keys(lists(before)), Object.keys(lists(after)))) {
    const was = names(lists(before)[property]);
    const now = names(lists(after)[property]);
    const added = [...now].filter((n) => !was.has(n)).sort(compareText);
    const removed = [...was].filter((n) => !now.has(n)).sort(compareText);
    const at = joinPointer(where, property);
    if (added.length)
      emit(
        "constraint-tightened",
        at,
        `with ${show(property)} present, ${added.map((n) => show(n)).join(", ")} now required`,
        head(a, "dependentRequired"),
      );
    if (removed.length)
      emit(
        "constraint-loosened",
        at,
        `with ${show(property)} present, ${removed.map((n) => show(n)).join(", ")} no longer required`,
        head(a, "dependentRequired"),
      );
  }
}

const propertiesRule: Rule = {
  keywords: ["properties", "required"],
  compare(ctx, { b, a, pointer }, emit) {
    const props = (v: View) => (isObject(v.keys.get("properties")) ? (v.keys.get("properties") as Record<string, Json>) : {});
    const required = (v: View) => {
      const list = v.keys.get("required");
      return Array.isArray(list) ? list.filter((n): n is string => typeof n === "string") : [];
    };
    const bp = props(b);
    const ap = props(a);
    const br = new Set(required(b));
    const ar = required(a);
    const arSet = new Set(ar);
    const has = (o: Record<string, Json>, n: string) => Object.hasOwn(o, n);
    const requiredAt = (n: string) => joinPointer(a.at.get("required") ?? a.self, ar.indexOf(n));
    for (const name of sortedUnion(Object.keys(bp), Object.keys(ap), [...br], ar)) {
      const where = joinPointer(pointer, "properties", name);
      const inB = has(bp, name);
      const inA = has(ap, name);
      const nowRequired = arSet.has(name) && !br.has(name);
      const nowOptional = br.has(name) && !arSet.has(name);
      if (inB && !inA) {
        emit("property-removed", where, `property ${show(name)} removed${br.has(name) ? " (it was required)" : ""}`, head(a, "properties"));
        continue;
      }
      if (!inB && inA) {
        if (nowRequired)
          emit("property-added-required", where, `required property ${show(name)} added`, head(child(a, "head", ctx.roots.head, "properties", name)));
        else
          emit(
            "property-added",
            where,
            `property ${show(name)} added${arSet.has(name) ? " (required)" : ""}`,
            head(child(a, "head", ctx.roots.head, "properties", name)),
          );
        continue;
      }
      if (nowRequired) emit("property-became-required", where, `property ${show(name)} is now required`, requiredAt(name));
      if (nowOptional)
        emit(
          "property-became-optional",
          where,
          `property ${show(name)} is no longer required`,
          inA ? head(child(a, "head", ctx.roots.head, "properties", name)) : head(a),
        );
      if (inB && inA) compare(ctx, child(b, "base", ctx.roots.base, "properties", name), child(a, "head", ctx.roots.head, "properties", name), where);
    }
  },
};

type Openness = "open" | "closed" | "schema";

/** `additionalProperties` absent, `true`, `{}` or only annotations: anything goes. */
function openness(value: Json | undefined): Openness {
  if (value === undefined || value === true) return "open";
  if (value === false) return "closed";
  if (isObject(value) && Object.keys(value).every(isAnnotation)) return "open";
  return "schema";
}

const ADDITIONAL_KINDS: Record<`${Openness}>${Openness}`, { kind: SchemaKind; text: string } | "recurse" | undefined> = {
  "open>open": "recurse",
  "open>closed": { kind: "additional-properties-closed", text: "closed: extra properties are now rejected" },
  "open>schema": { kind: "additional-properties-constrained", text: "constrained: extra properties must now match a schema" },
  "schema>closed": { kind: "additional-properties-closed", text: "closed: extra properties are now rejected" },
  "schema>open": { kind: "additional-properties-opened", text: "opened: extra properties of any shape are allowed" },
  "schema>schema": "recurse",
  "closed>open": { kind: "additional-properties-opened", text: "opened: extra properties are now allowed" },
  "closed>schema": { kind: "additional-properties-opened", text: "opened: extra properties matching a schema are now allowed" },
  "closed>closed": undefined,
};

const additionalRule: Rule = {
  keywords: ["additionalProperties", "unevaluatedProperties"],
  compare(ctx, { b, a, pointer }, emit, present) {
    for (const k of present) {
      const transition = ADDITIONAL_KINDS[`${openness(b.keys.get(k))}>${openness(a.keys.get(k))}`];
      const where = joinPointer(pointer, k);
      if (transition === "recurse") compare(ctx, child(b, "base", ctx.roots.base, k), child(a, "head", ctx.roots.head, k), where);
      else if (transition) emit(transition.kind, where, `${k} ${transition.text}`, head(a, k));
    }
  },
};

const patternPropertiesRule: Rule = {
  keywords: ["patternProperties"],
  compare(ctx, { b, a, pointer }, emit) {
    const map = (v: View) => (isObject(v.keys.get("patternProperties")) ? (v.keys.get("patternProperties") as Record<string, Json>) : {});
    const bm = map(b);
    const am = map(a);
    for (const pattern of sortedUnion(Object.keys(bm), Object.keys(am))) {
      const where = joinPointer(pointer, "patternProperties", pattern);
      const inB = Object.hasOwn(bm, pattern);
      const inA = Object.hasOwn(am, pattern);
      const bChild = child(b, "base", ctx.roots.base, "patternProperties", pattern);
      const aChild = child(a, "head", ctx.roots.head, "patternProperties", pattern);
      if (inB && !inA)
        emit("pattern-property-removed", where, `properties matching ${show(pattern)} are no longer described`, head(a, "patternProperties"));
      else if (!inB && inA) emit("pattern-property-added", where, `properties matching ${show(pattern)} are now described`, head(aChild));
      else compare(ctx, bChild, aChild, where);
    }
  },
};

/** Keywords holding one schema, a map of schemas or a list of schemas that apply as they are; a missing one means `true`. */
const subschemaRule: Rule = {
  keywords: ["items", "contains", "propertyNames", "then", "else", "unevaluatedItems", "additionalItems", "prefixItems", "dependentSchemas"],
  compare(ctx, { b, a, pointer }, _emit, present) {
    for (const k of present) {
      const before = b.keys.get(k);
      const after = a.keys.get(k);
      if (k === "prefixItems") {
        const length = Math.max(Array.isArray(before) ? before.length : 0, Array.isArray(after) ? after.length : 0);
        for (let i = 0; i < length; i++)
          compare(ctx, child(b, "base", ctx.roots.base, k, i), child(a, "head", ctx.roots.head, k, i), joinPointer(pointer, k, i));
      } else if (k === "dependentSchemas") {
        const keys = (value: Json | undefined) => (isObject(value) ? Object.keys(value) : []);
        for (const name of sortedUnion(keys(before), keys(after))) {
          compare(ctx, child(b, "base", ctx.roots.base, k, name), child(a, "head", ctx.roots.head, k, name), joinPointer(pointer, k, name));
        }
      } else {
        compare(ctx, child(b, "base", ctx.roots.base, k), child(a, "head", ctx.roots.head, k), joinPointer(pointer, k));
      }
    }
  },
};

/** `not` and `if` turn the meaning of what they hold around: flag the change for a person. */
const conditionRule: Rule = {
  keywords: ["not", "if"],
  compare(_ctx, { b, a, pointer }, emit, present) {
    for (const k of present) {
      const before = b.keys.get(k);
      const after = a.keys.get(k);
      if (!equal(before, after)) emit("condition-changed", joinPointer(pointer, k), `${k} ${describeEdit(before, after)}`, head(a, k));
    }
  },
};

const unionRule: Rule = {
  keywords: ["anyOf", "oneOf"],
  compare(ctx, { b, a, pointer, unions }, emit) {
    const bu = unions.b;
    const au = unions.a;
    const tangled = (v: View) => v.keys.has("anyOf") && v.keys.has("oneOf");
    if (tangled(b) || tangled(a)) {
      // Both anyOf and oneOf on one node: too tangled to judge by rule.
      for (const k of ["anyOf", "oneOf"]) {
        if (!equal(b.keys.get(k), a.keys.get(k)))
          emit("keyword-changed", joinPointer(pointer, k), `${k} ${describeEdit(b.keys.get(k), a.keys.get(k))}`, head(a, k));
      }
      return;
    }
    for (const keyword of ["anyOf", "oneOf"] as const) {
      // Present on one side only, and not liftable: the whole constraint came or went.
      const inB = b.keys.has(keyword) && bu?.keyword === keyword;
      const inA = a.keys.has(keyword) && au?.keyword === keyword;
      const where = joinPointer(pointer, keyword);
      if (inA && !bu) emit("composition-added", where, `${keyword} with ${branchCount(a.keys.get(keyword))} added`, head(a, keyword));
      if (inB && !au) emit("composition-removed", where, `${keyword} with ${branchCount(b.keys.get(keyword))} removed`, head(a));
    }
    if (!bu || !au) return;
    // Over branches no value can match twice, anyOf and oneOf accept the same values.
    const oneOf = au.keyword === "oneOf" ? au : bu;
    if (!bu.lifted && !au.lifted && bu.keyword !== au.keyword && !exclusive(ctx, oneOf.branches, oneOf === au ? "head" : "base")) {
      const where = joinPointer(pointer, au.keyword);
      if (au.keyword === "oneOf") emit("constraint-tightened", where, "anyOf became oneOf: values must match exactly one variant", head(a, "oneOf"));
      else emit("constraint-loosened", where, "oneOf became anyOf: values may match several variants", head(a, "anyOf"));
    }
    const branchPointer = (side: Side, i: number) => {
      const union = side === "base" ? bu : au;
      return union.lifted ? pointer : joinPointer(pointer, union.keyword, i);
    };
    const { pairs, removed, added } = matchBranches(bu.branches, au.branches, equivalence(ctx));
    for (const i of removed)
      emit(
        "variant-removed",
        branchPointer("base", i),
        `variant ${describeBranch(bu.branches[i]!)} removed`,
        au.lifted ? head(a) : head(a, au.keyword),
      );
    for (const j of added) {
      // In a union told apart by one discriminator (or of consts), a new value reads like a new enum value.
      const kind = taggedUnion(au.branches) ? "tagged-variant-added" : "variant-added";
      emit(kind, branchPointer("head", j), `variant ${describeBranch(au.branches[j]!)} added`, head(au.branches[j]!));
    }
    for (const [i, j] of pairs) compare(ctx, bu.branches[i]!, au.branches[j]!, branchPointer("head", j));
  },
};

const allOfRule: Rule = {
  keywords: ["allOf"],
  compare(ctx, { b, a, pointer, conjunction }, emit) {
    const bb = conjunction?.b ?? branches(b, "allOf", "base", ctx.roots.base);
    const ab = conjunction?.a ?? branches(a, "allOf", "head", ctx.roots.head);
    const branchPointer = (j: number) => (conjunction?.lifted === "head" ? pointer : joinPointer(pointer, "allOf", j));
    const { pairs, removed, added } = matchBranches(bb, ab, equivalence(ctx));
    for (const i of removed)
      emit("composition-removed", joinPointer(pointer, "allOf"), `allOf branch ${describeBranch(bb[i]!)} removed`, head(a, "allOf"));
    for (const j of added) emit("composition-added", branchPointer(j), `allOf branch ${describeBranch(ab[j]!)} added`, head(ab[j]!));
    for (const [i, j] of pairs) compare(ctx, bb[i]!, ab[j]!, branchPointer(j));
  },
};

/**
 * Makes both sides comparable when only one has an `allOf` left after merging (its branches
 * overlap): the other side's own `allOf` is unmerged again, or, if it never had one, its
 * constraints (but those the other side also has beside its `allOf`) become its one branch.
 */
function liftAllOf(ctx: Context, pair: Pair): Pair {
  const has = (v: View) => v.keys.has("allOf");
  const { b, a } = pair;
  if (has(b) === has(a)) return pair;
  if (!has(b) && b.unmerged) return { ...pair, b: b.unmerged };
  if (!has(a) && a.unmerged) return { ...pair, a: a.unmerged };
  const liftBase = has(a);
  const plain = liftBase ? b : a;
  const other = liftBase ? a : b;
  const stays = (k: string) => isAnnotation(k) || other.keys.has(k);
  const node = pick(plain, stays);
  const branch = { ...pick(plain, (k) => !stays(k)), id: `${plain.id}#allOf` };
  if (liftBase) return { ...pair, b: node, conjunction: { b: [branch], a: branches(a, "allOf", "head", ctx.roots.head), lifted: "base" } };
  return { ...pair, a: node, conjunction: { b: branches(b, "allOf", "base", ctx.roots.base), a: [branch], lifted: "head" } };
}

/**
 * A union read as a list of values compares as one only with a version that is a list of values
 * too (or a plain schema); against a union that is not, both are compared branch by branch.
 */
function spellUnions(pair: Pair): Pair {
  const union = (v: View) => v.keys.has("anyOf") || v.keys.has("oneOf");
  if (pair.b.spelled && union(pair.a)) return { ...pair, b: pair.b.spelled };
  if (pair.a.spelled && union(pair.b)) return { ...pair, a: pair.a.spelled };
  return pair;
}

/** In walk order: keywords first, then the structures below them. */
const RULES: readonly Rule[] = [
  annotations,
  typeRule,
  valueRule,
  openEnumRule,
  boundsRule,
  constraintRule,
  additionalRule,
  propertiesRule,
  patternPropertiesRule,
  subschemaRule,
  conditionRule,
  unionRule,
  allOfRule,
];

// ---------------------------------------------------------------------------------------------
// anyOf / oneOf branches

function branches(v: View, keyword: string, side: Side, root: Json): View[] {
  const list = v.keys.get(keyword);
  return Array.isArray(list) ? list.map((_, i) => child(v, side, root, keyword, i)) : [];
}

function unionKeyword(v: View): "anyOf" | "oneOf" | undefined {
  const any = Array.isArray(v.keys.get("anyOf"));
  const one = Array.isArray(v.keys.get("oneOf"));
  return any && !one ? "anyOf" : one && !any ? "oneOf" : undefined;
}

/** A node whose only constraint is its anyOf/oneOf (annotations aside). */
function onlyUnion(v: View, keyword: string): boolean {
  return [...v.keys.keys()].every((k) => k === keyword || isAnnotation(k));
}

/**
 * Makes both sides comparable as unions. When one side is a plain schema and the other only an
 * anyOf/oneOf (the usual `string` → `anyOf: [string, null]` edit), the plain schema's constraints
 * become its branches, so the edit reads as "variant null added", not "type removed, anyOf added".
 * A plain schema with several types is one branch per type: `type: [string, null]` and
 * `anyOf: [{ type: string }, { type: null }]` are the same schema.
 */
function liftUnions(ctx: Context, pair: Pair): Pair {
  const bk = unionKeyword(pair.b);
  const ak = unionKeyword(pair.a);
  const bu = bk ? { keyword: bk, branches: branches(pair.b, bk, "base", ctx.roots.base), lifted: false } : undefined;
  const au = ak ? { keyword: ak, branches: branches(pair.a, ak, "head", ctx.roots.head), lifted: false } : undefined;
  const hasUnion = (v: View) => v.keys.has("anyOf") || v.keys.has("oneOf");
  if (bu && !au && !hasUnion(pair.a) && onlyUnion(pair.b, bu.keyword)) {
    const [node, lifted] = split(pair.a);
    return { ...pair, a: node, unions: { b: bu, a: { keyword: bu.keyword, branches: lifted, lifted: true } } };
  }
  if (au && !bu && !hasUnion(pair.b) && onlyUnion(pair.a, au.keyword)) {
    const [node, lifted] = split(pair.b);
    return { ...pair, b: node, unions: { a: au, b: { keyword: au.keyword, branches: lifted, lifted: true } } };
  }
  return { ...pair, unions: { b: bu, a: au } };
}

/** The view with only some of its keywords. */
function pick(v: View, keep: (keyword: string) => boolean): View {
  const keys = new Map([...v.keys].filter(([k]) => keep(k)));
  const at = new Map([...v.at].filter(([k]) => keep(k)));
  const listed = v.listed && keep(v.listed.keyword) ? v.listed : undefined;
  return { ...v, keys, at, unmerged: undefined, listed, spelled: listed ? v.spelled : undefined };
}

/** Keywords that only constrain values of some JSON types: a value of any other type passes them. */
const TYPE_KEYWORDS: Record<string, readonly string[]> = Object.fromEntries([
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

/** The view split into its annotations (the node) and its constraints: one branch, or one per type. */
function split(v: View): [View, View[]] {
  const node = pick(v, isAnnotation);
  const types = typesOf(v);
  if (!types || types.length < 2) return [node, [{ ...pick(v, (k) => !isAnnotation(k)), id: `${v.id}#lifted` }]];
  const byType = types.map((type) => {
    const branch = pick(v, (k) => !isAnnotation(k) && (TYPE_KEYWORDS[k]?.includes(type) ?? true));
    branch.keys.set("type", type);
    return { ...branch, id: `${v.id}#lifted:${type}`, raw: Object.fromEntries(branch.keys) as Json };
  });
  return [node, byType];
}

/**
 * Pairs branches across versions: identical ones first, then ones that accept the same values
 * (a renamed or inlined definition), then by a key (const or discriminator value, the same
 * `$ref`, the same type), in order. What is left was added or removed.
 */
export function matchBranches(
  before: readonly View[],
  after: readonly View[],
  equivalent: (b: View, a: View) => boolean = () => false,
): { pairs: [number, number][]; removed: number[]; added: number[] } {
  const pairs: [number, number][] = [];
  const freeB = new Set(before.map((_, i) => i));
  const freeA = new Set(after.map((_, i) => i));
  const pass = (same: (b: View, a: View) => boolean) => {
    for (const i of [...freeB]) {
      const j = [...freeA].find((j) => same(before[i]!, after[j]!));
      if (j === undefined) continue;
      pairs.push([i, j]);
      freeB.delete(i);
      freeA.delete(j);
    }
  };
  const keyed = (key: (v: View) => string | undefined) => (b: View, a: View) => {
    const k = key(b);
    return k !== undefined && k === key(a);
  };
  pass((b, a) => canonical(b.raw) === canonical(a.raw));
  pass(equivalent);
  pass(keyed(valueKey));
  pass(keyed((v) => (isObject(v.raw) && typeof v.raw.$ref === "string" ? v.raw.$ref : undefined)));
  pass(keyed((v) => typesOf(v)?.join("|") ?? "untyped"));
  return { pairs: pairs.sort((x, y) => x[1] - y[1]), removed: [...freeB], added: [...freeA] };
}

/**
 * No value can match two of the branches: each pair lists disjoint values, has disjoint types, or
 * has a property both require with disjoint values (a discriminator). Otherwise, as far as can be told, they overlap.
 */
function exclusive(ctx: Context, branches: readonly View[], side: Side): boolean {
  const root = ctx.roots[side];
  const disjointValues = (x: View, y: View) => {
    const xv = branchValues(x);
    const yv = branchValues(y);
    return xv !== undefined && yv !== undefined && !xv.some((value) => yv.some((other) => equal(value, other)));
  };
  const typesOrValues = (v: View) => typesOf(v) ?? branchValues(v)?.map(jsonType);
  const disjointTypes = (x: View, y: View) => {
    const xt = typesOrValues(x);
    const yt = typesOrValues(y);
    return xt !== undefined && yt !== undefined && !xt.some((t) => accepts(yt, t)) && !yt.some((t) => accepts(xt, t));
  };
  const required = (v: View) => {
    const list = v.keys.get("required");
    return new Set(Array.isArray(list) ? list.filter((n): n is string => typeof n === "string") : []);
  };
  const discriminated = (x: View, y: View) => {
    const yRequired = required(y);
    return [...required(x)].some(
      (name) => yRequired.has(name) && disjointValues(child(x, side, root, "properties", name), child(y, side, root, "properties", name)),
    );
  };
  return branches.every((x, i) =>
    branches.slice(i + 1).every((y) => x.never || y.never || disjointValues(x, y) || disjointTypes(x, y) || discriminated(x, y)),
  );
}

/** Every branch has its own value of one discriminator property, or is itself a single value. */
function taggedUnion(branches: readonly View[]): boolean {
  if (branches.length < 2) return false;
  const distinct = (values: (string | undefined)[]) => values.every((v) => v !== undefined) && new Set(values).size === values.length;
  if (distinct(branches.map((b) => singleValue(Object.fromEntries(b.keys) as Json)))) return true;
  const propertiesOf = (b: View) => (isObject(b.keys.get("properties")) ? (b.keys.get("properties") as Record<string, Json>) : {});
  const own = (o: Record<string, Json>, name: string) => (Object.hasOwn(o, name) ? o[name] : undefined);
  return Object.keys(propertiesOf(branches[0]!)).some((name) => distinct(branches.map((b) => singleValue(own(propertiesOf(b), name)))));
}

/** The one value a schema allows through `const` or a one-item `enum`, as canonical text. */
function singleValue(node: Json | undefined): string | undefined {
  if (!isObject(node)) return undefined;
  if (Object.hasOwn(node, "const")) return canonical(node.const as Json);
  return Array.isArray(node.enum) && node.enum.length === 1 ? canonical(node.enum[0] as Json) : undefined;
}

function valueKey(v: View): string | undefined {
  const tag = branchTag(v);
  return tag && `${tag.tag}\u0000${tag.value}`;
}

/**
 * What tells a branch apart: its single allowed value (tag `value`), or the single value of its
 * first property that has one (tag: the property name).
 */
function branchTag(v: View): { tag: string; value: string } | undefined {
  const own = singleValue(Object.fromEntries(v.keys) as Json);
  if (own !== undefined) return { tag: "value", value: own };
  const properties = v.keys.get("properties");
  if (!isObject(properties)) return undefined;
  for (const name of Object.keys(properties).sort(compareText)) {
    const value = singleValue(properties[name] as Json);
    if (value !== undefined) return { tag: `property ${JSON.stringify(name)}`, value };
  }
  return undefined;
}

function describeBranch(v: View): string {
  const raw = v.raw;
  if (isObject(raw) && typeof raw.$ref === "string") return raw.$ref.replace(/^#\/\$defs\//, "");
  if (v.keys.has("const")) return `const ${show(v.keys.get("const"))}`;
  const types = typesOf(v);
  const tag = branchTag(v);
  if (tag && tag.tag !== "value") return `${types ? types.join(" | ") : "schema"} with ${tag.tag} = ${tag.value}`;
  const constraints = [...v.keys.keys()].filter((k) => !isAnnotation(k));
  if (types && constraints.length === 1) return types.join(" | ");
  return show(Object.fromEntries([...v.keys].filter(([k]) => !isAnnotation(k))) as Json);
}

function branchCount(list: Json | undefined): string {
  const n = Array.isArray(list) ? list.length : 0;
  return `${n} variant${n === 1 ? "" : "s"}`;
}

/** Two branches are equivalent when comparing them finds nothing but annotation changes. */
function equivalence(ctx: Context): (b: View, a: View) => boolean {
  return (b, a) => {
    const trial: Context = { ...ctx, out: [], visited: new Set(ctx.visited) };
    compare(trial, b, a, "");
    return trial.out.every((change) => change.kind === "annotation-changed");
  };
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function unionKeys(b: View, a: View): string[] {
  return sortedUnion([...b.keys.keys()], [...a.keys.keys()]);
}

function sortedUnion(...lists: string[][]): string[] {
  return [...new Set(lists.flat())].sort(compareText);
}

function isWhole(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n - Math.round(n)) < 1e-9;
}

function equal(a: Json | undefined, b: Json | undefined): boolean {
  return canonical(a) === canonical(b);
}

/** A short JSON rendering of a spec value for messages (formatters escape it for their output). */
export function show(value: Json | undefined, max = 60): string {
  const text = value === undefined ? "nothing" : JSON.stringify(value);
  // By code point, so a cut never splits a surrogate pair.
  const points = Array.from(text);
  return points.length > max ? `${points.slice(0, max - 1).join("")}…` : text;
}

function describeEdit(before: Json | undefined, after: Json | undefined): string {
  if (before === undefined) return `added: ${show(after)}`;
  if (after === undefined) return `removed (was ${show(before)})`;
  const [was, now] = showDifference(before, after);
  return `changed from ${was} to ${now}`;
}

/**
 * Two long values that start alike are both shown from a little before where they differ, so a
 * one-word edit in a long description shows up instead of two equal cut-off beginnings.
 */
function showDifference(before: Json, after: Json, max = 60): [string, string] {
  const b = Array.from(JSON.stringify(before));
  const a = Array.from(JSON.stringify(after));
  if (b.length <= max && a.length <= max) return [show(before, max), show(after, max)];
  let same = 0;
  while (same < b.length && same < a.length && b[same] === a[same]) same++;
  const start = same < max - 20 ? 0 : same - 20;
  const cut = (points: string[]) => {
    const text = points.slice(start, start + max - 1).join("");
    return `${start > 0 ? "…" : ""}${text}${start + max - 1 < points.length ? "…" : ""}`;
  };
  return [cut(b), cut(a)];
}

function dedupe(changes: SchemaChange[]): SchemaChange[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.pointer}\u0000${c.kind}\u0000${c.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A schema without its annotations (titles, descriptions, examples, defaults, `x-` keys):
 * what it accepts, as text. Two offerings with the same fingerprints take and give the same values.
 */
export function schemaFingerprint(schema: Json): string {
  const strip = (node: Json): Json => {
    if (!isObject(node)) return node;
    const out: Record<string, Json> = {};
    for (const key of Object.keys(node).sort(compareText)) {
      if (isAnnotation(key)) continue;
      const value = node[key] as Json;
      const shape = keywordShape(key);
      if (shape === "schema") setOwn(out, key, strip(value));
      else if (shape === "schema-map" && isObject(value))
        setOwn(out, key, Object.fromEntries(Object.keys(value).map((k) => [k, strip(value[k] as Json)])));
      else if (shape === "schema-list" && Array.isArray(value)) setOwn(out, key, value.map(strip));
      else setOwn(out, key, value);
    }
    return out;
  };
  return canonical(strip(schema));
}
