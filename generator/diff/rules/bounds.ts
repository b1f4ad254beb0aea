/** Numeric, length, item-count and property-count bounds: tightened or loosened. */
import { joinPointer } from "../../diagnostics.js";
import { jsonEqual } from "../../schema-walk.js";
import { describeEdit } from "../text.js";
import type { View } from "../view.js";
import { defineRule, type Emit, headAt } from "./rule.js";

/** Upper bounds get stricter as they go down, lower bounds as they go up. */
const BOUNDS: Record<string, "upper" | "lower"> = {
  maximum: "upper",
  exclusiveMaximum: "upper",
  maxLength: "upper",
  maxItems: "upper",
  maxProperties: "upper",
  minimum: "lower",
  exclusiveMinimum: "lower",
  minLength: "lower",
  minItems: "lower",
  minProperties: "lower",
};

/** The inclusive and exclusive keyword of each numeric bound. */
const NUMERIC_BOUNDS = [
  ["maximum", "exclusiveMaximum"],
  ["minimum", "exclusiveMinimum"],
] as const;

/** A count that must be at least 0 says nothing: `minLength: 0` is the same as no minLength. */
const VACUOUS_ZERO = new Set(["minLength", "minItems", "minProperties"]);

type BoundKind = "bound-tightened" | "bound-loosened" | "keyword-changed";

export const bounds = defineRule({
  keywords: Object.keys(BOUNDS),
  // keyword-changed: a bound that is not a number (the meta-schema rejects it; said, not judged).
  kinds: ["bound-tightened", "bound-loosened", "keyword-changed"],
  compare(_ctx, { base, head, pointer }, emit, present) {
    const handled = numericBounds(base, head, pointer, emit, present);
    const bound = (v: View, k: string) => (VACUOUS_ZERO.has(k) && v.keys.get(k) === 0 ? undefined : v.keys.get(k));
    for (const k of present) {
      if (handled.has(k)) continue;
      const before = bound(base, k);
      const after = bound(head, k);
      if (jsonEqual(before, after)) continue;
      const where = joinPointer(pointer, k);
      if ((before !== undefined && typeof before !== "number") || (after !== undefined && typeof after !== "number")) {
        emit("keyword-changed", where, `${k} ${describeEdit(before, after)}`, headAt(head, k));
        continue;
      }
      const upper = BOUNDS[k] === "upper";
      if (before === undefined) emit("bound-tightened", where, `${k} ${after} added`, headAt(head, k));
      else if (after === undefined) emit("bound-loosened", where, `${k} ${before} removed`, headAt(head));
      else {
        const tighter = upper ? after < before : after > before;
        const message = `${k} ${after < before ? "lowered" : "raised"} from ${before} to ${after}`;
        emit(tighter ? "bound-tightened" : "bound-loosened", where, message, headAt(head, k));
      }
    }
  },
});

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
 * Returns the keywords it judged.
 */
function numericBounds(base: View, head: View, pointer: string, emit: Emit<BoundKind>, present: readonly string[]): Set<string> {
  const handled = new Set<string>();
  for (const pair of NUMERIC_BOUNDS) {
    const involved = pair.filter((k) => present.includes(k) && !jsonEqual(base.keys.get(k), head.keys.get(k)));
    const numeric = pair.every((k) => [base.keys.get(k), head.keys.get(k)].every((value) => value === undefined || typeof value === "number"));
    const both = pair.every((k) => present.includes(k));
    if (involved.length === 0 || !numeric || !both) continue;
    for (const k of pair) handled.add(k);
    const before = effectiveBound(base, pair);
    const after = effectiveBound(head, pair);
    if (before && after && before.value === after.value && before.exclusive === after.exclusive) continue;
    const upper = BOUNDS[pair[0]] === "upper";
    const text = (e: NumericBound) => `${e.keyword} ${e.value}`;
    const name = upper ? "upper bound" : "lower bound";
    if (!before) emit("bound-tightened", joinPointer(pointer, after!.keyword), `${name} ${text(after!)} added`, headAt(head, after!.keyword));
    else if (!after) emit("bound-loosened", joinPointer(pointer, before.keyword), `${name} ${text(before)} removed`, headAt(head));
    else {
      const tighter =
        (upper ? after.value < before.value : after.value > before.value) || (after.value === before.value && after.exclusive && !before.exclusive);
      const message = `${name} changed from ${text(before)} to ${text(after)}`;
      emit(tighter ? "bound-tightened" : "bound-loosened", joinPointer(pointer, after.keyword), message, headAt(head, after.keyword));
    }
  }
  return handled;
}
