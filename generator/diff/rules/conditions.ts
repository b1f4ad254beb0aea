/** `not` and `if` turn the meaning of what they hold around: a change is flagged for a person, not judged. */
import { joinPointer } from "../../diagnostics.js";
import { jsonEqual } from "../../schema-walk.js";
import { describeEdit } from "../text.js";
import { defineRule, headAt } from "./rule.js";

export const conditions = defineRule({
  keywords: ["not", "if"],
  kinds: ["condition-changed"],
  compare(_ctx, { base, head, pointer }, emit, present) {
    for (const k of present) {
      const before = base.keys.get(k);
      const after = head.keys.get(k);
      if (!jsonEqual(before, after)) emit("condition-changed", joinPointer(pointer, k), `${k} ${describeEdit(before, after)}`, headAt(head, k));
    }
  },
});
