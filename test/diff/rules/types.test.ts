/** The type rule: JSON types narrowed, widened or changed, and spellings of the same types. */
import { types } from "../../../generator/diff/rules/types.js";
import { type Case, nul, num, str, ruleCases } from "./cases.js";

const cases: Case[] = [
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

ruleCases("type", types.kinds, cases);
