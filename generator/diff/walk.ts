/**
 * Compares two versions of one bundled JSON Schema and lists what changed, keyword family by
 * keyword family. Each rule (rules/) only says which kind of change it saw; the severity comes
 * from the kinds table (kinds.ts), which knows whether the schema is written by callers (request)
 * or read by them (response, stream).
 *
 * `$ref`s are followed (view.ts), so a change inside a shared definition is reported at the path
 * users see (`/properties/messages/items/properties/role`, not `/$defs/Message/...`). Each pair of
 * nodes is compared once: a definition used in several places is reported at the first place
 * reached (rules in their order, keywords and property names sorted), which also ends recursive
 * definitions.
 *
 * Spellings that accept the same values compare equal, so a refactor reports nothing: a definition
 * renamed, moved, inlined or wrapped in `allOf`; `const: x` and `enum: [x]`; `type: [string, null]`
 * and `anyOf: [{ type: string }, { type: null }]`; `maximum` beside a stricter `exclusiveMaximum`.
 */
import { joinPointer } from "../diagnostics.js";
import type { Json, SchemaRole } from "../model.js";
import { isAnnotationKeyword, jsonEqual } from "../schema-walk.js";
import { align, type Roots } from "./align.js";
import { type SchemaKind, schemaSeverity, type Severity } from "./kinds.js";
import { RULES } from "./rules/index.js";
import { type Context, type Emit, headAt, keywordsOf } from "./rules/rule.js";
import { describeEdit } from "./text.js";
import { type View, view } from "./view.js";

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

/** The kinds the walk reports itself: a `false` schema, and a keyword no rule owns. */
export const WALK_KINDS: readonly SchemaKind[] = ["schema-closed", "schema-opened", "keyword-changed"];

/** Every change from `before` (the base) to `after` (the head), a schema of the given role, in a stable order. */
export function diffSchemas(before: Json, after: Json, role: SchemaRole): SchemaChange[] {
  const walk = newWalk(role, { base: before, head: after }, new Set());
  compare(walk, view(before, "", "base", before), view(after, "", "head", after), "");
  return dedupe(walk.out);
}

interface Walk {
  role: SchemaRole;
  roots: Roots;
  out: SchemaChange[];
  /** Pairs of nodes already compared (`base id|head id`). */
  visited: Set<string>;
  /** What the rules see of the walk. */
  context: Context;
}

function newWalk(role: SchemaRole, roots: Roots, visited: Set<string>): Walk {
  const walk: Walk = {
    role,
    roots,
    out: [],
    visited,
    context: {
      roots,
      compare: (base, head, pointer) => compare(walk, base, head, pointer),
      // A trial walk on a copy of what was visited: it reports nothing and marks nothing as seen.
      equivalent: (base, head) => {
        const trial = newWalk(role, roots, new Set(walk.visited));
        compare(trial, base, head, "");
        return trial.out.every((change) => change.kind === "annotation-changed");
      },
    },
  };
  return walk;
}

function compare(walk: Walk, base: View, head: View, pointer: string): void {
  const key = `${base.id}|${head.id}`;
  if (walk.visited.has(key)) return;
  walk.visited.add(key);
  const definition = head.definition ?? base.definition;
  const emit: Emit = (kind, where, message, at) =>
    walk.out.push({
      pointer: where,
      kind,
      severity: schemaSeverity(kind, walk.role),
      message: definition ? `${message} [shared definition ${definition}]` : message,
      at,
    });

  if (base.never || head.never) {
    if (!base.never) emit("schema-closed", pointer, "schema became false: no value is accepted", headAt(head));
    else if (!head.never) emit("schema-opened", pointer, "schema was false and now accepts values", headAt(head));
    return;
  }
  const pair = align(walk.roots, { base, head, pointer, unions: {} });
  const claimed = new Set<string>();
  for (const rule of RULES) {
    const keywords = rule.keywords.filter((k) => pair.base.keys.has(k) || pair.head.keys.has(k));
    for (const k of rule.keywords) claimed.add(k);
    if (keywords.length > 0 || rule.always) rule.compare(walk.context, pair, emit, keywords);
  }
  // Anything no rule knows about: say it changed, and let a person judge.
  for (const k of keywordsOf(pair.base, pair.head)) {
    if (claimed.has(k) || isAnnotationKeyword(k)) continue;
    const [before, after] = [pair.base.keys.get(k), pair.head.keys.get(k)];
    if (!jsonEqual(before, after)) emit("keyword-changed", joinPointer(pointer, k), `${k} ${describeEdit(before, after)}`, headAt(pair.head, k));
  }
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
