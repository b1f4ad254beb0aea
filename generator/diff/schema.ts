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
 */
import { compareText, joinPointer, splitPointer } from "../diagnostics.js";
import type { Json, SchemaRole } from "../model.js";
import { isObject, keywordShape, setOwn } from "../schema-walk.js";
import { schemaSeverity, type SchemaKind, type Severity } from "./kinds.js";

export type Side = "base" | "head";

export interface SchemaChange {
  /** Where users see the change: a pointer into the schema with `$ref`s followed. */
  pointer: string;
  kind: SchemaKind;
  severity: Severity;
  message: string;
  /** Where the change is written: the version, and the pointer into that version's bundled schema. */
  at: { side: Side; pointer: string };
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
const ANNOTATIONS = new Set(["title", "description", "examples", "example", "default", "$comment", "readOnly", "writeOnly", "deprecated", "contentSchema"]);

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
}

function view(node: Json | undefined, pointer: string, side: Side, root: Json, inherited?: string): View {
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
    if (seen.has(target)) break;
    seen.add(target);
    const onlyRef = Object.keys(current).every((k) => k === "$ref" || IGNORED.has(k)) && currentPointer === pointer;
    if (onlyRef) id = `${side}:${target}`;
    const tokens = splitPointer(target);
    definition = tokens[0] === "$defs" && tokens.length === 2 ? tokens[1] : target === "" ? undefined : definition;
    current = valueAt(root, target);
    currentPointer = target;
  }
  return { keys, at, self: pointer, id, never, definition, raw: node ?? true };
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
    else if (isObject(value) && Object.prototype.hasOwnProperty.call(value, token)) value = value[token] as Json;
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
}

interface Union {
  keyword: "anyOf" | "oneOf";
  branches: View[];
  /** The node had no anyOf/oneOf: its constraints are one branch, so `string` → `string | null` compares as variants. */
  lifted: boolean;
}

interface Emit {
  (kind: SchemaKind, pointer: string, message: string, at: { side: Side; pointer: string }): void;
}

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
  const pair = liftUnions(ctx, { b, a, pointer, unions: {} });
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

const head = (v: View, key?: string) => ({ side: "head" as const, pointer: (key !== undefined && v.at.get(key)) || v.self });
const base = (v: View, key?: string) => ({ side: "base" as const, pointer: (key !== undefined && v.at.get(key)) || v.self });

// ---------------------------------------------------------------------------------------------
// Rules, one per keyword family

const annotations: Rule = {
  keywords: [...ANNOTATIONS],
  always: true,
  compare(_ctx, { b, a, pointer }, emit) {
    for (const k of unionKeys(b, a)) {
      if (!isAnnotation(k)) continue;
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
    const before = typesOf(b);
    const after = typesOf(a);
    const covers = (outer: string[] | undefined, inner: string[] | undefined) => (inner ?? ALL_TYPES).every((t) => accepts(outer, t));
    const wider = covers(after, before);
    const narrower = covers(before, after);
    if (wider && narrower) return;
    const text = (t: string[] | undefined) => (t ? t.join(" | ") : "any");
    const where = joinPointer(pointer, "type");
    const message = `type ${narrower ? "narrowed" : wider ? "widened" : "changed"} from ${text(before)} to ${text(after)}`;
    emit(narrower ? "type-narrowed" : wider ? "type-widened" : "type-changed", where, message, head(a, "type"));
  },
};

const enumRule: Rule = {
  keywords: ["enum"],
  compare(_ctx, { b, a, pointer }, emit) {
    const before = b.keys.get("enum");
    const after = a.keys.get("enum");
    const where = joinPointer(pointer, "enum");
    if (!Array.isArray(before) && !Array.isArray(after)) return;
    if (!Array.isArray(before)) return emit("enum-added", where, `restricted to ${show(after)}`, head(a, "enum"));
    if (!Array.isArray(after)) return emit("enum-removed", where, `enum ${show(before)} removed: any value of the type is allowed`, head(a));
    const afterKeys = new Set(after.map(canonical));
    const beforeKeys = new Set(before.map(canonical));
    for (const value of before) if (!afterKeys.has(canonical(value))) emit("enum-value-removed", where, `enum value ${show(value)} removed`, head(a, "enum"));
    after.forEach((value, i) => {
      if (!beforeKeys.has(canonical(value)))
        emit("enum-value-added", where, `enum value ${show(value)} added`, { side: "head", pointer: joinPointer(a.at.get("enum")!, i) });
    });
  },
};

const constRule: Rule = {
  keywords: ["const"],
  compare(_ctx, { b, a, pointer }, emit) {
    const has = (v: View) => v.keys.has("const");
    const where = joinPointer(pointer, "const");
    const before = b.keys.get("const");
    const after = a.keys.get("const");
    if (has(b) && has(a) && !equal(before, after)) emit("const-changed", where, `const changed from ${show(before)} to ${show(after)}`, head(a, "const"));
    else if (!has(b) && has(a)) emit("const-added", where, `const ${show(after)} added`, head(a, "const"));
    else if (has(b) && !has(a)) emit("const-removed", where, `const ${show(before)} removed`, head(a));
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

const boundsRule: Rule = {
  keywords: Object.keys(BOUNDS),
  compare(_ctx, { b, a, pointer }, emit, present) {
    for (const k of present) {
      const before = b.keys.get(k);
      const after = a.keys.get(k);
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
        emit(tighter ? "bound-tightened" : "bound-loosened", where, `${k} ${after < before ? "lowered" : "raised"} from ${before} to ${after}`, head(a, k));
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
      emit("constraint-tightened", at, `with ${show(property)} present, ${added.map((n) => show(n)).join(", ")} now required`, head(a, "dependentRequired"));
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
    const has = (o: Record<string, Json>, n: string) => Object.prototype.hasOwnProperty.call(o, n);
    const requiredAt = (n: string) => ({ side: "head" as const, pointer: joinPointer(a.at.get("required") ?? a.self, ar.indexOf(n)) });
    for (const name of sortedUnion(Object.keys(bp), Object.keys(ap), [...br], ar)) {
      const where = joinPointer(pointer, "properties", name);
      const inB = has(bp, name);
      const inA = has(ap, name);
      const nowRequired = arSet.has(name) && !br.has(name);
      const nowOptional = br.has(name) && !arSet.has(name);
      if (inB && !inA) {
        emit(
          "property-removed",
          where,
          `property ${show(name)} removed${br.has(name) ? " (it was required)" : ""}`,
          base(child(b, "base", ctx.roots.base, "properties", name)),
        );
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
      const inB = Object.prototype.hasOwnProperty.call(bm, pattern);
      const inA = Object.prototype.hasOwnProperty.call(am, pattern);
      const bChild = child(b, "base", ctx.roots.base, "patternProperties", pattern);
      const aChild = child(a, "head", ctx.roots.head, "patternProperties", pattern);
      if (inB && !inA) emit("pattern-property-removed", where, `properties matching ${show(pattern)} are no longer described`, base(bChild));
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
    if (!bu.lifted && !au.lifted && bu.keyword !== au.keyword) {
      const where = joinPointer(pointer, au.keyword);
      if (au.keyword === "oneOf") emit("constraint-tightened", where, "anyOf became oneOf: values must match exactly one variant", head(a, "oneOf"));
      else emit("constraint-loosened", where, "oneOf became anyOf: values may match several variants", head(a, "anyOf"));
    }
    const branchPointer = (side: Side, i: number) => {
      const union = side === "base" ? bu : au;
      return union.lifted ? pointer : joinPointer(pointer, union.keyword, i);
    };
    const { pairs, removed, added } = matchBranches(bu.branches, au.branches);
    for (const i of removed) emit("variant-removed", branchPointer("base", i), `variant ${describeBranch(bu.branches[i]!)} removed`, base(bu.branches[i]!));
    for (const j of added) emit("variant-added", branchPointer("head", j), `variant ${describeBranch(au.branches[j]!)} added`, head(au.branches[j]!));
    for (const [i, j] of pairs) compare(ctx, bu.branches[i]!, au.branches[j]!, branchPointer("head", j));
  },
};

const allOfRule: Rule = {
  keywords: ["allOf"],
  compare(ctx, { b, a, pointer }, emit) {
    const bb = branches(b, "allOf", "base", ctx.roots.base);
    const ab = branches(a, "allOf", "head", ctx.roots.head);
    const { pairs, removed, added } = matchBranches(bb, ab);
    for (const i of removed) emit("composition-removed", joinPointer(pointer, "allOf"), `allOf branch ${describeBranch(bb[i]!)} removed`, base(bb[i]!));
    for (const j of added) emit("composition-added", joinPointer(pointer, "allOf", j), `allOf branch ${describeBranch(ab[j]!)} added`, head(ab[j]!));
    for (const [i, j] of pairs) compare(ctx, bb[i]!, ab[j]!, joinPointer(pointer, "allOf", j));
  },
};

/** In walk order: keywords first, then the structures below them. */
const RULES: readonly Rule[] = [
  annotations,
  typeRule,
  enumRule,
  constRule,
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
 * become its single branch, so the edit reads as "variant null added", not "type removed, anyOf added".
 */
function liftUnions(ctx: Context, pair: Pair): Pair {
  const bk = unionKeyword(pair.b);
  const ak = unionKeyword(pair.a);
  const bu = bk ? { keyword: bk, branches: branches(pair.b, bk, "base", ctx.roots.base), lifted: false } : undefined;
  const au = ak ? { keyword: ak, branches: branches(pair.a, ak, "head", ctx.roots.head), lifted: false } : undefined;
  const hasUnion = (v: View) => v.keys.has("anyOf") || v.keys.has("oneOf");
  if (bu && !au && !hasUnion(pair.a) && onlyUnion(pair.b, bu.keyword)) {
    const [node, branch] = split(pair.a);
    return { ...pair, a: node, unions: { b: bu, a: { keyword: bu.keyword, branches: [branch], lifted: true } } };
  }
  if (au && !bu && !hasUnion(pair.b) && onlyUnion(pair.a, au.keyword)) {
    const [node, branch] = split(pair.b);
    return { ...pair, b: node, unions: { a: au, b: { keyword: au.keyword, branches: [branch], lifted: true } } };
  }
  return { ...pair, unions: { b: bu, a: au } };
}

/** A view split into its annotations (the node) and its constraints (the lifted branch). */
function split(v: View): [View, View] {
  const pick = (keep: (k: string) => boolean): View => {
    const keys = new Map([...v.keys].filter(([k]) => keep(k)));
    const at = new Map([...v.at].filter(([k]) => keep(k)));
    return { ...v, keys, at };
  };
  const branch = pick((k) => !isAnnotation(k));
  return [pick(isAnnotation), { ...branch, id: `${v.id}#lifted` }];
}

/**
 * Pairs branches across versions: identical ones first, then by a key (const, discriminator
 * property, shared definition, type), in order. What is left was added or removed.
 */
export function matchBranches(before: readonly View[], after: readonly View[]): { pairs: [number, number][]; removed: number[]; added: number[] } {
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
  pass((b, a) => canonical(b.raw) === canonical(a.raw));
  pass((b, a) => branchKey(b) === branchKey(a));
  return { pairs: pairs.sort((x, y) => x[1] - y[1]), removed: [...freeB], added: [...freeA] };
}

function branchKey(v: View): string {
  if (v.keys.has("const")) return `const:${canonical(v.keys.get("const"))}`;
  const properties = v.keys.get("properties");
  if (isObject(properties)) {
    for (const name of Object.keys(properties).sort(compareText)) {
      const property = properties[name];
      if (isObject(property) && "const" in property) return `discriminator:${name}=${canonical(property.const as Json)}`;
    }
  }
  const raw = v.raw;
  if (isObject(raw) && typeof raw.$ref === "string") return `ref:${raw.$ref}`;
  const types = typesOf(v);
  return types ? `type:${types.join("|")}` : "untyped";
}

function describeBranch(v: View): string {
  const raw = v.raw;
  if (isObject(raw) && typeof raw.$ref === "string") return raw.$ref.replace(/^#\/\$defs\//, "");
  if (v.keys.has("const")) return `const ${show(v.keys.get("const"))}`;
  const types = typesOf(v);
  if (types && v.keys.size <= 2) return types.join(" | ");
  return show(Object.fromEntries([...v.keys].filter(([k]) => !isAnnotation(k))) as Json);
}

function branchCount(list: Json | undefined): string {
  const n = Array.isArray(list) ? list.length : 0;
  return `${n} variant${n === 1 ? "" : "s"}`;
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

/** JSON with sorted keys: equal values give equal text. */
export function canonical(value: Json | undefined): string {
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort(compareText)
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k] as Json)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

function equal(a: Json | undefined, b: Json | undefined): boolean {
  return canonical(a) === canonical(b);
}

/** A short JSON rendering of a spec value for messages (formatters escape it for their output). */
export function show(value: Json | undefined, max = 60): string {
  const text = value === undefined ? "nothing" : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function describeEdit(before: Json | undefined, after: Json | undefined): string {
  if (before === undefined) return `added: ${show(after)}`;
  if (after === undefined) return `removed (was ${show(before)})`;
  return `changed from ${show(before)} to ${show(after)}`;
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
      else if (shape === "schema-map" && isObject(value)) setOwn(out, key, Object.fromEntries(Object.keys(value).map((k) => [k, strip(value[k] as Json)])));
      else if (shape === "schema-list" && Array.isArray(value)) setOwn(out, key, value.map(strip));
      else setOwn(out, key, value);
    }
    return out;
  };
  return canonical(strip(schema));
}
