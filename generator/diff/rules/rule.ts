/**
 * What a rule is: the keyword family it owns, the change kinds it may report, and a comparison of
 * the two versions of one node. Rules never pick a severity (kinds.ts does) and never import the
 * walk: they reach the nodes below through `ctx.compare`.
 */
import { compareText } from "../../diagnostics.js";
import type { Pair, Roots } from "../align.js";
import type { SchemaKind } from "../kinds.js";
import type { View } from "../view.js";

export interface Context {
  roots: Roots;
  /** Compares two nodes below this one, reported at `pointer` (each pair of nodes once). */
  compare(base: View, head: View, pointer: string): void;
  /** Whether comparing two nodes finds nothing but annotation changes, without reporting anything. */
  equivalent(base: View, head: View): boolean;
}

/** Reports a change: its kind, where users see it, the message, and where it is written in the head. */
export type Emit<K extends SchemaKind = SchemaKind> = (kind: K, pointer: string, message: string, at: string) => void;

export interface Rule<K extends SchemaKind = SchemaKind> {
  /** The keyword family the rule owns: no other rule judges them. */
  keywords: readonly string[];
  /** Every kind the rule may report; the rules tests cover each in both directions. */
  kinds: readonly K[];
  /** Run even when none of the keywords is present (annotations: `x-` keys are open-ended). */
  always?: boolean;
  compare(ctx: Context, pair: Pair, emit: Emit<K>, present: readonly string[]): void;
}

/** A rule whose `emit` takes only the kinds it lists, so an unlisted kind does not compile. */
export function defineRule<const K extends SchemaKind>(rule: Rule<K>): Rule<K> {
  return rule;
}

/** The head pointer of a keyword of a view, or of the view itself when it has no such keyword. */
export const headAt = (v: View, keyword?: string): string => (keyword !== undefined && v.at.get(keyword)) || v.self;

/** Names from several lists, each once, sorted. */
export function sortedUnion(...lists: string[][]): string[] {
  return [...new Set(lists.flat())].sort(compareText);
}

/** The keywords either version of a node has, sorted. */
export function keywordsOf(base: View, head: View): string[] {
  return sortedUnion([...base.keys.keys()], [...head.keys.keys()]);
}
