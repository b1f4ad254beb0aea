/**
 * The schema rules of `modelspec diff`, one case per rule and direction: a before/after spec pair
 * (one offering whose request, response or stream schema is the case's schema), loaded through the
 * same pipeline as `generate`, and the exact list of changes (offering, schema, pointer, kind, severity).
 */
import { describe, expect, it } from "vitest";
import { directionOf, SCHEMA_KINDS, type Change } from "../../generator/diff/kinds.js";
import { diffModels } from "../../generator/diff/models.js";
import { diffSchemas } from "../../generator/diff/schema.js";
import { loadModel } from "../../generator/generate.js";
import type { Json, Model, SchemaRole } from "../../generator/model.js";
import { textFiles } from "../helpers.js";
import { offeringSpecs, type Placed } from "./helpers.js";

type Want = [pointer: string, kind: string, severity: string][];
type Case = [string, { role: SchemaRole; before: Placed; after: Placed; want: Want }];

const obj = (properties: Record<string, Json>, extra: Record<string, Json> = {}): Json => ({ type: "object", properties, ...extra });
const str = { type: "string" };
const nul = { type: "null" };
const num = { type: "number" };
const arr = (extra: Record<string, Json> = {}): Json => ({ type: "array", ...extra });

const properties: Case[] = [
  [
    "request: optional property added",
    { role: "request", before: obj({ a: str }), after: obj({ a: str, b: str }), want: [["/properties/b", "property-added", "non-breaking"]] },
  ],
  [
    "response: optional property added",
    { role: "response", before: obj({ a: str }), after: obj({ a: str, b: str }), want: [["/properties/b", "property-added", "non-breaking"]] },
  ],
  [
    "request: required property added",
    {
      role: "request",
      before: obj({ a: str }),
      after: obj({ a: str, b: str }, { required: ["b"] }),
      want: [["/properties/b", "property-added-required", "breaking"]],
    },
  ],
  [
    "response: required property added",
    {
      role: "response",
      before: obj({ a: str }),
      after: obj({ a: str, b: str }, { required: ["b"] }),
      want: [["/properties/b", "property-added-required", "non-breaking"]],
    },
  ],
  [
    "request: property removed",
    { role: "request", before: obj({ a: str, b: str }), after: obj({ a: str }), want: [["/properties/b", "property-removed", "breaking"]] },
  ],
  [
    "response: property removed",
    { role: "response", before: obj({ a: str, b: str }), after: obj({ a: str }), want: [["/properties/b", "property-removed", "breaking"]] },
  ],
  [
    "stream: required property removed",
    { role: "stream", before: obj({ a: str }, { required: ["a"] }), after: obj({}), want: [["/properties/a", "property-removed", "breaking"]] },
  ],
  [
    "request: property became required",
    {
      role: "request",
      before: obj({ a: str }),
      after: obj({ a: str }, { required: ["a"] }),
      want: [["/properties/a", "property-became-required", "breaking"]],
    },
  ],
  [
    "response: property became required",
    {
      role: "response",
      before: obj({ a: str }),
      after: obj({ a: str }, { required: ["a"] }),
      want: [["/properties/a", "property-became-required", "non-breaking"]],
    },
  ],
  [
    "request: property became optional",
    {
      role: "request",
      before: obj({ a: str }, { required: ["a"] }),
      after: obj({ a: str }),
      want: [["/properties/a", "property-became-optional", "non-breaking"]],
    },
  ],
  [
    "response: property became optional",
    {
      role: "response",
      before: obj({ a: str }, { required: ["a"] }),
      after: obj({ a: str }),
      want: [["/properties/a", "property-became-optional", "breaking"]],
    },
  ],
  [
    "stream: property became optional",
    {
      role: "stream",
      before: obj({ a: str }, { required: ["a"] }),
      after: obj({ a: str }),
      want: [["/properties/a", "property-became-optional", "breaking"]],
    },
  ],
  [
    "request: a property of a property became required",
    {
      role: "request",
      before: obj({ o: obj({ x: str }) }),
      after: obj({ o: obj({ x: str }, { required: ["x"] }) }),
      want: [["/properties/o/properties/x", "property-became-required", "breaking"]],
    },
  ],
  [
    "response: a property of a property removed",
    {
      role: "response",
      before: obj({ o: obj({ x: str, y: str }) }),
      after: obj({ o: obj({ x: str }) }),
      want: [["/properties/o/properties/y", "property-removed", "breaking"]],
    },
  ],
  [
    "request: a property named __proto__ is data",
    {
      role: "request",
      before: obj({}),
      after: JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}'),
      want: [["/properties/__proto__", "property-added", "non-breaking"]],
    },
  ],
];

const types: Case[] = [
  ["request: type narrowed", { role: "request", before: { type: ["string", "number"] }, after: str, want: [["/type", "type-narrowed", "breaking"]] }],
  [
    "response: type narrowed",
    { role: "response", before: { type: ["string", "number"] }, after: str, want: [["/type", "type-narrowed", "non-breaking"]] },
  ],
  [
    "request: type widened (integer to number)",
    { role: "request", before: { type: "integer" }, after: num, want: [["/type", "type-widened", "non-breaking"]] },
  ],
  [
    "response: type widened (integer to number)",
    { role: "response", before: { type: "integer" }, after: num, want: [["/type", "type-widened", "breaking"]] },
  ],
  [
    "stream: type widened to a nullable type array",
    { role: "stream", before: str, after: { type: ["string", "null"] }, want: [["/type", "type-widened", "breaking"]] },
  ],
  [
    "request: type narrowed from a nullable type array",
    { role: "request", before: { type: ["string", "null"] }, after: str, want: [["/type", "type-narrowed", "breaking"]] },
  ],
  ["request: type changed", { role: "request", before: str, after: { type: "boolean" }, want: [["/type", "type-changed", "breaking"]] }],
  ["response: type changed", { role: "response", before: str, after: { type: "boolean" }, want: [["/type", "type-changed", "breaking"]] }],
  [
    "request: type added to an untyped schema narrows it",
    { role: "request", before: {}, after: str, want: [["/type", "type-narrowed", "breaking"]] },
  ],
  ["response: type removed widens it", { role: "response", before: str, after: {}, want: [["/type", "type-widened", "breaking"]] }],
  ["request: [number, integer] is number", { role: "request", before: { type: ["number", "integer"] }, after: num, want: [] }],
  [
    "request: integer is number with multipleOf 1",
    { role: "request", before: { type: "integer" }, after: { type: "number", multipleOf: 1 }, want: [] },
  ],
  [
    "response: number with multipleOf 1 is integer",
    { role: "response", before: { type: "number", multipleOf: 1 }, after: { type: "integer" }, want: [] },
  ],
  [
    "request: a nullable integer is a nullable number with multipleOf 1",
    { role: "request", before: { type: ["integer", "null"], maximum: 5 }, after: { type: ["number", "null"], multipleOf: 1, maximum: 5 }, want: [] },
  ],
  [
    "request: integer with multipleOf 2 is number with multipleOf 2",
    { role: "request", before: { type: "integer", multipleOf: 2 }, after: { type: "number", multipleOf: 2 }, want: [] },
  ],
  [
    "request: number with multipleOf 0.5 is not integer",
    {
      role: "request",
      before: { type: "integer" },
      after: { type: "number", multipleOf: 0.5 },
      want: [
        ["/multipleOf", "constraint-tightened", "breaking"],
        ["/type", "type-widened", "non-breaking"],
      ],
    },
  ],
  [
    "response: a type array is the same as its anyOf",
    { role: "response", before: { type: ["string", "null"] }, after: { anyOf: [str, nul] }, want: [] },
  ],
  [
    "request: an anyOf is the same as its type array, type-specific keywords included",
    { role: "request", before: { anyOf: [{ type: "string", maxLength: 3 }, nul] }, after: { type: ["string", "null"], maxLength: 3 }, want: [] },
  ],
  [
    "response: a nullable enum is the same as its anyOf",
    { role: "response", before: { type: ["string", "null"], enum: ["a", null] }, after: { anyOf: [{ type: "string", enum: ["a"] }, nul] }, want: [] },
  ],
  [
    "response: a type array became an anyOf with one branch bounded",
    {
      role: "response",
      before: { type: ["integer", "null"] },
      after: { anyOf: [{ type: "integer", maximum: 9 }, nul] },
      want: [["/anyOf/0/maximum", "bound-tightened", "non-breaking"]],
    },
  ],
];

const values: Case[] = [
  [
    "request: enum value removed",
    { role: "request", before: { enum: ["a", "b"] }, after: { enum: ["a"] }, want: [["/enum", "enum-value-removed", "breaking"]] },
  ],
  [
    "response: enum value removed",
    { role: "response", before: { enum: ["a", "b"] }, after: { enum: ["a"] }, want: [["/enum", "enum-value-removed", "non-breaking"]] },
  ],
  [
    "request: enum value added",
    { role: "request", before: { enum: ["a"] }, after: { enum: ["a", "b"] }, want: [["/enum", "enum-value-added", "non-breaking"]] },
  ],
  [
    "response: enum value added",
    { role: "response", before: { enum: ["a"] }, after: { enum: ["a", "b"] }, want: [["/enum", "enum-value-added", "warning"]] },
  ],
  [
    "stream: enum value added",
    { role: "stream", before: { enum: ["a"] }, after: { enum: ["a", "b"] }, want: [["/enum", "enum-value-added", "warning"]] },
  ],
  ["request: enum added", { role: "request", before: str, after: { type: "string", enum: ["a"] }, want: [["/enum", "enum-added", "breaking"]] }],
  [
    "response: enum added",
    { role: "response", before: str, after: { type: "string", enum: ["a"] }, want: [["/enum", "enum-added", "non-breaking"]] },
  ],
  [
    "request: enum removed",
    { role: "request", before: { type: "string", enum: ["a"] }, after: str, want: [["/enum", "enum-removed", "non-breaking"]] },
  ],
  ["response: enum removed", { role: "response", before: { type: "string", enum: ["a"] }, after: str, want: [["/enum", "enum-removed", "warning"]] }],
  [
    "request: an untyped enum became its type: wider",
    { role: "request", before: { enum: ["a", "b"] }, after: str, want: [["/enum", "enum-removed", "non-breaking"]] },
  ],
  [
    "request: an untyped enum replaced a type: narrower",
    { role: "request", before: str, after: { enum: ["a"] }, want: [["/enum", "enum-added", "breaking"]] },
  ],
  [
    "request: an untyped enum of another type",
    {
      role: "request",
      before: str,
      after: { enum: [1] },
      want: [
        ["/enum", "enum-added", "breaking"],
        ["/type", "type-changed", "breaking"],
      ],
    },
  ],
  ["request: enum reordered is no change", { role: "request", before: { enum: ["a", 1, null] }, after: { enum: [null, "a", 1] }, want: [] }],
  ["request: const added", { role: "request", before: str, after: { type: "string", const: "x" }, want: [["/const", "const-added", "breaking"]] }],
  [
    "response: const added",
    { role: "response", before: str, after: { type: "string", const: "x" }, want: [["/const", "const-added", "non-breaking"]] },
  ],
  ["request: const removed", { role: "request", before: { const: "x" }, after: {}, want: [["/const", "const-removed", "non-breaking"]] }],
  ["response: const removed", { role: "response", before: { const: "x" }, after: {}, want: [["/const", "const-removed", "breaking"]] }],
  ["request: const changed", { role: "request", before: { const: "x" }, after: { const: "y" }, want: [["/const", "const-changed", "breaking"]] }],
  ["response: const changed", { role: "response", before: { const: "x" }, after: { const: "y" }, want: [["/const", "const-changed", "breaking"]] }],
  ["request: const x is enum [x]", { role: "request", before: { const: "x" }, after: { enum: ["x"] }, want: [] }],
  ["response: enum [x] is const x", { role: "response", before: { type: "string", enum: ["x"] }, after: { type: "string", const: "x" }, want: [] }],
  ["response: a type beside const adds nothing", { role: "response", before: { type: "string", const: "x" }, after: { const: "x" }, want: [] }],
  [
    "stream: a one-value enum that changed is a changed const",
    { role: "stream", before: { enum: ["x"] }, after: { const: "y" }, want: [["/const", "const-changed", "breaking"]] },
  ],
  [
    "response: const x became enum [x, y]",
    { role: "response", before: { const: "x" }, after: { enum: ["x", "y"] }, want: [["/enum", "enum-value-added", "warning"]] },
  ],
  [
    "request: enum values the type rejects do not count",
    { role: "request", before: { type: "string", enum: ["a", 1] }, after: { type: "string", enum: ["a"] }, want: [] },
  ],
];

const openEnums: Case[] = [
  [
    "request: an open enum's known values changed",
    {
      role: "request",
      before: { type: "string", "x-open-enum": ["a", "b"] },
      after: { type: "string", "x-open-enum": ["a", "c"] },
      want: [
        ["/x-open-enum", "open-enum-changed", "info"],
        ["/x-open-enum", "open-enum-changed", "info"],
      ],
    },
  ],
  [
    "response: an open enum's known value added",
    {
      role: "response",
      before: { type: "string", "x-open-enum": ["a"] },
      after: { type: "string", "x-open-enum": ["a", "b"] },
      want: [["/x-open-enum", "open-enum-changed", "info"]],
    },
  ],
  [
    "request: known values listed for a plain string",
    { role: "request", before: str, after: { type: "string", "x-open-enum": ["a"] }, want: [["/x-open-enum", "open-enum-changed", "info"]] },
  ],
  [
    "request: a closed enum opened accepts more",
    {
      role: "request",
      before: { type: "string", enum: ["a", "b"] },
      after: { type: "string", "x-open-enum": ["a", "b"] },
      want: [["/enum", "enum-removed", "non-breaking"]],
    },
  ],
  [
    "request: an open enum closed accepts less",
    {
      role: "request",
      before: { type: "string", "x-open-enum": ["a", "b"] },
      after: { type: "string", enum: ["a", "b"] },
      want: [["/enum", "enum-added", "breaking"]],
    },
  ],
  [
    "response: an open enum closed gives fewer values",
    {
      role: "response",
      before: { type: "string", "x-open-enum": ["a", "b"] },
      after: { type: "string", enum: ["a", "b"] },
      want: [["/enum", "enum-added", "non-breaking"]],
    },
  ],
];

const bounds: Case[] = [
  [
    "request: maximum lowered",
    { role: "request", before: { maximum: 2 }, after: { maximum: 1 }, want: [["/maximum", "bound-tightened", "breaking"]] },
  ],
  [
    "response: maximum lowered",
    { role: "response", before: { maximum: 2 }, after: { maximum: 1 }, want: [["/maximum", "bound-tightened", "non-breaking"]] },
  ],
  [
    "request: maximum raised",
    { role: "request", before: { maximum: 1 }, after: { maximum: 2 }, want: [["/maximum", "bound-loosened", "non-breaking"]] },
  ],
  [
    "response: maximum raised",
    { role: "response", before: { maximum: 1 }, after: { maximum: 2 }, want: [["/maximum", "bound-loosened", "breaking"]] },
  ],
  [
    "request: minimum raised",
    { role: "request", before: { minimum: 0 }, after: { minimum: 1 }, want: [["/minimum", "bound-tightened", "breaking"]] },
  ],
  [
    "request: minimum lowered",
    { role: "request", before: { minimum: 0 }, after: { minimum: -1 }, want: [["/minimum", "bound-loosened", "non-breaking"]] },
  ],
  [
    "response: minimum lowered",
    { role: "response", before: { minimum: 0 }, after: { minimum: -1 }, want: [["/minimum", "bound-loosened", "breaking"]] },
  ],
  [
    "request: minimum added",
    { role: "request", before: num, after: { type: "number", minimum: 0 }, want: [["/minimum", "bound-tightened", "breaking"]] },
  ],
  [
    "response: maximum removed",
    { role: "response", before: { type: "number", maximum: 1 }, after: num, want: [["/maximum", "bound-loosened", "breaking"]] },
  ],
  [
    "request: exclusiveMaximum lowered",
    {
      role: "request",
      before: { exclusiveMaximum: 10 },
      after: { exclusiveMaximum: 5 },
      want: [["/exclusiveMaximum", "bound-tightened", "breaking"]],
    },
  ],
  [
    "response: exclusiveMaximum raised",
    {
      role: "response",
      before: { exclusiveMaximum: 5 },
      after: { exclusiveMaximum: 10 },
      want: [["/exclusiveMaximum", "bound-loosened", "breaking"]],
    },
  ],
  [
    "request: exclusiveMinimum raised",
    {
      role: "request",
      before: { exclusiveMinimum: 0 },
      after: { exclusiveMinimum: 1 },
      want: [["/exclusiveMinimum", "bound-tightened", "breaking"]],
    },
  ],
  [
    "response: exclusiveMinimum lowered",
    {
      role: "response",
      before: { exclusiveMinimum: 1 },
      after: { exclusiveMinimum: 0 },
      want: [["/exclusiveMinimum", "bound-loosened", "breaking"]],
    },
  ],
  [
    "request: maximum became an exclusiveMaximum of the same value",
    { role: "request", before: { maximum: 10 }, after: { exclusiveMaximum: 10 }, want: [["/exclusiveMaximum", "bound-tightened", "breaking"]] },
  ],
  [
    "response: exclusiveMinimum became a minimum of the same value",
    { role: "response", before: { exclusiveMinimum: 0 }, after: { minimum: 0 }, want: [["/minimum", "bound-loosened", "breaking"]] },
  ],
  [
    "request: a maximum under a stricter exclusiveMaximum changes nothing",
    { role: "request", before: { maximum: 10, exclusiveMaximum: 5 }, after: { maximum: 8, exclusiveMaximum: 5 }, want: [] },
  ],
  [
    "request: maxLength lowered",
    { role: "request", before: { maxLength: 100 }, after: { maxLength: 10 }, want: [["/maxLength", "bound-tightened", "breaking"]] },
  ],
  [
    "response: maxLength raised",
    { role: "response", before: { maxLength: 10 }, after: { maxLength: 100 }, want: [["/maxLength", "bound-loosened", "breaking"]] },
  ],
  [
    "request: minLength raised",
    { role: "request", before: { minLength: 0 }, after: { minLength: 1 }, want: [["/minLength", "bound-tightened", "breaking"]] },
  ],
  ["request: minLength 0 is no minLength", { role: "request", before: str, after: { type: "string", minLength: 0 }, want: [] }],
  ["response: minItems 0 removed is no change", { role: "response", before: arr({ minItems: 0 }), after: arr(), want: [] }],
  [
    "response: minLength lowered",
    { role: "response", before: { minLength: 1 }, after: { minLength: 0 }, want: [["/minLength", "bound-loosened", "breaking"]] },
  ],
  [
    "request: maxItems lowered",
    { role: "request", before: { maxItems: 4 }, after: { maxItems: 3 }, want: [["/maxItems", "bound-tightened", "breaking"]] },
  ],
  [
    "response: maxItems removed",
    { role: "response", before: arr({ maxItems: 4 }), after: arr(), want: [["/maxItems", "bound-loosened", "breaking"]] },
  ],
  ["request: minItems added", { role: "request", before: arr(), after: arr({ minItems: 1 }), want: [["/minItems", "bound-tightened", "breaking"]] }],
  [
    "response: minItems lowered",
    { role: "response", before: arr({ minItems: 2 }), after: arr({ minItems: 1 }), want: [["/minItems", "bound-loosened", "breaking"]] },
  ],
  [
    "request: maxProperties lowered",
    { role: "request", before: { maxProperties: 4 }, after: { maxProperties: 3 }, want: [["/maxProperties", "bound-tightened", "breaking"]] },
  ],
  [
    "request: maxProperties removed",
    { role: "request", before: { maxProperties: 4 }, after: {}, want: [["/maxProperties", "bound-loosened", "non-breaking"]] },
  ],
  [
    "response: maxProperties raised",
    { role: "response", before: { maxProperties: 3 }, after: { maxProperties: 4 }, want: [["/maxProperties", "bound-loosened", "breaking"]] },
  ],
  [
    "request: minProperties raised",
    { role: "request", before: { minProperties: 1 }, after: { minProperties: 2 }, want: [["/minProperties", "bound-tightened", "breaking"]] },
  ],
  [
    "response: minProperties lowered",
    { role: "response", before: { minProperties: 2 }, after: { minProperties: 1 }, want: [["/minProperties", "bound-loosened", "breaking"]] },
  ],
];

const constraints: Case[] = [
  [
    "request: pattern added",
    { role: "request", before: str, after: { type: "string", pattern: "^a" }, want: [["/pattern", "constraint-tightened", "breaking"]] },
  ],
  [
    "response: pattern added",
    { role: "response", before: str, after: { type: "string", pattern: "^a" }, want: [["/pattern", "constraint-tightened", "non-breaking"]] },
  ],
  [
    "request: pattern changed",
    { role: "request", before: { pattern: "^a" }, after: { pattern: "^b" }, want: [["/pattern", "constraint-changed", "breaking"]] },
  ],
  [
    "response: pattern changed",
    { role: "response", before: { pattern: "^a" }, after: { pattern: "^b" }, want: [["/pattern", "constraint-changed", "warning"]] },
  ],
  [
    "request: pattern removed",
    { role: "request", before: { pattern: "^a" }, after: {}, want: [["/pattern", "constraint-loosened", "non-breaking"]] },
  ],
  ["response: pattern removed", { role: "response", before: { pattern: "^a" }, after: {}, want: [["/pattern", "constraint-loosened", "breaking"]] }],
  [
    "request: format added",
    { role: "request", before: str, after: { type: "string", format: "uri" }, want: [["/format", "constraint-tightened", "breaking"]] },
  ],
  [
    "request: format changed",
    {
      role: "request",
      before: { type: "string", format: "uri" },
      after: { type: "string", format: "email" },
      want: [["/format", "constraint-changed", "breaking"]],
    },
  ],
  [
    "response: format removed",
    { role: "response", before: { type: "string", format: "date-time" }, after: str, want: [["/format", "constraint-loosened", "breaking"]] },
  ],
  [
    "request: contentMediaType added",
    {
      role: "request",
      before: str,
      after: { type: "string", contentMediaType: "application/json" },
      want: [["/contentMediaType", "constraint-tightened", "breaking"]],
    },
  ],
  [
    "request: multipleOf made stricter",
    { role: "request", before: { multipleOf: 0.01 }, after: { multipleOf: 0.1 }, want: [["/multipleOf", "constraint-tightened", "breaking"]] },
  ],
  [
    "request: multipleOf relaxed",
    { role: "request", before: { multipleOf: 2 }, after: { multipleOf: 1 }, want: [["/multipleOf", "constraint-loosened", "non-breaking"]] },
  ],
  [
    "response: multipleOf relaxed",
    { role: "response", before: { multipleOf: 2 }, after: { multipleOf: 1 }, want: [["/multipleOf", "constraint-loosened", "breaking"]] },
  ],
  [
    "request: multipleOf changed sideways",
    { role: "request", before: { multipleOf: 2 }, after: { multipleOf: 3 }, want: [["/multipleOf", "constraint-changed", "breaking"]] },
  ],
  [
    "request: multipleOf added",
    {
      role: "request",
      before: { type: "integer" },
      after: { type: "integer", multipleOf: 8 },
      want: [["/multipleOf", "constraint-tightened", "breaking"]],
    },
  ],
  [
    "request: uniqueItems added",
    { role: "request", before: arr(), after: arr({ uniqueItems: true }), want: [["/uniqueItems", "constraint-tightened", "breaking"]] },
  ],
  [
    "response: uniqueItems dropped",
    { role: "response", before: { uniqueItems: true }, after: { uniqueItems: false }, want: [["/uniqueItems", "constraint-loosened", "breaking"]] },
  ],
  ["request: uniqueItems false is no uniqueItems", { role: "request", before: arr({ uniqueItems: false }), after: arr(), want: [] }],
];

const additional: Case[] = [
  [
    "request: additionalProperties closed (absent to false)",
    {
      role: "request",
      before: obj({ a: str }),
      after: obj({ a: str }, { additionalProperties: false }),
      want: [["/additionalProperties", "additional-properties-closed", "breaking"]],
    },
  ],
  [
    "request: additionalProperties closed ({} to false)",
    {
      role: "request",
      before: obj({ a: str }, { additionalProperties: {} }),
      after: obj({ a: str }, { additionalProperties: false }),
      want: [["/additionalProperties", "additional-properties-closed", "breaking"]],
    },
  ],
  [
    "response: additionalProperties closed",
    {
      role: "response",
      before: obj({ a: str }, { additionalProperties: true }),
      after: obj({ a: str }, { additionalProperties: false }),
      want: [["/additionalProperties", "additional-properties-closed", "non-breaking"]],
    },
  ],
  [
    "request: additionalProperties closed (true to false)",
    {
      role: "request",
      before: obj({ a: str }, { additionalProperties: true }),
      after: obj({ a: str }, { additionalProperties: false }),
      want: [["/additionalProperties", "additional-properties-closed", "breaking"]],
    },
  ],
  [
    "request: additionalProperties constrained (true to a schema)",
    {
      role: "request",
      before: obj({ a: str }, { additionalProperties: true }),
      after: obj({ a: str }, { additionalProperties: { type: "integer" } }),
      want: [["/additionalProperties", "additional-properties-constrained", "breaking"]],
    },
  ],
  [
    "request: additionalProperties opened",
    {
      role: "request",
      before: obj({}, { additionalProperties: false }),
      after: obj({}, { additionalProperties: true }),
      want: [["/additionalProperties", "additional-properties-opened", "non-breaking"]],
    },
  ],
  [
    "response: additionalProperties opened",
    {
      role: "response",
      before: obj({}, { additionalProperties: false }),
      after: obj({}),
      want: [["/additionalProperties", "additional-properties-opened", "breaking"]],
    },
  ],
  [
    "stream: additionalProperties opened from a schema",
    {
      role: "stream",
      before: obj({}, { additionalProperties: str }),
      after: obj({}, { additionalProperties: {} }),
      want: [["/additionalProperties", "additional-properties-opened", "breaking"]],
    },
  ],
  [
    "request: additionalProperties constrained ({} to a schema)",
    {
      role: "request",
      before: obj({}, { additionalProperties: {} }),
      after: obj({}, { additionalProperties: str }),
      want: [["/additionalProperties", "additional-properties-constrained", "breaking"]],
    },
  ],
  [
    "response: additionalProperties constrained",
    {
      role: "response",
      before: obj({}),
      after: obj({}, { additionalProperties: str }),
      want: [["/additionalProperties", "additional-properties-constrained", "non-breaking"]],
    },
  ],
  [
    "request: additionalProperties schema to false",
    {
      role: "request",
      before: obj({}, { additionalProperties: str }),
      after: obj({}, { additionalProperties: false }),
      want: [["/additionalProperties", "additional-properties-closed", "breaking"]],
    },
  ],
  [
    "response: additionalProperties schema narrowed",
    {
      role: "response",
      before: obj({}, { additionalProperties: { type: ["string", "number"] } }),
      after: obj({}, { additionalProperties: str }),
      want: [["/additionalProperties/type", "type-narrowed", "non-breaking"]],
    },
  ],
  [
    "request: a property inside an additionalProperties schema became required",
    {
      role: "request",
      before: obj({}, { additionalProperties: obj({ a: str }) }),
      after: obj({}, { additionalProperties: obj({ a: str }, { required: ["a"] }) }),
      want: [["/additionalProperties/properties/a", "property-became-required", "breaking"]],
    },
  ],
  [
    "request: {}, true, absent and annotations only are all open",
    {
      role: "request",
      before: obj({}, { additionalProperties: {} }),
      after: obj({}, { additionalProperties: { description: "anything" } }),
      want: [["/additionalProperties/description", "annotation-changed", "info"]],
    },
  ],
  [
    "request: patternProperties entry added",
    {
      role: "request",
      before: obj({}),
      after: obj({}, { patternProperties: { "^x-": str } }),
      want: [["/patternProperties/^x-", "pattern-property-added", "non-breaking"]],
    },
  ],
  [
    "response: patternProperties entry added",
    {
      role: "response",
      before: obj({}),
      after: obj({}, { patternProperties: { "^x-": str } }),
      want: [["/patternProperties/^x-", "pattern-property-added", "warning"]],
    },
  ],
  [
    "request: patternProperties entry removed",
    {
      role: "request",
      before: obj({}, { patternProperties: { "^x-": str } }),
      after: obj({}),
      want: [["/patternProperties/^x-", "pattern-property-removed", "breaking"]],
    },
  ],
  [
    "response: patternProperties entry removed",
    {
      role: "response",
      before: obj({}, { patternProperties: { "^x-": str } }),
      after: obj({}),
      want: [["/patternProperties/^x-", "pattern-property-removed", "breaking"]],
    },
  ],
];

const nested: Case[] = [
  [
    "request: items narrowed",
    { role: "request", before: arr({ items: {} }), after: arr({ items: str }), want: [["/items/type", "type-narrowed", "breaking"]] },
  ],
  [
    "response: items added to an open array",
    { role: "response", before: arr(), after: arr({ items: { type: "integer" } }), want: [["/items/type", "type-narrowed", "non-breaking"]] },
  ],
  [
    "response: an enum value added inside items",
    {
      role: "response",
      before: arr({ items: { enum: ["a"] } }),
      after: arr({ items: { enum: ["a", "b"] } }),
      want: [["/items/enum", "enum-value-added", "warning"]],
    },
  ],
  [
    "request: items closed",
    { role: "request", before: { prefixItems: [str] }, after: { prefixItems: [str], items: false }, want: [["/items", "schema-closed", "breaking"]] },
  ],
  [
    "request: prefixItems entry bounded",
    {
      role: "request",
      before: { prefixItems: [num] },
      after: { prefixItems: [{ type: "number", maximum: 1 }] },
      want: [["/prefixItems/0/maximum", "bound-tightened", "breaking"]],
    },
  ],
  [
    "response: prefixItems entry widened",
    {
      role: "response",
      before: { prefixItems: [str, { type: "integer" }] },
      after: { prefixItems: [str, num] },
      want: [["/prefixItems/1/type", "type-widened", "breaking"]],
    },
  ],
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
  [
    "response: if changed",
    {
      role: "response",
      before: { if: { const: 1 }, then: { maximum: 5 } },
      after: { if: { const: 2 }, then: { maximum: 5 } },
      want: [["/if", "condition-changed", "warning"]],
    },
  ],
  [
    "request: not changed",
    { role: "request", before: { not: { const: 1 } }, after: { not: { const: 2 } }, want: [["/not", "condition-changed", "warning"]] },
  ],
  [
    "response: then tightened",
    {
      role: "response",
      before: { if: { const: 1 }, then: { maximum: 5 } },
      after: { if: { const: 1 }, then: { maximum: 3 } },
      want: [["/then/maximum", "bound-tightened", "non-breaking"]],
    },
  ],
  [
    "request: propertyNames constrained",
    {
      role: "request",
      before: obj({}),
      after: obj({}, { propertyNames: { pattern: "^[a-z]+$" } }),
      want: [["/propertyNames/pattern", "constraint-tightened", "breaking"]],
    },
  ],
];

const unions: Case[] = [
  [
    "request: string became string or null",
    { role: "request", before: str, after: { anyOf: [str, nul] }, want: [["/anyOf/1", "variant-added", "non-breaking"]] },
  ],
  [
    "response: string became string or null",
    { role: "response", before: str, after: { anyOf: [str, nul] }, want: [["/anyOf/1", "variant-added", "breaking"]] },
  ],
  [
    "request: variant removed",
    { role: "request", before: { anyOf: [str, nul] }, after: { anyOf: [str] }, want: [["/anyOf/1", "variant-removed", "breaking"]] },
  ],
  [
    "response: nullable became plain",
    { role: "response", before: { anyOf: [str, nul] }, after: str, want: [["/anyOf/1", "variant-removed", "non-breaking"]] },
  ],
  [
    "stream: oneOf variant added",
    {
      role: "stream",
      before: { oneOf: [str, num] },
      after: { oneOf: [str, num, { type: "boolean" }] },
      want: [["/oneOf/2", "variant-added", "breaking"]],
    },
  ],
  [
    "stream: a new value in a union of consts is a new enum value",
    {
      role: "stream",
      before: { oneOf: [{ const: "a" }] },
      after: { oneOf: [{ const: "a" }, { const: "b" }] },
      want: [["/oneOf", "enum-value-added", "warning"]],
    },
  ],
  [
    "request: a value dropped from a nullable union of consts",
    {
      role: "request",
      before: { anyOf: [{ const: "a" }, { const: "b" }, nul] },
      after: { anyOf: [{ const: "a" }, nul] },
      want: [["/anyOf", "enum-value-removed", "breaking"]],
    },
  ],
  [
    "response: a value's description in a union of consts changed",
    {
      role: "response",
      before: {
        oneOf: [
          { const: "a", description: "A" },
          { const: "b", description: "B" },
        ],
      },
      after: {
        oneOf: [
          { const: "b", description: "Bee" },
          { const: "a", description: "A" },
        ],
      },
      want: [["/oneOf/0/description", "annotation-changed", "info"]],
    },
  ],
  [
    "response: a union of consts is the same as its enum",
    { role: "response", before: { oneOf: [{ const: "a" }, { const: "b" }] }, after: { enum: ["a", "b"] }, want: [] },
  ],
  [
    "request: a nullable enum is the same as a union of a const and null",
    { role: "request", before: { type: ["string", "null"], enum: ["a", null] }, after: { anyOf: [{ const: "a" }, nul] }, want: [] },
  ],
  [
    "request: a string enum is the same as a union of consts",
    { role: "request", before: { type: "string", enum: ["a", "b"] }, after: { anyOf: [{ const: "a" }, { type: "string", enum: ["b"] }] }, want: [] },
  ],
  [
    "stream: a union of consts that gained a free-form branch is compared branch by branch",
    {
      role: "stream",
      before: { anyOf: [{ const: "a" }, { const: "b" }] },
      after: { anyOf: [{ const: "a" }, { const: "b" }, { type: "string", pattern: "^x-" }] },
      want: [["/anyOf/2", "variant-added", "breaking"]],
    },
  ],
  [
    "stream: a new event type in a union told apart by a discriminator",
    {
      role: "stream",
      before: {
        anyOf: [
          obj({ type: { const: "created" }, id: str }, { required: ["type"] }),
          obj({ type: { const: "delta" }, text: str }, { required: ["type"] }),
        ],
      },
      after: {
        anyOf: [
          obj({ type: { const: "created" }, id: str }, { required: ["type"] }),
          obj({ type: { const: "delta" }, text: str }, { required: ["type"] }),
          obj({ type: { const: "done" } }, { required: ["type"] }),
        ],
      },
      want: [["/anyOf/2", "tagged-variant-added", "warning"]],
    },
  ],
  [
    "request: a new discriminated variant is more the caller may send",
    {
      role: "request",
      before: { oneOf: [obj({ kind: { const: "a" } }), obj({ kind: { const: "b" } })] },
      after: { oneOf: [obj({ kind: { const: "a" } }), obj({ kind: { const: "b" } }), obj({ kind: { const: "c" } })] },
      want: [["/oneOf/2", "tagged-variant-added", "non-breaking"]],
    },
  ],
  [
    "request: anyOf became oneOf over overlapping variants",
    {
      role: "request",
      before: { anyOf: [str, { type: "string", maxLength: 3 }] },
      after: { oneOf: [str, { type: "string", maxLength: 3 }] },
      want: [["/oneOf", "constraint-tightened", "breaking"]],
    },
  ],
  [
    "response: oneOf became anyOf over overlapping variants",
    {
      role: "response",
      before: { oneOf: [{ type: "integer" }, num] },
      after: { anyOf: [{ type: "integer" }, num] },
      want: [["/anyOf", "constraint-loosened", "breaking"]],
    },
  ],
  [
    "request: anyOf became oneOf over variants of different types is no change",
    { role: "request", before: { anyOf: [str, nul] }, after: { oneOf: [str, nul] }, want: [] },
  ],
  [
    "response: oneOf became anyOf over variants told apart by a required discriminator is no change",
    {
      role: "response",
      before: { oneOf: [obj({ t: { const: "a" } }, { required: ["t"] }), obj({ t: { enum: ["b"] } }, { required: ["t"] })] },
      after: { anyOf: [obj({ t: { const: "a" } }, { required: ["t"] }), obj({ t: { enum: ["b"] } }, { required: ["t"] })] },
      want: [],
    },
  ],
  [
    "request: anyOf became oneOf over a discriminator that is not required",
    {
      role: "request",
      before: { anyOf: [obj({ t: { const: "a" } }), obj({ t: { const: "b" } })] },
      after: { oneOf: [obj({ t: { const: "a" } }), obj({ t: { const: "b" } })] },
      want: [["/oneOf", "constraint-tightened", "breaking"]],
    },
  ],
  [
    "request: variants matched by discriminator, not position",
    {
      role: "request",
      before: {
        oneOf: [obj({ kind: { const: "a" }, x: str }, { required: ["kind"] }), obj({ kind: { const: "b" }, y: str }, { required: ["kind"] })],
      },
      after: {
        oneOf: [
          obj({ kind: { const: "b" }, y: { type: "string", maxLength: 3 } }, { required: ["kind"] }),
          obj({ kind: { const: "a" }, x: str }, { required: ["kind"] }),
        ],
      },
      want: [["/oneOf/0/properties/y/maxLength", "bound-tightened", "breaking"]],
    },
  ],
  [
    "request: inner change of a lifted branch",
    {
      role: "request",
      before: { type: "string", maxLength: 5 },
      after: { anyOf: [{ type: "string", maxLength: 3 }, nul] },
      want: [
        ["/anyOf/0/maxLength", "bound-tightened", "breaking"],
        ["/anyOf/1", "variant-added", "non-breaking"],
      ],
    },
  ],
  [
    "response: an enum value added inside an anyOf branch",
    {
      role: "response",
      before: obj({ s: { anyOf: [{ enum: ["a"] }, nul] } }),
      after: obj({ s: { anyOf: [{ enum: ["a", "b"] }, nul] } }),
      want: [["/properties/s/anyOf", "enum-value-added", "warning"]],
    },
  ],
  [
    "response: anyOf constraint added beside other keywords",
    {
      role: "response",
      before: obj({ a: str, b: str }),
      after: obj({ a: str, b: str }, { anyOf: [obj({ a: str }, { required: ["a"] }), obj({ b: str }, { required: ["b"] })] }),
      want: [["/anyOf", "composition-added", "non-breaking"]],
    },
  ],
  [
    "request: allOf branch that overlaps the others added",
    {
      role: "request",
      before: { allOf: [obj({ a: str })] },
      after: { allOf: [obj({ a: str }), obj({ b: str })] },
      want: [["/allOf/1", "composition-added", "breaking"]],
    },
  ],
  [
    "response: allOf branch that overlaps the others removed",
    {
      role: "response",
      before: { allOf: [obj({ a: str }), obj({ b: str })] },
      after: { allOf: [obj({ a: str })] },
      want: [["/allOf", "composition-removed", "breaking"]],
    },
  ],
  [
    "request: a plain schema became an allOf of itself and another branch",
    {
      role: "request",
      before: { type: "object", properties: { a: { $ref: "#/$defs/A" } }, $defs: { A: obj({ x: str }) } },
      after: {
        type: "object",
        properties: { a: { allOf: [{ $ref: "#/$defs/A" }, obj({ y: str }, { required: ["y"] })] } },
        $defs: { A: obj({ x: str }) },
      },
      want: [["/properties/a/allOf/1", "composition-added", "breaking"]],
    },
  ],
  [
    "response: an allOf became the plain schema of its remaining branch",
    {
      role: "response",
      before: { allOf: [obj({ x: str }), obj({ y: str })] },
      after: obj({ x: str }),
      want: [["/allOf", "composition-removed", "breaking"]],
    },
  ],
  [
    "request: allOf branch that overlaps the others removed",
    {
      role: "request",
      before: { allOf: [obj({ a: str }), obj({ b: str })] },
      after: { allOf: [obj({ a: str })] },
      want: [["/allOf", "composition-removed", "non-breaking"]],
    },
  ],
  [
    "request: an allOf branch of other keywords is judged as those keywords",
    {
      role: "request",
      before: { allOf: [obj({ a: str })] },
      after: { allOf: [obj({ a: str }), { required: ["a"] }] },
      want: [["/properties/a", "property-became-required", "breaking"]],
    },
  ],
];

/** Moving, renaming, inlining or wrapping definitions without changing what they accept. */
const refs: Case[] = [
  [
    "request: a change in a definition used twice is reported once, at the first path users see",
    {
      role: "request",
      before: {
        type: "object",
        properties: { a: { $ref: "#/$defs/M" }, b: arr({ items: { $ref: "#/$defs/M" } }) },
        $defs: { M: obj({ role: { enum: ["user", "tool"] } }) },
      },
      after: {
        type: "object",
        properties: { a: { $ref: "#/$defs/M" }, b: arr({ items: { $ref: "#/$defs/M" } }) },
        $defs: { M: obj({ role: { enum: ["user"] } }) },
      },
      want: [["/properties/a/properties/role/enum", "enum-value-removed", "breaking"]],
    },
  ],
  [
    "response: a change in a definition reached through anyOf",
    {
      role: "response",
      before: { anyOf: [{ $ref: "#/$defs/A" }, nul], $defs: { A: obj({ n: { type: "integer", maximum: 5 } }) } },
      after: { anyOf: [{ $ref: "#/$defs/A" }, nul], $defs: { A: obj({ n: { type: "integer", maximum: 6 } }) } },
      want: [["/anyOf/0/properties/n/maximum", "bound-loosened", "breaking"]],
    },
  ],
  [
    "response: a nullable reference",
    {
      role: "response",
      before: { type: "object", properties: { a: { $ref: "#/$defs/A" } }, $defs: { A: { type: "object" } } },
      after: { type: "object", properties: { a: { anyOf: [{ $ref: "#/$defs/A" }, nul] } }, $defs: { A: { type: "object" } } },
      want: [["/properties/a/anyOf/1", "variant-added", "breaking"]],
    },
  ],
  [
    "request: a definition renamed is no change",
    {
      role: "request",
      before: { type: "object", properties: { a: { $ref: "#/$defs/A" } }, $defs: { A: str } },
      after: { type: "object", properties: { a: { $ref: "#/$defs/B" } }, $defs: { B: str } },
      want: [],
    },
  ],
  [
    "response: a definition inlined is no change",
    { role: "response", before: { type: "object", properties: { a: { $ref: "#/$defs/S" } }, $defs: { S: str } }, after: obj({ a: str }), want: [] },
  ],
  [
    "stream: a definition extracted is no change",
    {
      role: "stream",
      before: obj({ a: { enum: ["x", "y"] } }),
      after: { type: "object", properties: { a: { $ref: "#/$defs/Kind" } }, $defs: { Kind: { enum: ["x", "y"] } } },
      want: [],
    },
  ],
  [
    "request: a reference wrapped in allOf is no change",
    {
      role: "request",
      before: { type: "object", properties: { a: { $ref: "#/$defs/A" } }, $defs: { A: { type: "string", maxLength: 3 } } },
      after: {
        type: "object",
        properties: { a: { allOf: [{ $ref: "#/$defs/A" }], description: "An a." } },
        $defs: { A: { type: "string", maxLength: 3 } },
      },
      want: [["/properties/a/description", "annotation-changed", "info"]],
    },
  ],
  [
    "stream: a union branch whose definition was renamed is no change",
    {
      role: "stream",
      before: obj({ u: { anyOf: [{ $ref: "#/$defs/Usage" }, nul] } }, { $defs: { Usage: obj({ n: num }) } }),
      after: obj({ u: { anyOf: [{ $ref: "#/$defs/TokenUsage" }, nul] } }, { $defs: { TokenUsage: obj({ n: num }) } }),
      want: [],
    },
  ],
  [
    "response: a union branch whose definition was renamed and changed",
    {
      role: "response",
      before: obj({ u: { anyOf: [{ $ref: "#/$defs/Usage" }, nul] } }, { $defs: { Usage: obj({ n: num }) } }),
      after: obj({ u: { anyOf: [{ $ref: "#/$defs/TokenUsage" }, nul] } }, { $defs: { TokenUsage: obj({ n: { type: "number", minimum: 0 } }) } }),
      want: [["/properties/u/anyOf/0/properties/n/minimum", "bound-tightened", "non-breaking"]],
    },
  ],
  [
    "request: a schema moved into a shared file is no change",
    { role: "request", before: obj({ a: str }, { required: ["a"] }), after: { shared: obj({ a: str }, { required: ["a"] }) }, want: [] },
  ],
  [
    "response: a change in a shared file",
    {
      role: "response",
      before: { shared: obj({ a: { enum: ["x"] } }) },
      after: { shared: obj({ a: { enum: ["x", "y"] } }) },
      want: [["/properties/a/enum", "enum-value-added", "warning"]],
    },
  ],
  [
    "request: a recursive definition ends",
    {
      role: "request",
      before: { $ref: "#/$defs/Node", $defs: { Node: obj({ name: str, children: arr({ items: { $ref: "#/$defs/Node" } }) }) } },
      after: {
        $ref: "#/$defs/Node",
        $defs: { Node: obj({ name: { type: "string", minLength: 1 }, children: arr({ items: { $ref: "#/$defs/Node" } }) }) },
      },
      want: [["/properties/name/minLength", "bound-tightened", "breaking"]],
    },
  ],
  [
    "request: the root referenced from inside (#)",
    {
      role: "request",
      before: obj({ next: { $ref: "#" }, v: str }),
      after: obj({ next: { $ref: "#" }, v: str }, { required: ["v"] }),
      want: [["/properties/v", "property-became-required", "breaking"]],
    },
  ],
];

const annotations: Case[] = [
  [
    "request: description changed",
    {
      role: "request",
      before: obj({ a: { type: "string", description: "old" } }),
      after: obj({ a: { type: "string", description: "new" } }),
      want: [["/properties/a/description", "annotation-changed", "info"]],
    },
  ],
  [
    "response: default, examples, title and x- changes are info",
    {
      role: "response",
      before: { default: 1, examples: [1], title: "One", "x-note": "a" },
      after: { default: 2, examples: [2], title: "Two", "x-note": "b" },
      want: [
        ["/default", "annotation-changed", "info"],
        ["/examples", "annotation-changed", "info"],
        ["/title", "annotation-changed", "info"],
        ["/x-note", "annotation-changed", "info"],
      ],
    },
  ],
  [
    "request: deprecated",
    {
      role: "request",
      before: obj({ a: str }),
      after: obj({ a: { type: "string", deprecated: true } }),
      want: [["/properties/a/deprecated", "deprecated", "warning"]],
    },
  ],
  [
    "stream: deprecated",
    {
      role: "stream",
      before: obj({ a: str }),
      after: obj({ a: { type: "string", deprecated: true } }),
      want: [["/properties/a/deprecated", "deprecated", "warning"]],
    },
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

const models = new Map<string, Model>();
function load(role: SchemaRole, placed: Placed): Model {
  const specs = offeringSpecs(role, placed);
  const key = JSON.stringify(specs);
  let model = models.get(key);
  if (!model) {
    model = loadModel(textFiles(specs));
    models.set(key, model);
  }
  return model;
}

const cases = [
  ...properties,
  ...types,
  ...values,
  ...openEnums,
  ...bounds,
  ...constraints,
  ...additional,
  ...nested,
  ...unions,
  ...refs,
  ...annotations,
];

describe("schema rules on before/after spec pairs", () => {
  it("has a case per rule and direction", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map(([name]) => name)).size).toBe(cases.length);
    const covered = new Set([...cases, ...direct].flatMap(([, { role, want }]) => want.map(([, kind]) => `${kind} in a ${directionOf(role)}`)));
    const every = Object.keys(SCHEMA_KINDS).flatMap((kind) => [`${kind} in a request`, `${kind} in a response`]);
    expect(every.filter((k) => !covered.has(k))).toEqual([]);
  });

  it.each(cases)("%s", (_name, { role, before, after, want }) => {
    const project = (c: Change) => ({ offering: c.offering, schema: c.schema, pointer: c.pointer, kind: c.kind, severity: c.severity });
    const got = diffModels(load(role, before), load(role, after)).map(project);
    expect(got).toEqual(want.map(([pointer, kind, severity]) => ({ offering: "acme/tiny", schema: role, pointer, kind, severity })));
  });
});

/**
 * Keywords the spec meta-schema does not accept (yet), and values it rejects: the rules still
 * judge them, for specs that grow into them and for the provider error envelope.
 */
const direct: [string, { role: SchemaRole; before: Json; after: Json; want: Want }][] = [
  [
    "request: dependentRequired added",
    {
      role: "request",
      before: obj({ a: str, b: str }),
      after: obj({ a: str, b: str }, { dependentRequired: { a: ["b"] } }),
      want: [["/dependentRequired/a", "constraint-tightened", "breaking"]],
    },
  ],
  [
    "response: dependentRequired removed",
    { role: "response", before: { dependentRequired: { a: ["b"] } }, after: {}, want: [["/dependentRequired/a", "constraint-loosened", "breaking"]] },
  ],
  [
    "request: dependentRequired removed",
    {
      role: "request",
      before: { dependentRequired: { a: ["b", "c"] } },
      after: { dependentRequired: { a: ["b"] } },
      want: [["/dependentRequired/a", "constraint-loosened", "non-breaking"]],
    },
  ],
  [
    "request: unevaluatedProperties closed",
    {
      role: "request",
      before: obj({}),
      after: obj({}, { unevaluatedProperties: false }),
      want: [["/unevaluatedProperties", "additional-properties-closed", "breaking"]],
    },
  ],
  [
    "request: minContains added",
    { role: "request", before: { contains: str }, after: { contains: str, minContains: 2 }, want: [["/minContains", "bound-tightened", "breaking"]] },
  ],
  [
    "response: unknown keyword changed",
    { role: "response", before: { nullable: false }, after: { nullable: true }, want: [["/nullable", "keyword-changed", "warning"]] },
  ],
  [
    "request: a bound that is not a number",
    { role: "request", before: { maximum: 1 }, after: { maximum: "2" }, want: [["/maximum", "keyword-changed", "warning"]] },
  ],
];

describe("schema rules for keywords specs do not use yet", () => {
  it.each(direct)("%s", (_name, { before, after, role, want }) => {
    expect(diffSchemas(before, after, role).map((c) => [c.pointer, c.kind, c.severity])).toEqual(want);
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
