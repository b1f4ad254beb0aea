/** Properties a schema does not name: `additionalProperties` (open, closed or constrained) and `patternProperties`. */
import { joinPointer } from "../../diagnostics.js";
import type { Json } from "../../model.js";
import { isAnnotationKeyword, isObject } from "../../schema-walk.js";
import type { SchemaKind } from "../kinds.js";
import { show } from "../text.js";
import { child, type View } from "../view.js";
import { defineRule, headAt, sortedUnion } from "./rule.js";

type Openness = "open" | "closed" | "schema";

/** `additionalProperties` absent, `true`, `{}` or only annotations: anything goes. */
function openness(value: Json | undefined): Openness {
  if (value === undefined || value === true) return "open";
  if (value === false) return "closed";
  if (isObject(value) && Object.keys(value).every(isAnnotationKeyword)) return "open";
  return "schema";
}

type AdditionalKind = Extract<SchemaKind, `additional-properties-${string}`>;

const TRANSITIONS: Record<`${Openness}>${Openness}`, { kind: AdditionalKind; text: string } | "recurse" | undefined> = {
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

export const additionalProperties = defineRule({
  keywords: ["additionalProperties"],
  kinds: ["additional-properties-closed", "additional-properties-constrained", "additional-properties-opened"],
  compare(ctx, { base, head, pointer }, emit, present) {
    for (const k of present) {
      const transition = TRANSITIONS[`${openness(base.keys.get(k))}>${openness(head.keys.get(k))}`];
      const where = joinPointer(pointer, k);
      if (transition === "recurse") ctx.compare(child(base, "base", ctx.roots.base, k), child(head, "head", ctx.roots.head, k), where);
      else if (transition) emit(transition.kind, where, `${k} ${transition.text}`, headAt(head, k));
    }
  },
});

export const patternProperties = defineRule({
  keywords: ["patternProperties"],
  kinds: ["pattern-property-added", "pattern-property-removed"],
  compare(ctx, { base, head, pointer }, emit) {
    const map = (v: View) => (isObject(v.keys.get("patternProperties")) ? (v.keys.get("patternProperties") as Record<string, Json>) : {});
    const baseMap = map(base);
    const headMap = map(head);
    for (const pattern of sortedUnion(Object.keys(baseMap), Object.keys(headMap))) {
      const where = joinPointer(pointer, "patternProperties", pattern);
      const inBase = Object.hasOwn(baseMap, pattern);
      const inHead = Object.hasOwn(headMap, pattern);
      const baseChild = child(base, "base", ctx.roots.base, "patternProperties", pattern);
      const headChild = child(head, "head", ctx.roots.head, "patternProperties", pattern);
      if (inBase && !inHead)
        emit("pattern-property-removed", where, `properties matching ${show(pattern)} are no longer described`, headAt(head, "patternProperties"));
      else if (!inBase && inHead) emit("pattern-property-added", where, `properties matching ${show(pattern)} are now described`, headAt(headChild));
      else ctx.compare(baseChild, headChild, where);
    }
  },
});
