/**
 * `enum` and `const` (and unions that only list values), compared as the sets of values they
 * allow; and `x-open-enum`, a list of known values that restricts nothing.
 */
import { joinPointer } from "../../diagnostics.js";
import type { Json } from "../../model.js";
import { canonical, jsonEqual } from "../../schema-walk.js";
import { show } from "../text.js";
import { valuesOf } from "../values.js";
import type { Listed, View } from "../view.js";
import { type Context, defineRule, headAt } from "./rule.js";

export const OPEN_ENUM = "x-open-enum";

export const values = defineRule({
  keywords: ["enum", "const"],
  kinds: ["const-added", "const-removed", "const-changed", "enum-added", "enum-removed", "enum-value-added", "enum-value-removed"],
  // A union that lists values has neither keyword.
  always: true,
  compare(ctx, { base, head, pointer }, emit) {
    const before = valuesOf(base);
    const after = valuesOf(head);
    if (!before && !after) return;
    if (base.listed && head.listed) listedAnnotations(ctx, base.listed, head.listed, pointer);
    if (!before) {
      const at = headAt(head, after!.keyword);
      const where = joinPointer(pointer, after!.keyword);
      if (after!.keyword === "const") return emit("const-added", where, `const ${show(after!.values[0])} added`, at);
      return emit("enum-added", where, `restricted to ${show(after!.values as Json)}`, at);
    }
    if (!after) {
      const where = joinPointer(pointer, before.keyword);
      if (before.keyword === "const") return emit("const-removed", where, `const ${show(before.values[0])} removed`, headAt(head));
      return emit("enum-removed", where, `enum ${show(before.values as Json)} removed: any value of the type is allowed`, headAt(head));
    }
    const where = joinPointer(pointer, after.keyword);
    const beforeKeys = new Set(before.values.map(canonical));
    const afterKeys = new Set(after.values.map(canonical));
    if (beforeKeys.size === afterKeys.size && [...beforeKeys].every((k) => afterKeys.has(k))) return;
    if (before.values.length === 1 && after.values.length === 1) {
      // One allowed value on each side: a literal type that changed, whether spelled const or enum.
      const what = before.keyword === "const" && after.keyword === "const" ? "const" : "the only allowed value";
      const message = `${what} changed from ${show(before.values[0])} to ${show(after.values[0])}`;
      return emit("const-changed", where, message, headAt(head, after.keyword));
    }
    for (const value of before.values)
      if (!afterKeys.has(canonical(value))) emit("enum-value-removed", where, `enum value ${show(value)} removed`, headAt(head, after.keyword));
    const written = head.keys.get("enum");
    for (const value of after.values) {
      if (beforeKeys.has(canonical(value))) continue;
      // Point at the value itself when it is an item of the head's enum, or at the branch that lists it.
      const index = Array.isArray(written) ? written.findIndex((item) => jsonEqual(item, value)) : -1;
      const branch = head.listed?.branches[head.listed.branchOf[head.listed.values.findIndex((item) => jsonEqual(item, value))]!]?.self;
      const at = branch ?? (index >= 0 && head.at.has("enum") ? joinPointer(head.at.get("enum")!, index) : headAt(head, after.keyword));
      emit("enum-value-added", where, `enum value ${show(value)} added`, at);
    }
  },
});

/**
 * The branches of two lists of values that each list one same value (`{ const: x, description }`)
 * are compared for what is left: their annotations, so a value's description that changed is info.
 */
function listedAnnotations(ctx: Context, base: Listed, head: Listed, pointer: string): void {
  const single = (listed: Listed, branch: number) => listed.branchOf.filter((i) => i === branch).length === 1;
  head.values.forEach((value, i) => {
    const j = base.values.findIndex((item) => jsonEqual(item, value));
    if (j < 0) return;
    const [baseBranch, headBranch] = [base.branchOf[j]!, head.branchOf[i]!];
    if (single(base, baseBranch) && single(head, headBranch))
      ctx.compare(base.branches[baseBranch]!, head.branches[headBranch]!, joinPointer(pointer, head.keyword, headBranch));
  });
}

/**
 * `x-open-enum` lists values a string is known to take without restricting it: a change to the
 * list is news for readers (info), never a change in what is accepted. Turning it into `enum`, or
 * back, is judged by the value rule as a restriction added or removed; the list itself is then not
 * reported again.
 */
export const openEnum = defineRule({
  keywords: [OPEN_ENUM],
  kinds: ["open-enum-changed"],
  compare(_ctx, { base, head, pointer }, emit) {
    const list = (v: View) => {
      const value = v.keys.get(OPEN_ENUM);
      return Array.isArray(value) ? value : undefined;
    };
    const before = list(base);
    const after = list(head);
    if (jsonEqual(before, after)) return;
    const where = joinPointer(pointer, OPEN_ENUM);
    const at = headAt(head, OPEN_ENUM);
    if (!before || !after) {
      // Closed to open or open to closed: the enum-added/enum-removed change says it.
      if (valuesOf(before ? head : base)) return;
      if (after) emit("open-enum-changed", where, `known values listed (an open enum; any value of the type passes): ${show(after)}`, at);
      else emit("open-enum-changed", where, `known values no longer listed (was ${show(before!)})`, at);
      return;
    }
    const has = (list: Json[], value: Json) => list.some((item) => jsonEqual(item, value));
    for (const value of before) if (!has(after, value)) emit("open-enum-changed", where, `known value ${show(value)} removed from the open enum`, at);
    for (const value of after) if (!has(before, value)) emit("open-enum-changed", where, `known value ${show(value)} added to the open enum`, at);
  },
});
