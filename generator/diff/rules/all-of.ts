/** `allOf` branches that overlap (disjoint ones are merged into the node by the view): added, removed, or compared pairwise. */
import { joinPointer } from "../../diagnostics.js";
import { branches, describeBranch, matchBranches } from "../align.js";
import { defineRule, headAt } from "./rule.js";

export const allOf = defineRule({
  keywords: ["allOf"],
  kinds: ["composition-added", "composition-removed"],
  compare(ctx, { base, head, pointer, conjunction }, emit) {
    const baseBranches = conjunction?.base ?? branches(base, "allOf", "base", ctx.roots);
    const headBranches = conjunction?.head ?? branches(head, "allOf", "head", ctx.roots);
    const branchPointer = (j: number) => (conjunction?.lifted === "head" ? pointer : joinPointer(pointer, "allOf", j));
    const { pairs, removed, added } = matchBranches(baseBranches, headBranches, ctx.equivalent);
    for (const i of removed) {
      const message = `allOf branch ${describeBranch(baseBranches[i]!)} removed`;
      emit("composition-removed", joinPointer(pointer, "allOf"), message, headAt(head, "allOf"));
    }
    for (const j of added)
      emit("composition-added", branchPointer(j), `allOf branch ${describeBranch(headBranches[j]!)} added`, headAt(headBranches[j]!));
    for (const [i, j] of pairs) ctx.compare(baseBranches[i]!, headBranches[j]!, branchPointer(j));
  },
});
