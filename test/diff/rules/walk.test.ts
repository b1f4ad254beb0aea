/**
 * The walk: `false` schemas, keywords no rule owns (said to have changed, for a person to judge),
 * keywords the spec meta-schema rejects (never judged by a rule), and the messages and locations
 * of every change.
 */
import { describe, expect, it } from "vitest";
import { WALK_KINDS, diffSchemas } from "../../../generator/diff/walk.js";
import type { Json } from "../../../generator/model.js";
import { type Case, type DirectCase, load, nul, obj, ruleCases, str } from "./cases.js";

const cases: Case[] = [
  [
    "request: property schema became false",
    { role: "request", before: obj({ a: str }), after: obj({ a: false }), want: [["/properties/a", "schema-closed", "breaking"]] },
  ],
  [
    "response: property schema was false",
    { role: "response", before: obj({ a: false }), after: obj({ a: str }), want: [["/properties/a", "schema-opened", "breaking"]] },
  ],
  [
    "response: property schema became false",
    { role: "response", before: obj({ a: str }), after: obj({ a: false }), want: [["/properties/a", "schema-closed", "non-breaking"]] },
  ],
  [
    "request: property schema was false",
    { role: "request", before: obj({ a: false }), after: obj({ a: str }), want: [["/properties/a", "schema-opened", "non-breaking"]] },
  ],
];

/** Keywords no rule owns reach the diff only as bare schemas: the meta-schema rejects them in specs. */
const direct: DirectCase[] = [
  [
    "response: unknown keyword changed",
    { role: "response", before: { nullable: false }, after: { nullable: true }, want: [["/nullable", "keyword-changed", "warning"]] },
  ],
  [
    "request: unknown keyword changed",
    { role: "request", before: { nullable: false }, after: { nullable: true }, want: [["/nullable", "keyword-changed", "warning"]] },
  ],
];

ruleCases("the walk", WALK_KINDS, cases, direct);

describe("keywords the spec meta-schema rejects", () => {
  // Specs are checked before they are diffed, so no rule judges these: a bare schema with one is
  // only said to have changed, like any keyword no rule owns.
  const rejected: [string, { keyword: string; before: Json; after: Json }][] = [
    [
      "dependentRequired added",
      { keyword: "dependentRequired", before: obj({ a: str, b: str }), after: obj({ a: str, b: str }, { dependentRequired: { a: ["b"] } }) },
    ],
    ["dependentRequired removed", { keyword: "dependentRequired", before: { dependentRequired: { a: ["b"] } }, after: {} }],
    [
      "dependentRequired shortened",
      { keyword: "dependentRequired", before: { dependentRequired: { a: ["b", "c"] } }, after: { dependentRequired: { a: ["b"] } } },
    ],
    ["unevaluatedProperties closed", { keyword: "unevaluatedProperties", before: obj({}), after: obj({}, { unevaluatedProperties: false }) }],
    ["minContains added", { keyword: "minContains", before: { contains: str }, after: { contains: str, minContains: 2 } }],
  ];

  it.each(rejected)("%s: not judged by a rule", (_name, { keyword, before, after }) => {
    for (const role of ["request", "response"] as const)
      expect(diffSchemas(before, after, role).map((c) => [c.pointer, c.kind, c.severity])).toEqual([[`/${keyword}`, "keyword-changed", "warning"]]);
  });

  it.each(rejected)("%s: a spec using it is refused before it is diffed", (_name, { keyword, before, after }) => {
    const using = JSON.stringify(after).includes(keyword) ? after : before;
    expect(() => load("response", using)).toThrow(keyword);
  });
});

describe("schema change messages and locations", () => {
  it("names the shared definition and points at the head node", () => {
    const before = { type: "object", properties: { a: { $ref: "#/$defs/M" } }, $defs: { M: { type: "string", maxLength: 5 } } };
    const after = { type: "object", properties: { a: { $ref: "#/$defs/M" } }, $defs: { M: { type: "string", maxLength: 3 } } };
    expect(diffSchemas(before, after, "request")).toEqual([
      {
        pointer: "/properties/a/maxLength",
        kind: "bound-tightened",
        severity: "breaking",
        message: "maxLength lowered from 5 to 3 [shared definition M]",
        at: "/$defs/M/maxLength",
      },
    ]);
  });

  it("points a removal at the head node it was removed from", () => {
    const [change] = diffSchemas(obj({ a: str, gone: str }), obj({ a: str }), "response");
    expect(change).toMatchObject({ pointer: "/properties/gone", message: 'property "gone" removed', at: "/properties" });
    const [variant] = diffSchemas({ anyOf: [str, nul] }, { anyOf: [str] }, "request");
    expect(variant).toMatchObject({ pointer: "/anyOf/1", message: "variant null removed", at: "/anyOf" });
  });

  it("says what a bound, a value set and an exclusive bound changed to", () => {
    const messages = (before: Json, after: Json) => diffSchemas(before, after, "request").map((c) => c.message);
    expect(messages({ maximum: 2 }, { maximum: 1 })).toEqual(["maximum lowered from 2 to 1"]);
    expect(messages({ maximum: 10 }, { exclusiveMaximum: 10 })).toEqual(["upper bound changed from maximum 10 to exclusiveMaximum 10"]);
    expect(messages({ enum: ["a", "b"] }, { enum: ["b", "c"] })).toEqual(['enum value "a" removed', 'enum value "c" added']);
    expect(messages({ enum: ["a"] }, { const: "b" })).toEqual(['the only allowed value changed from "a" to "b"']);
  });

  it("names a variant by its discriminator, and cuts long values between characters, not inside one", () => {
    const event = (type: string): Json => obj({ type: { const: type } }, { required: ["type"] });
    const [variant] = diffSchemas({ anyOf: [event("a"), event("b")] }, { anyOf: [event("a")] }, "request");
    expect(variant).toMatchObject({ pointer: "/anyOf/1", message: 'variant object with property "type" = "b" removed' });
    const [long] = diffSchemas({ description: "x" }, { description: "😀".repeat(80) }, "request");
    expect(long!.message).toMatch(/^description changed from "x" to "(😀){58}…$/u);
    // Two long texts that start alike are shown from near where they differ.
    const text = `${"The JSON of one server-sent event, ".repeat(3)}told apart by type.`;
    const [edited] = diffSchemas({ description: text }, { description: text.replace("by type", "by its type") }, "response");
    expect(edited!.message).toBe('description changed from …vent, told apart by type." to …vent, told apart by its type."');
  });

  it("is symmetric in what it finds: swapping versions flips tightened and loosened", () => {
    const tight = { type: "string", maxLength: 3, pattern: "^a" };
    const loose = { type: "string" };
    expect(diffSchemas(loose, tight, "request").map((c) => c.kind)).toEqual(["bound-tightened", "constraint-tightened"]);
    expect(diffSchemas(tight, loose, "request").map((c) => c.kind)).toEqual(["bound-loosened", "constraint-loosened"]);
  });
});
