/**
 * A `$ref` cycle is reported at the `$ref` whatever annotations its nodes carry: the resolver and
 * the rest of the generator read one list of annotation keywords (schema-walk.ts). Before, a node
 * carrying `default` was not seen as a bare `$ref`, so the cycle reached ajv, which overflowed its stack.
 */
import { describe, expect, it } from "vitest";
import { ANNOTATION_KEYWORDS } from "../../generator/schema-walk.js";
import { MINIMAL_SPECS, specProblems } from "../helpers.js";

const CHAT = "acme/shared/chat.yaml";

const cycleWith = (annotation: string) => ({
  ...MINIMAL_SPECS,
  [CHAT]: `$defs:\n  Message: { $ref: '#/$defs/Other', ${annotation} }\n  Other: { $ref: '#/$defs/Message' }\n`,
});

const annotations: [string, string][] = [
  ["description", "description: a note"],
  ["default", "default: 1"],
  ["examples", "examples: [1]"],
  ["$comment", "$comment: why"],
  ["title", "title: Message"],
  ["deprecated", "deprecated: true"],
  ["readOnly", "readOnly: true"],
  ["writeOnly", "writeOnly: true"],
  ["x- annotation", "x-note: hello"],
];

describe("a $ref cycle carrying an annotation", () => {
  it("covers every annotation keyword of the shared list", () => {
    expect(new Set(annotations.map(([k]) => k).filter((k) => !k.startsWith("x-")))).toEqual(new Set(ANNOTATION_KEYWORDS));
  });

  it.each(annotations)("with %s is the located cycle error, not ajv's stack overflow", (_, annotation) => {
    const found = specProblems(cycleWith(annotation));
    expect(found.map((d) => d.message).join("\n")).not.toMatch(/ajv refuses|call stack/);
    // Which end the chain is read from depends on where the walk entered it; both name the two definitions.
    const atRef = found.find((d) => d.file === CHAT && d.pointer === "/$defs/Message/$ref");
    expect(atRef).toMatchObject({ line: 2, column: 20 });
    const [a, b] = [`${CHAT}#/$defs/Message`, `${CHAT}#/$defs/Other`];
    expect([`$ref cycle: ${a} → ${b} → ${a} never reaches a schema`, `$ref cycle: ${b} → ${a} → ${b} never reaches a schema`]).toContain(
      atRef!.message,
    );
    // The offering that reaches the cycle is told so at its own $ref.
    expect(found.some((d) => d.file === "acme/tiny.yaml" && d.pointer === "/request/schema/properties/messages/items/$ref")).toBe(true);
  });
});
