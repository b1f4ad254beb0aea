/** Annotations (title, description, default, examples, `deprecated`, `x-` notes): news for readers, never a change in what is accepted. */
import { joinPointer } from "../../diagnostics.js";
import { ANNOTATION_KEYWORDS, isAnnotationKeyword, jsonEqual } from "../../schema-walk.js";
import { describeEdit } from "../text.js";
import { OPEN_ENUM } from "./enums.js";
import { defineRule, headAt, keywordsOf } from "./rule.js";

export const annotations = defineRule({
  keywords: [...ANNOTATION_KEYWORDS],
  kinds: ["deprecated", "annotation-changed"],
  always: true,
  compare(_ctx, { base, head, pointer }, emit) {
    for (const k of keywordsOf(base, head)) {
      // x-open-enum is an annotation with a rule of its own.
      if (!isAnnotationKeyword(k) || k === OPEN_ENUM) continue;
      const before = base.keys.get(k);
      const after = head.keys.get(k);
      if (jsonEqual(before, after)) continue;
      const where = joinPointer(pointer, k);
      if (k === "deprecated" && after === true) emit("deprecated", where, "marked deprecated", headAt(head, k));
      else if (k === "deprecated" && before === true) emit("annotation-changed", where, "no longer deprecated", headAt(head, k));
      else emit("annotation-changed", where, `${k} ${describeEdit(before, after)}`, headAt(head, k));
    }
  },
});
