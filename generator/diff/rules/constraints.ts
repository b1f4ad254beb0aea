/** Value constraints other than bounds: pattern, format, content type, multipleOf, uniqueItems. */
import { joinPointer } from "../../diagnostics.js";
import { jsonEqual } from "../../schema-walk.js";
import { show } from "../text.js";
import { isWhole } from "../values.js";
import { defineRule, headAt } from "./rule.js";

/** Constraints whose values cannot be ordered: any change might reject values that passed. */
const OPAQUE_CONSTRAINTS = ["pattern", "format", "contentEncoding", "contentMediaType"];

export const constraints = defineRule({
  keywords: [...OPAQUE_CONSTRAINTS, "multipleOf", "uniqueItems"],
  kinds: ["constraint-tightened", "constraint-loosened", "constraint-changed"],
  compare(_ctx, { base, head, pointer }, emit, present) {
    for (const k of present) {
      const before = base.keys.get(k);
      const after = head.keys.get(k);
      if (jsonEqual(before, after)) continue;
      const where = joinPointer(pointer, k);
      if (k === "uniqueItems") {
        if (after === true) emit("constraint-tightened", where, "items must now be unique", headAt(head, k));
        else if (before === true) emit("constraint-loosened", where, "items no longer need to be unique", headAt(head, k));
      } else if (before === undefined) {
        emit("constraint-tightened", where, `${k} ${show(after)} added`, headAt(head, k));
      } else if (after === undefined) {
        emit("constraint-loosened", where, `${k} ${show(before)} removed`, headAt(head));
      } else if (k === "multipleOf" && typeof before === "number" && typeof after === "number") {
        const text = `multipleOf changed from ${before} to ${after}`;
        if (isWhole(after / before)) emit("constraint-tightened", where, text, headAt(head, k));
        else if (isWhole(before / after)) emit("constraint-loosened", where, text, headAt(head, k));
        else emit("constraint-changed", where, text, headAt(head, k));
      } else {
        emit("constraint-changed", where, `${k} changed from ${show(before)} to ${show(after)}`, headAt(head, k));
      }
    }
  },
});
