/** `type`: the JSON types a node accepts, judged as narrowed, widened or changed. */
import { joinPointer } from "../../diagnostics.js";
import { ALL_TYPES, accepts, typesOf, typesOfValues, valuesOf } from "../values.js";
import { defineRule, headAt } from "./rule.js";

export const types = defineRule({
  keywords: ["type"],
  kinds: ["type-narrowed", "type-widened", "type-changed"],
  compare(_ctx, { base, head, pointer }, emit) {
    // With const or enum on both sides the value sets say everything (the enums rule): `{ type:
    // string, const: x }` and `{ const: x }` accept the same values.
    const baseValues = valuesOf(base);
    const headValues = valuesOf(head);
    if (baseValues && headValues) return;
    const covers = (outer: string[] | undefined, inner: string[] | undefined) => (inner ?? ALL_TYPES).every((t) => accepts(outer, t));
    // A side without a `type` but with values has the types of its values: `enum: [a, b]` is strings.
    const before = typesOf(base) ?? (baseValues && typesOfValues(baseValues.values));
    const after = typesOf(head) ?? (headValues && typesOfValues(headValues.values));
    // Values the other side's types all allow: the enum added or removed says it all.
    if (baseValues && !typesOf(base) && covers(after, before)) return;
    if (headValues && !typesOf(head) && covers(before, after)) return;
    const wider = covers(after, before);
    const narrower = covers(before, after);
    if (wider && narrower) return;
    const text = (t: string[] | undefined) => (t ? t.join(" | ") : "any");
    const where = joinPointer(pointer, "type");
    const message = `type ${narrower ? "narrowed" : wider ? "widened" : "changed"} from ${text(before)} to ${text(after)}`;
    emit(narrower ? "type-narrowed" : wider ? "type-widened" : "type-changed", where, message, headAt(head, "type"));
  },
});
