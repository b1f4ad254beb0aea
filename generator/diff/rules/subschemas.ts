/**
 * Keywords holding one schema or a list of schemas that apply as they are (`items`, `prefixItems`,
 * `contains`, `propertyNames`, `then`, `else`): compared node by node, a missing one as `true`.
 * They report nothing themselves.
 */
import { joinPointer } from "../../diagnostics.js";
import { keywordShape } from "../../schema-walk.js";
import { child } from "../view.js";
import { defineRule } from "./rule.js";

export const subschemas = defineRule({
  // In walk order, which decides where a definition used twice is reported. The rules index test
  // checks that every sub-schema keyword of schema-walk.ts has a rule.
  keywords: ["items", "contains", "propertyNames", "then", "else", "prefixItems"],
  kinds: [],
  compare(ctx, { base, head, pointer }, _emit, present) {
    for (const k of present) {
      if (keywordShape(k) === "schema-list") {
        const length = (v: unknown) => (Array.isArray(v) ? v.length : 0);
        const count = Math.max(length(base.keys.get(k)), length(head.keys.get(k)));
        for (let i = 0; i < count; i++)
          ctx.compare(child(base, "base", ctx.roots.base, k, i), child(head, "head", ctx.roots.head, k, i), joinPointer(pointer, k, i));
      } else {
        ctx.compare(child(base, "base", ctx.roots.base, k), child(head, "head", ctx.roots.head, k), joinPointer(pointer, k));
      }
    }
  },
});
