/**
 * The schema rules of `modelspec diff`, one case per rule and direction: a small before/after
 * schema pair, the role it plays, and the exact list of changes (kind, severity, pointer).
 */
import { describe, expect, it } from "vitest";
import { diffSchemas } from "../../generator/diff/schema.js";
import type { Json, SchemaRole } from "../../generator/model.js";

type Want = [kind: string, severity: string, pointer: string][];

const obj = (properties: Record<string, Json>, extra: Record<string, Json> = {}): Json => ({ type: "object", properties, ...extra });
const str = { type: "string" };

const cases: [string, { before: Json; after: Json; role: SchemaRole; want: Want }][] = [
  // --- properties and required -----------------------------------------------------------------
  [
    "request: optional property added",
    { role: "request", before: obj({ a: str }), after: obj({ a: str, b: str }), want: [["property-added", "non-breaking", "/properties/b"]] },
  ],
  [
    "response: optional property added",
    { role: "response", before: obj({ a: str }), after: obj({ a: str, b: str }), want: [["property-added", "non-breaking", "/properties/b"]] },
  ],
  [
    "request: required property added",
    {
      role: "request",
      before: obj({ a: str }),
      after: obj({ a: str, b: str }, { required: ["b"] }),
      want: [["property-added-required", "breaking", "/properties/b"]],
    },
  ],
  [
    "response: required property added",
    {
      role: "response",
      before: obj({ a: str }),
      after: obj({ a: str, b: str }, { required: ["b"] }),
      want: [["property-added-required", "non-breaking", "/properties/b"]],
    },
  ],
  [
    "request: property removed",
    { role: "request", before: obj({ a: str, b: str }), after: obj({ a: str }), want: [["property-removed", "breaking", "/properties/b"]] },
  ],
  [
    "response: property removed",
    { role: "response", before: obj({ a: str, b: str }), after: obj({ a: str }), want: [["property-removed", "breaking", "/properties/b"]] },
  ],
  [
    "stream: required property removed",
    { role: "stream", before: obj({ a: str }, { required: ["a"] }), after: obj({}), want: [["property-removed", "breaking", "/properties/a"]] },
  ],
  [
    "request: property became required",
    {
      role: "request",
      before: obj({ a: str }),
      after: obj({ a: str }, { required: ["a"] }),
      want: [["property-became-required", "breaking", "/properties/a"]],
    },
  ],
  [
    "response: property became required",
    {
      role: "response",
      before: obj({ a: str }),
      after: obj({ a: str }, { required: ["a"] }),
      want: [["property-became-required", "non-breaking", "/properties/a"]],
    },
  ],
  [
    "request: property became optional",
    {
      role: "request",
      before: obj({ a: str }, { required: ["a"] }),
      after: obj({ a: str }),
      want: [["property-became-optional", "non-breaking", "/properties/a"]],
    },
  ],
  [
    "response: property became optional",
    {
      role: "response",
      before: obj({ a: str }, { required: ["a"] }),
      after: obj({ a: str }),
      want: [["property-became-optional", "breaking", "/properties/a"]],
    },
  ],
  [
    "request: nested property found through properties",
    {
      role: "request",
      before: obj({ o: obj({ x: str }) }),
      after: obj({ o: obj({ x: str }, { required: ["x"] }) }),
      want: [["property-became-required", "breaking", "/properties/o/properties/x"]],
    },
  ],
  [
    "request: a property named __proto__ is data",
    {
      role: "request",
      before: obj({}),
      after: JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}'),
      want: [["property-added", "non-breaking", "/properties/__proto__"]],
    },
  ],

  // --- type -----------------------------------------------------------------------------------------
  ["request: type narrowed", { role: "request", before: { type: ["string", "number"] }, after: str, want: [["type-narrowed", "breaking", "/type"]] }],
  ["response: type narrowed", { role: "response", before: { type: ["string", "number"] }, after: str, want: [["type-narrowed", "non-breaking", "/type"]] }],
  [
    "request: type widened (integer to number)",
    { role: "request", before: { type: "integer" }, after: { type: "number" }, want: [["type-widened", "non-breaking", "/type"]] },
  ],
  [
    "response: type widened (integer to number)",
    { role: "response", before: { type: "integer" }, after: { type: "number" }, want: [["type-widened", "breaking", "/type"]] },
  ],
  ["stream: type widened to nullable", { role: "stream", before: str, after: { type: ["string", "null"] }, want: [["type-widened", "breaking", "/type"]] }],
  ["request: type changed", { role: "request", before: str, after: { type: "boolean" }, want: [["type-changed", "breaking", "/type"]] }],
  ["response: type changed", { role: "response", before: str, after: { type: "boolean" }, want: [["type-changed", "breaking", "/type"]] }],
  ["request: type added to an untyped schema narrows it", { role: "request", before: {}, after: str, want: [["type-narrowed", "breaking", "/type"]] }],
  ["request: [number, integer] is number", { role: "request", before: { type: ["number", "integer"] }, after: { type: "number" }, want: [] }],

  // --- enum -----------------------------------------------------------------------------------------
  [
    "request: enum value removed",
    { role: "request", before: { enum: ["a", "b"] }, after: { enum: ["a"] }, want: [["enum-value-removed", "breaking", "/enum"]] },
  ],
  [
    "response: enum value removed",
    { role: "response", before: { enum: ["a", "b"] }, after: { enum: ["a"] }, want: [["enum-value-removed", "non-breaking", "/enum"]] },
  ],
  [
    "request: enum value added",
    { role: "request", before: { enum: ["a"] }, after: { enum: ["a", "b"] }, want: [["enum-value-added", "non-breaking", "/enum"]] },
  ],
  ["response: enum value added", { role: "response", before: { enum: ["a"] }, after: { enum: ["a", "b"] }, want: [["enum-value-added", "warning", "/enum"]] }],
  ["stream: enum value added", { role: "stream", before: { enum: ["a"] }, after: { enum: ["a", "b"] }, want: [["enum-value-added", "warning", "/enum"]] }],
  ["request: enum added", { role: "request", before: str, after: { type: "string", enum: ["a"] }, want: [["enum-added", "breaking", "/enum"]] }],
  ["response: enum removed", { role: "response", before: { type: "string", enum: ["a"] }, after: str, want: [["enum-removed", "warning", "/enum"]] }],
  ["request: enum reordered is no change", { role: "request", before: { enum: ["a", 1, null] }, after: { enum: [null, "a", 1] }, want: [] }],

  // --- const ----------------------------------------------------------------------------------------
  ["request: const added", { role: "request", before: str, after: { type: "string", const: "x" }, want: [["const-added", "breaking", "/const"]] }],
  ["response: const added", { role: "response", before: str, after: { type: "string", const: "x" }, want: [["const-added", "non-breaking", "/const"]] }],
  ["request: const removed", { role: "request", before: { const: "x" }, after: {}, want: [["const-removed", "non-breaking", "/const"]] }],
  ["response: const removed", { role: "response", before: { const: "x" }, after: {}, want: [["const-removed", "breaking", "/const"]] }],
  ["request: const changed", { role: "request", before: { const: "x" }, after: { const: "y" }, want: [["const-changed", "breaking", "/const"]] }],
  ["response: const changed", { role: "response", before: { const: "x" }, after: { const: "y" }, want: [["const-changed", "breaking", "/const"]] }],

  // --- bounds ---------------------------------------------------------------------------------------
  ["request: maximum lowered", { role: "request", before: { maximum: 2 }, after: { maximum: 1 }, want: [["bound-tightened", "breaking", "/maximum"]] }],
  ["response: maximum lowered", { role: "response", before: { maximum: 2 }, after: { maximum: 1 }, want: [["bound-tightened", "non-breaking", "/maximum"]] }],
  ["request: maximum raised", { role: "request", before: { maximum: 1 }, after: { maximum: 2 }, want: [["bound-loosened", "non-breaking", "/maximum"]] }],
  ["response: maximum raised", { role: "response", before: { maximum: 1 }, after: { maximum: 2 }, want: [["bound-loosened", "breaking", "/maximum"]] }],
  [
    "request: exclusiveMaximum lowered",
    { role: "request", before: { exclusiveMaximum: 10 }, after: { exclusiveMaximum: 5 }, want: [["bound-tightened", "breaking", "/exclusiveMaximum"]] },
  ],
  [
    "request: exclusiveMinimum raised",
    { role: "request", before: { exclusiveMinimum: 0 }, after: { exclusiveMinimum: 1 }, want: [["bound-tightened", "breaking", "/exclusiveMinimum"]] },
  ],
  ["request: minimum lowered", { role: "request", before: { minimum: 0 }, after: { minimum: -1 }, want: [["bound-loosened", "non-breaking", "/minimum"]] }],
  ["response: minimum lowered", { role: "response", before: { minimum: 0 }, after: { minimum: -1 }, want: [["bound-loosened", "breaking", "/minimum"]] }],
  [
    "request: minimum added",
    { role: "request", before: { type: "number" }, after: { type: "number", minimum: 0 }, want: [["bound-tightened", "breaking", "/minimum"]] },
  ],
  [
    "request: maxLength lowered",
    { role: "request", before: { maxLength: 100 }, after: { maxLength: 10 }, want: [["bound-tightened", "breaking", "/maxLength"]] },
  ],
  ["request: minLength raised", { role: "request", before: { minLength: 0 }, after: { minLength: 1 }, want: [["bound-tightened", "breaking", "/minLength"]] }],
  ["request: maxItems lowered", { role: "request", before: { maxItems: 4 }, after: { maxItems: 3 }, want: [["bound-tightened", "breaking", "/maxItems"]] }],
  [
    "request: minItems added",
    { role: "request", before: { type: "array" }, after: { type: "array", minItems: 1 }, want: [["bound-tightened", "breaking", "/minItems"]] },
  ],
  [
    "response: maxItems removed",
    { role: "response", before: { type: "array", maxItems: 4 }, after: { type: "array" }, want: [["bound-loosened", "breaking", "/maxItems"]] },
  ],
  [
    "request: maxProperties removed",
    { role: "request", before: { maxProperties: 4 }, after: {}, want: [["bound-loosened", "non-breaking", "/maxProperties"]] },
  ],

  // --- value constraints ----------------------------------------------------------------------------
  [
    "request: pattern added",
    { role: "request", before: str, after: { type: "string", pattern: "^a" }, want: [["constraint-tightened", "breaking", "/pattern"]] },
  ],
  [
    "response: pattern added",
    { role: "response", before: str, after: { type: "string", pattern: "^a" }, want: [["constraint-tightened", "non-breaking", "/pattern"]] },
  ],
  [
    "request: pattern changed",
    { role: "request", before: { pattern: "^a" }, after: { pattern: "^b" }, want: [["constraint-changed", "breaking", "/pattern"]] },
  ],
  [
    "response: pattern changed",
    { role: "response", before: { pattern: "^a" }, after: { pattern: "^b" }, want: [["constraint-changed", "warning", "/pattern"]] },
  ],
  ["request: pattern removed", { role: "request", before: { pattern: "^a" }, after: {}, want: [["constraint-loosened", "non-breaking", "/pattern"]] }],
  [
    "request: format added",
    { role: "request", before: str, after: { type: "string", format: "uri" }, want: [["constraint-tightened", "breaking", "/format"]] },
  ],
  [
    "response: format removed",
    { role: "response", before: { type: "string", format: "date-time" }, after: str, want: [["constraint-loosened", "breaking", "/format"]] },
  ],
  [
    "request: multipleOf made stricter",
    { role: "request", before: { multipleOf: 0.01 }, after: { multipleOf: 0.1 }, want: [["constraint-tightened", "breaking", "/multipleOf"]] },
  ],
  [
    "request: multipleOf relaxed",
    { role: "request", before: { multipleOf: 2 }, after: { multipleOf: 1 }, want: [["constraint-loosened", "non-breaking", "/multipleOf"]] },
  ],
  [
    "request: multipleOf changed sideways",
    { role: "request", before: { multipleOf: 2 }, after: { multipleOf: 3 }, want: [["constraint-changed", "breaking", "/multipleOf"]] },
  ],
  [
    "request: uniqueItems added",
    { role: "request", before: { type: "array" }, after: { type: "array", uniqueItems: true }, want: [["constraint-tightened", "breaking", "/uniqueItems"]] },
  ],
  [
    "response: uniqueItems dropped",
    { role: "response", before: { uniqueItems: true }, after: { uniqueItems: false }, want: [["constraint-loosened", "breaking", "/uniqueItems"]] },
  ],
  [
    "request: dependentRequired added",
    {
      role: "request",
      before: obj({ a: str, b: str }),
      after: obj({ a: str, b: str }, { dependentRequired: { a: ["b"] } }),
      want: [["constraint-tightened", "breaking", "/dependentRequired/a"]],
    },
  ],

  // --- additionalProperties -------------------------------------------------------------------------
  [
    "request: additionalProperties closed",
    {
      role: "request",
      before: obj({ a: str }),
      after: obj({ a: str }, { additionalProperties: false }),
      want: [["additional-properties-closed", "breaking", "/additionalProperties"]],
    },
  ],
  [
    "response: additionalProperties closed",
    {
      role: "response",
      before: obj({ a: str }, { additionalProperties: {} }),
      after: obj({ a: str }, { additionalProperties: false }),
      want: [["additional-properties-closed", "non-breaking", "/additionalProperties"]],
    },
  ],
  [
    "request: additionalProperties opened",
    {
      role: "request",
      before: obj({}, { additionalProperties: false }),
      after: obj({}, { additionalProperties: true }),
      want: [["additional-properties-opened", "non-breaking", "/additionalProperties"]],
    },
  ],
  [
    "response: additionalProperties opened",
    {
      role: "response",
      before: obj({}, { additionalProperties: false }),
      after: obj({}),
      want: [["additional-properties-opened", "breaking", "/additionalProperties"]],
    },
  ],
  [
    "stream: additionalProperties opened from a schema",
    {
      role: "stream",
      before: obj({}, { additionalProperties: str }),
      after: obj({}, { additionalProperties: {} }),
      want: [["additional-properties-opened", "breaking", "/additionalProperties"]],
    },
  ],
  [
    "request: additionalProperties constrained",
    {
      role: "request",
      before: obj({}, { additionalProperties: {} }),
      after: obj({}, { additionalProperties: str }),
      want: [["additional-properties-constrained", "breaking", "/additionalProperties"]],
    },
  ],
  [
    "request: additionalProperties schema to false",
    {
      role: "request",
      before: obj({}, { additionalProperties: str }),
      after: obj({}, { additionalProperties: false }),
      want: [["additional-properties-closed", "breaking", "/additionalProperties"]],
    },
  ],
  [
    "response: additionalProperties schema narrowed",
    {
      role: "response",
      before: obj({}, { additionalProperties: { type: ["string", "number"] } }),
      after: obj({}, { additionalProperties: str }),
      want: [["type-narrowed", "non-breaking", "/additionalProperties/type"]],
    },
  ],
  [
    "request: {} and true and absent are all open",
    { role: "request", before: obj({}, { additionalProperties: {} }), after: obj({}, { additionalProperties: true }), want: [] },
  ],
  [
    "request: unevaluatedProperties closed",
    {
      role: "request",
      before: obj({}),
      after: obj({}, { unevaluatedProperties: false }),
      want: [["additional-properties-closed", "breaking", "/unevaluatedProperties"]],
    },
  ],
  [
    "request: patternProperties entry added",
    {
      role: "request",
      before: obj({}),
      after: obj({}, { patternProperties: { "^x-": str } }),
      want: [["pattern-property-added", "non-breaking", "/patternProperties/^x-"]],
    },
  ],
  [
    "response: patternProperties entry removed",
    {
      role: "response",
      before: obj({}, { patternProperties: { "^x-": str } }),
      after: obj({}),
      want: [["pattern-property-removed", "breaking", "/patternProperties/^x-"]],
    },
  ],

  // --- sub-schemas --------------------------------------------------------------------------------
  [
    "request: items narrowed",
    { role: "request", before: { type: "array", items: {} }, after: { type: "array", items: str }, want: [["type-narrowed", "breaking", "/items/type"]] },
  ],
  [
    "response: items added to an open array",
    {
      role: "response",
      before: { type: "array" },
      after: { type: "array", items: { type: "integer" } },
      want: [["type-narrowed", "non-breaking", "/items/type"]],
    },
  ],
  [
    "request: prefixItems entry bounded",
    {
      role: "request",
      before: { prefixItems: [{ type: "number" }] },
      after: { prefixItems: [{ type: "number", maximum: 1 }] },
      want: [["bound-tightened", "breaking", "/prefixItems/0/maximum"]],
    },
  ],
  [
    "request: property schema became false",
    { role: "request", before: obj({ a: str }), after: obj({ a: false }), want: [["schema-closed", "breaking", "/properties/a"]] },
  ],
  [
    "response: property schema was false",
    { role: "response", before: obj({ a: false }), after: obj({ a: str }), want: [["schema-opened", "breaking", "/properties/a"]] },
  ],
  ["request: not changed", { role: "request", before: { not: { const: 1 } }, after: { not: { const: 2 } }, want: [["condition-changed", "warning", "/not"]] }],
  [
    "response: then tightened",
    {
      role: "response",
      before: { if: { const: 1 }, then: { maximum: 5 } },
      after: { if: { const: 1 }, then: { maximum: 3 } },
      want: [["bound-tightened", "non-breaking", "/then/maximum"]],
    },
  ],

  // --- anyOf / oneOf / allOf ------------------------------------------------------------------------
  [
    "request: string became string or null",
    { role: "request", before: str, after: { anyOf: [str, { type: "null" }] }, want: [["variant-added", "non-breaking", "/anyOf/1"]] },
  ],
  [
    "response: string became string or null",
    { role: "response", before: str, after: { anyOf: [str, { type: "null" }] }, want: [["variant-added", "breaking", "/anyOf/1"]] },
  ],
  [
    "request: variant removed",
    { role: "request", before: { anyOf: [str, { type: "null" }] }, after: { anyOf: [str] }, want: [["variant-removed", "breaking", "/anyOf/1"]] },
  ],
  [
    "response: nullable became plain",
    { role: "response", before: { anyOf: [str, { type: "null" }] }, after: str, want: [["variant-removed", "non-breaking", "/anyOf/1"]] },
  ],
  [
    "stream: oneOf variant added",
    {
      role: "stream",
      before: { oneOf: [{ const: "a" }] },
      after: { oneOf: [{ const: "a" }, { const: "b" }] },
      want: [["variant-added", "breaking", "/oneOf/1"]],
    },
  ],
  [
    "request: anyOf became oneOf",
    {
      role: "request",
      before: { anyOf: [str, { type: "number" }] },
      after: { oneOf: [str, { type: "number" }] },
      want: [["constraint-tightened", "breaking", "/oneOf"]],
    },
  ],
  [
    "request: variants matched by discriminator, not position",
    {
      role: "request",
      before: { oneOf: [obj({ kind: { const: "a" }, x: str }, { required: ["kind"] }), obj({ kind: { const: "b" }, y: str }, { required: ["kind"] })] },
      after: {
        oneOf: [
          obj({ kind: { const: "b" }, y: { type: "string", maxLength: 3 } }, { required: ["kind"] }),
          obj({ kind: { const: "a" }, x: str }, { required: ["kind"] }),
        ],
      },
      want: [["bound-tightened", "breaking", "/oneOf/0/properties/y/maxLength"]],
    },
  ],
  [
    "request: inner change of a lifted branch",
    {
      role: "request",
      before: { type: "string", maxLength: 5 },
      after: { anyOf: [{ type: "string", maxLength: 3 }, { type: "null" }] },
      want: [
        ["variant-added", "non-breaking", "/anyOf/1"],
        ["bound-tightened", "breaking", "/anyOf/0/maxLength"],
      ],
    },
  ],
  [
    "response: anyOf constraint added beside other keywords",
    {
      role: "response",
      before: obj({ a: str, b: str }),
      after: obj({ a: str, b: str }, { anyOf: [{ required: ["a"] }, { required: ["b"] }] }),
      want: [["composition-added", "non-breaking", "/anyOf"]],
    },
  ],
  [
    "request: allOf branch added",
    {
      role: "request",
      before: { allOf: [{ type: "object" }] },
      after: { allOf: [{ type: "object" }, { required: ["a"] }] },
      want: [["composition-added", "breaking", "/allOf/1"]],
    },
  ],
  [
    "response: allOf branch removed",
    {
      role: "response",
      before: { allOf: [{ type: "object" }, { required: ["a"] }] },
      after: { allOf: [{ type: "object" }] },
      want: [["composition-removed", "breaking", "/allOf"]],
    },
  ],

  // --- $ref ----------------------------------------------------------------------------------------
  [
    "request: a change in a shared definition is reported once, at the first path users see",
    {
      role: "request",
      before: {
        type: "object",
        properties: { a: { $ref: "#/$defs/M" }, b: { type: "array", items: { $ref: "#/$defs/M" } } },
        $defs: { M: obj({ role: { enum: ["user", "tool"] } }) },
      },
      after: {
        type: "object",
        properties: { a: { $ref: "#/$defs/M" }, b: { type: "array", items: { $ref: "#/$defs/M" } } },
        $defs: { M: obj({ role: { enum: ["user"] } }) },
      },
      want: [["enum-value-removed", "breaking", "/properties/a/properties/role/enum"]],
    },
  ],
  [
    "response: a definition inlined with the same content is no change",
    { role: "response", before: { type: "object", properties: { a: { $ref: "#/$defs/S" } }, $defs: { S: str } }, after: obj({ a: str }), want: [] },
  ],
  [
    "request: a recursive definition ends",
    {
      role: "request",
      before: { $ref: "#/$defs/Node", $defs: { Node: obj({ name: str, children: { type: "array", items: { $ref: "#/$defs/Node" } } }) } },
      after: {
        $ref: "#/$defs/Node",
        $defs: { Node: obj({ name: { type: "string", minLength: 1 }, children: { type: "array", items: { $ref: "#/$defs/Node" } } }) },
      },
      want: [["bound-tightened", "breaking", "/properties/name/minLength"]],
    },
  ],
  [
    "request: the root referenced from inside (#)",
    {
      role: "request",
      before: obj({ next: { $ref: "#" }, v: str }),
      after: obj({ next: { $ref: "#" }, v: str }, { required: ["v"] }),
      want: [["property-became-required", "breaking", "/properties/v"]],
    },
  ],

  // --- annotations and unknown keywords --------------------------------------------------------------
  [
    "request: description changed",
    {
      role: "request",
      before: obj({ a: { type: "string", description: "old" } }),
      after: obj({ a: { type: "string", description: "new" } }),
      want: [["annotation-changed", "info", "/properties/a/description"]],
    },
  ],
  [
    "response: default, examples and x- changes are info",
    {
      role: "response",
      before: { default: 1, examples: [1], "x-note": "a" },
      after: { default: 2, examples: [2], "x-note": "b" },
      want: [
        ["annotation-changed", "info", "/default"],
        ["annotation-changed", "info", "/examples"],
        ["annotation-changed", "info", "/x-note"],
      ],
    },
  ],
  [
    "request: deprecated",
    {
      role: "request",
      before: obj({ a: str }),
      after: obj({ a: { type: "string", deprecated: true } }),
      want: [["deprecated", "warning", "/properties/a/deprecated"]],
    },
  ],
  [
    "response: unknown keyword changed",
    { role: "response", before: { nullable: false }, after: { nullable: true }, want: [["keyword-changed", "warning", "/nullable"]] },
  ],
  [
    "request: identical schemas",
    {
      role: "request",
      before: obj({ a: str }, { required: ["a"], additionalProperties: false }),
      after: obj({ a: str }, { required: ["a"], additionalProperties: false }),
      want: [],
    },
  ],
];

describe("diffSchemas rules", () => {
  it("has at least 40 cases", () => expect(cases.length).toBeGreaterThanOrEqual(40));
  it.each(cases)("%s", (_name, { before, after, role, want }) => {
    const got = diffSchemas(before, after, role).map((c) => [c.kind, c.severity, c.pointer]);
    expect(got).toEqual(want);
  });
});

describe("diffSchemas messages and locations", () => {
  it("names the shared definition and points at the head node", () => {
    const before = { type: "object", properties: { a: { $ref: "#/$defs/M" } }, $defs: { M: { type: "string", maxLength: 5 } } };
    const after = { type: "object", properties: { a: { $ref: "#/$defs/M" } }, $defs: { M: { type: "string", maxLength: 3 } } };
    expect(diffSchemas(before, after, "request")).toEqual([
      {
        pointer: "/properties/a/maxLength",
        kind: "bound-tightened",
        severity: "breaking",
        message: "maxLength lowered from 5 to 3 [shared definition M]",
        at: { side: "head", pointer: "/$defs/M/maxLength" },
      },
    ]);
  });

  it("points removals at the base version", () => {
    const [change] = diffSchemas(obj({ a: str, gone: str }), obj({ a: str }), "response");
    expect(change).toMatchObject({ message: 'property "gone" removed', at: { side: "base", pointer: "/properties/gone" } });
  });

  it("is symmetric in what it finds: swapping versions flips tightened and loosened", () => {
    const tight = { type: "string", maxLength: 3, pattern: "^a" };
    const loose = { type: "string" };
    const forward = diffSchemas(loose, tight, "request").map((c) => c.kind);
    const backward = diffSchemas(tight, loose, "request").map((c) => c.kind);
    expect(forward).toEqual(["bound-tightened", "constraint-tightened"]);
    expect(backward).toEqual(["bound-loosened", "constraint-loosened"]);
  });
});
