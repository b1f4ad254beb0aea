/** How spec values appear in change messages: short JSON, cut by code point (formatters escape it for their output). */
import type { Json } from "../model.js";

/** A short JSON rendering of a spec value. */
export function show(value: Json | undefined, max = 60): string {
  const text = value === undefined ? "nothing" : JSON.stringify(value);
  // By code point, so a cut never splits a surrogate pair.
  const points = Array.from(text);
  return points.length > max ? `${points.slice(0, max - 1).join("")}…` : text;
}

/** `added: x`, `removed (was x)` or `changed from x to y`. */
export function describeEdit(before: Json | undefined, after: Json | undefined): string {
  if (before === undefined) return `added: ${show(after)}`;
  if (after === undefined) return `removed (was ${show(before)})`;
  const [was, now] = showDifference(before, after);
  return `changed from ${was} to ${now}`;
}

/**
 * Two long values that start alike are both shown from a little before where they differ, so a
 * one-word edit in a long description shows up instead of two equal cut-off beginnings.
 */
function showDifference(before: Json, after: Json, max = 60): [string, string] {
  const base = Array.from(JSON.stringify(before));
  const head = Array.from(JSON.stringify(after));
  if (base.length <= max && head.length <= max) return [show(before, max), show(after, max)];
  let same = 0;
  while (same < base.length && same < head.length && base[same] === head[same]) same++;
  const start = same < max - 20 ? 0 : same - 20;
  const cut = (points: string[]) => {
    const text = points.slice(start, start + max - 1).join("");
    return `${start > 0 ? "…" : ""}${text}${start + max - 1 < points.length ? "…" : ""}`;
  };
  return [cut(base), cut(head)];
}

/** `n variants`, for an anyOf/oneOf list. */
export function branchCount(list: Json | undefined): string {
  const n = Array.isArray(list) ? list.length : 0;
  return `${n} variant${n === 1 ? "" : "s"}`;
}
