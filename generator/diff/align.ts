/**
 * Alignment: making two versions of a node comparable keyword by keyword, and pairing the
 * branches of their anyOf/oneOf/allOf. A plain schema facing a union is lifted into branches
 * (`string` → `anyOf: [string, null]` reads as "variant null added"), and branches pair by
 * content, then by a key (const or discriminator value, `$ref`, type), not by position.
 */
import { compareText } from "../diagnostics.js";
import type { Json } from "../model.js";
import { canonical, isAnnotationKeyword, isObject, jsonEqual, TYPE_SPECIFIC_KEYWORDS } from "../schema-walk.js";
import { show } from "./text.js";
import { accepts, branchValues, jsonType, typesOf } from "./values.js";
import { child, type Side, type View, unionKeyword } from "./view.js";

/** Both versions of one node, where users see it, and its anyOf/oneOf branches (lifted if needed). */
export interface Pair {
  base: View;
  head: View;
  pointer: string;
  unions: { base?: Union; head?: Union };
  /** allOf branches, when one side has none and its constraints were lifted into one. */
  conjunction?: { base: View[]; head: View[]; lifted: Side };
}

export interface Union {
  keyword: "anyOf" | "oneOf";
  branches: View[];
  /** The node had no anyOf/oneOf: its constraints are one branch, so `string` → `string | null` compares as variants. */
  lifted: boolean;
}

/** Both versions' bundled schemas, for following `$ref`s below a view. */
export type Roots = Readonly<Record<Side, Json>>;

/** The views of the branches of a list keyword (`anyOf`, `oneOf`, `allOf`). */
export function branches(v: View, keyword: string, side: Side, roots: Roots): View[] {
  const list = v.keys.get(keyword);
  return Array.isArray(list) ? list.map((_, i) => child(v, side, roots[side], keyword, i)) : [];
}

/** Both versions of a node made comparable: unions spelled out where needed, then allOf and anyOf/oneOf lifted. */
export function align(roots: Roots, pair: Pair): Pair {
  return liftUnions(roots, liftAllOf(roots, spellUnions(pair)));
}

/**
 * A union read as a list of values compares as one only with a version that is a list of values
 * too (or a plain schema); against a union that is not, both are compared branch by branch.
 */
function spellUnions(pair: Pair): Pair {
  const union = (v: View) => v.keys.has("anyOf") || v.keys.has("oneOf");
  if (pair.base.spelled && union(pair.head)) return { ...pair, base: pair.base.spelled };
  if (pair.head.spelled && union(pair.base)) return { ...pair, head: pair.head.spelled };
  return pair;
}

/**
 * Makes both sides comparable when only one has an `allOf` left after merging (its branches
 * overlap): the other side's own `allOf` is unmerged again, or, if it never had one, its
 * constraints (but those the other side also has beside its `allOf`) become its one branch.
 */
function liftAllOf(roots: Roots, pair: Pair): Pair {
  // Only a list is a conjunction: an `allOf` of another shape (a problem the spec checks report) is compared as a plain keyword.
  const has = (v: View) => Array.isArray(v.keys.get("allOf"));
  const { base, head } = pair;
  if (has(base) === has(head)) return pair;
  if (!has(base) && base.unmerged) return { ...pair, base: base.unmerged };
  if (!has(head) && head.unmerged) return { ...pair, head: head.unmerged };
  const liftBase = has(head);
  const plain = liftBase ? base : head;
  const other = liftBase ? head : base;
  const stays = (k: string) => isAnnotationKeyword(k) || other.keys.has(k);
  const node = pick(plain, stays);
  const branch = { ...pick(plain, (k) => !stays(k)), id: `${plain.id}#allOf` };
  if (liftBase) return { ...pair, base: node, conjunction: { base: [branch], head: branches(head, "allOf", "head", roots), lifted: "base" } };
  return { ...pair, head: node, conjunction: { base: branches(base, "allOf", "base", roots), head: [branch], lifted: "head" } };
}

/**
 * Makes both sides comparable as unions. When one side is a plain schema and the other only an
 * anyOf/oneOf (the usual `string` → `anyOf: [string, null]` edit), the plain schema's constraints
 * become its branches, so the edit reads as "variant null added", not "type removed, anyOf added".
 * A plain schema with several types is one branch per type: `type: [string, null]` and
 * `anyOf: [{ type: string }, { type: null }]` are the same schema.
 */
function liftUnions(roots: Roots, pair: Pair): Pair {
  const baseKeyword = unionKeyword(pair.base);
  const headKeyword = unionKeyword(pair.head);
  const base = baseKeyword ? { keyword: baseKeyword, branches: branches(pair.base, baseKeyword, "base", roots), lifted: false } : undefined;
  const head = headKeyword ? { keyword: headKeyword, branches: branches(pair.head, headKeyword, "head", roots), lifted: false } : undefined;
  const hasUnion = (v: View) => v.keys.has("anyOf") || v.keys.has("oneOf");
  if (base && !head && !hasUnion(pair.head) && onlyUnion(pair.base, base.keyword)) {
    const [node, lifted] = split(pair.head);
    return { ...pair, head: node, unions: { base, head: { keyword: base.keyword, branches: lifted, lifted: true } } };
  }
  if (head && !base && !hasUnion(pair.base) && onlyUnion(pair.head, head.keyword)) {
    const [node, lifted] = split(pair.base);
    return { ...pair, base: node, unions: { head, base: { keyword: head.keyword, branches: lifted, lifted: true } } };
  }
  return { ...pair, unions: { base, head } };
}

/** A node whose only constraint is its anyOf/oneOf (annotations aside). */
function onlyUnion(v: View, keyword: string): boolean {
  return [...v.keys.keys()].every((k) => k === keyword || isAnnotationKeyword(k));
}

/** The view with only some of its keywords. */
function pick(v: View, keep: (keyword: string) => boolean): View {
  const keys = new Map([...v.keys].filter(([k]) => keep(k)));
  const at = new Map([...v.at].filter(([k]) => keep(k)));
  const listed = v.listed && keep(v.listed.keyword) ? v.listed : undefined;
  return { ...v, keys, at, unmerged: undefined, listed, spelled: listed ? v.spelled : undefined };
}

/** The view split into its annotations (the node) and its constraints: one branch, or one per type. */
function split(v: View): [View, View[]] {
  const node = pick(v, isAnnotationKeyword);
  const types = typesOf(v);
  if (!types || types.length < 2) return [node, [{ ...pick(v, (k) => !isAnnotationKeyword(k)), id: `${v.id}#lifted` }]];
  const byType = types.map((type) => {
    const branch = pick(v, (k) => !isAnnotationKeyword(k) && (TYPE_SPECIFIC_KEYWORDS[k]?.includes(type) ?? true));
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
  base: readonly View[],
  head: readonly View[],
  equivalent: (base: View, head: View) => boolean = () => false,
): { pairs: [number, number][]; removed: number[]; added: number[] } {
  const pairs: [number, number][] = [];
  const freeBase = new Set(base.map((_, i) => i));
  const freeHead = new Set(head.map((_, i) => i));
  const pass = (same: (base: View, head: View) => boolean) => {
    for (const i of [...freeBase]) {
      const j = [...freeHead].find((j) => same(base[i]!, head[j]!));
      if (j === undefined) continue;
      pairs.push([i, j]);
      freeBase.delete(i);
      freeHead.delete(j);
    }
  };
  const keyed = (key: (v: View) => string | undefined) => (x: View, y: View) => {
    const k = key(x);
    return k !== undefined && k === key(y);
  };
  pass((x, y) => canonical(x.raw) === canonical(y.raw));
  pass(equivalent);
  pass(keyed(valueKey));
  pass(keyed((v) => (isObject(v.raw) && typeof v.raw.$ref === "string" ? v.raw.$ref : undefined)));
  pass(keyed((v) => typesOf(v)?.join("|") ?? "untyped"));
  return { pairs: pairs.sort((x, y) => x[1] - y[1]), removed: [...freeBase], added: [...freeHead] };
}

/**
 * No value can match two of the branches: each pair lists disjoint values, has disjoint types, or
 * has a property both require with disjoint values (a discriminator). Otherwise, as far as can be told, they overlap.
 */
export function exclusive(branches: readonly View[], side: Side, roots: Roots): boolean {
  const root = roots[side];
  const disjointValues = (x: View, y: View) => {
    const xv = branchValues(x);
    const yv = branchValues(y);
    return xv !== undefined && yv !== undefined && !xv.some((value) => yv.some((other) => jsonEqual(value, other)));
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
export function taggedUnion(branches: readonly View[]): boolean {
  if (branches.length < 2) return false;
  const distinct = (values: (string | undefined)[]) => values.every((v) => v !== undefined) && new Set(values).size === values.length;
  if (distinct(branches.map((branch) => singleValue(Object.fromEntries(branch.keys) as Json)))) return true;
  const propertiesOf = (branch: View) => (isObject(branch.keys.get("properties")) ? (branch.keys.get("properties") as Record<string, Json>) : {});
  const own = (o: Record<string, Json>, name: string) => (Object.hasOwn(o, name) ? o[name] : undefined);
  return Object.keys(propertiesOf(branches[0]!)).some((name) => distinct(branches.map((branch) => singleValue(own(propertiesOf(branch), name)))));
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

/** A branch in a message: its definition's name, its const, its type and discriminator, or its constraints. */
export function describeBranch(v: View): string {
  const raw = v.raw;
  if (isObject(raw) && typeof raw.$ref === "string") return raw.$ref.replace(/^#\/\$defs\//, "");
  if (v.keys.has("const")) return `const ${show(v.keys.get("const"))}`;
  const types = typesOf(v);
  const tag = branchTag(v);
  if (tag && tag.tag !== "value") return `${types ? types.join(" | ") : "schema"} with ${tag.tag} = ${tag.value}`;
  const constraints = [...v.keys.keys()].filter((k) => !isAnnotationKeyword(k));
  if (types && constraints.length === 1) return types.join(" | ");
  return show(Object.fromEntries([...v.keys].filter(([k]) => !isAnnotationKeyword(k))) as Json);
}
