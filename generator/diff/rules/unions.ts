/**
 * `anyOf` and `oneOf`: variants added or removed (paired by content or key, not position), a
 * union that came or went, and anyOf turned oneOf over variants that can overlap.
 */
import { joinPointer } from "../../diagnostics.js";
import { jsonEqual } from "../../schema-walk.js";
import { describeBranch, exclusive, matchBranches, taggedUnion } from "../align.js";
import { branchCount, describeEdit } from "../text.js";
import type { Side, View } from "../view.js";
import { defineRule, headAt } from "./rule.js";

export const unions = defineRule({
  keywords: ["anyOf", "oneOf"],
  kinds: [
    "variant-added",
    "tagged-variant-added",
    "variant-removed",
    "composition-added",
    "composition-removed",
    "constraint-tightened",
    "constraint-loosened",
    "keyword-changed",
  ],
  compare(ctx, { base, head, pointer, unions }, emit) {
    const tangled = (v: View) => v.keys.has("anyOf") && v.keys.has("oneOf");
    if (tangled(base) || tangled(head)) {
      // Both anyOf and oneOf on one node: too tangled to judge by rule.
      for (const k of ["anyOf", "oneOf"]) {
        const [before, after] = [base.keys.get(k), head.keys.get(k)];
        if (!jsonEqual(before, after)) emit("keyword-changed", joinPointer(pointer, k), `${k} ${describeEdit(before, after)}`, headAt(head, k));
      }
      return;
    }
    const baseUnion = unions.base;
    const headUnion = unions.head;
    for (const keyword of ["anyOf", "oneOf"] as const) {
      // Present on one side only, and not liftable: the whole constraint came or went.
      const inBase = base.keys.has(keyword) && baseUnion?.keyword === keyword;
      const inHead = head.keys.has(keyword) && headUnion?.keyword === keyword;
      const where = joinPointer(pointer, keyword);
      if (inHead && !baseUnion)
        emit("composition-added", where, `${keyword} with ${branchCount(head.keys.get(keyword))} added`, headAt(head, keyword));
      if (inBase && !headUnion) emit("composition-removed", where, `${keyword} with ${branchCount(base.keys.get(keyword))} removed`, headAt(head));
    }
    if (!baseUnion || !headUnion) return;
    // Over branches no value can match twice, anyOf and oneOf accept the same values.
    const oneOf = headUnion.keyword === "oneOf" ? headUnion : baseUnion;
    if (
      !baseUnion.lifted &&
      !headUnion.lifted &&
      baseUnion.keyword !== headUnion.keyword &&
      !exclusive(oneOf.branches, oneOf === headUnion ? "head" : "base", ctx.roots)
    ) {
      const where = joinPointer(pointer, headUnion.keyword);
      if (headUnion.keyword === "oneOf")
        emit("constraint-tightened", where, "anyOf became oneOf: values must match exactly one variant", headAt(head, "oneOf"));
      else emit("constraint-loosened", where, "oneOf became anyOf: values may match several variants", headAt(head, "anyOf"));
    }
    const branchPointer = (side: Side, i: number) => {
      const union = side === "base" ? baseUnion : headUnion;
      return union.lifted ? pointer : joinPointer(pointer, union.keyword, i);
    };
    const { pairs, removed, added } = matchBranches(baseUnion.branches, headUnion.branches, ctx.equivalent);
    for (const i of removed) {
      const at = headUnion.lifted ? headAt(head) : headAt(head, headUnion.keyword);
      emit("variant-removed", branchPointer("base", i), `variant ${describeBranch(baseUnion.branches[i]!)} removed`, at);
    }
    for (const j of added) {
      // In a union told apart by one discriminator (or of consts), a new value reads like a new enum value.
      const kind = taggedUnion(headUnion.branches) ? "tagged-variant-added" : "variant-added";
      emit(kind, branchPointer("head", j), `variant ${describeBranch(headUnion.branches[j]!)} added`, headAt(headUnion.branches[j]!));
    }
    for (const [i, j] of pairs) ctx.compare(baseUnion.branches[i]!, headUnion.branches[j]!, branchPointer("head", j));
  },
});
