/**
 * `properties` and `required`, judged together: a property added as required is one change, and
 * a property that became required or optional is a change of that property.
 */
import { joinPointer } from "../../diagnostics.js";
import type { Json } from "../../model.js";
import { isObject } from "../../schema-walk.js";
import { show } from "../text.js";
import { child, type View } from "../view.js";
import { defineRule, headAt, sortedUnion } from "./rule.js";

export const properties = defineRule({
  keywords: ["properties", "required"],
  kinds: ["property-added", "property-added-required", "property-removed", "property-became-required", "property-became-optional"],
  compare(ctx, { base, head, pointer }, emit) {
    const propertiesOf = (v: View) => (isObject(v.keys.get("properties")) ? (v.keys.get("properties") as Record<string, Json>) : {});
    const required = (v: View) => {
      const list = v.keys.get("required");
      return Array.isArray(list) ? list.filter((n): n is string => typeof n === "string") : [];
    };
    const baseProperties = propertiesOf(base);
    const headProperties = propertiesOf(head);
    const baseRequired = new Set(required(base));
    const headRequiredList = required(head);
    const headRequired = new Set(headRequiredList);
    const requiredAt = (name: string) => joinPointer(head.at.get("required") ?? head.self, headRequiredList.indexOf(name));
    const headProperty = (name: string) => child(head, "head", ctx.roots.head, "properties", name);
    for (const name of sortedUnion(Object.keys(baseProperties), Object.keys(headProperties), [...baseRequired], headRequiredList)) {
      const where = joinPointer(pointer, "properties", name);
      const inBase = Object.hasOwn(baseProperties, name);
      const inHead = Object.hasOwn(headProperties, name);
      const nowRequired = headRequired.has(name) && !baseRequired.has(name);
      const nowOptional = baseRequired.has(name) && !headRequired.has(name);
      if (inBase && !inHead) {
        const message = `property ${show(name)} removed${baseRequired.has(name) ? " (it was required)" : ""}`;
        emit("property-removed", where, message, headAt(head, "properties"));
        continue;
      }
      if (!inBase && inHead) {
        if (nowRequired) emit("property-added-required", where, `required property ${show(name)} added`, headAt(headProperty(name)));
        else emit("property-added", where, `property ${show(name)} added${headRequired.has(name) ? " (required)" : ""}`, headAt(headProperty(name)));
        continue;
      }
      if (nowRequired) emit("property-became-required", where, `property ${show(name)} is now required`, requiredAt(name));
      if (nowOptional)
        emit("property-became-optional", where, `property ${show(name)} is no longer required`, inHead ? headAt(headProperty(name)) : headAt(head));
      if (inBase && inHead) ctx.compare(child(base, "base", ctx.roots.base, "properties", name), headProperty(name), where);
    }
  },
});
