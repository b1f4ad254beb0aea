/** The bounds rule: numeric, length, item and property-count bounds tightened or loosened. */
import { bounds } from "../../../generator/diff/rules/bounds.js";
import { arr, type Case, type DirectCase, num, str, ruleCases } from "./cases.js";

const cases: Case[] = [
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

/** A bound the meta-schema rejects (not a number) is said to have changed, not judged. */
const direct: DirectCase[] = [
  [
    "request: a bound that is not a number",
    { role: "request", before: { maximum: 1 }, after: { maximum: "2" }, want: [["/maximum", "keyword-changed", "warning"]] },
  ],
  [
    "response: a bound that is not a number",
    { role: "response", before: { minLength: 1 }, after: { minLength: true }, want: [["/minLength", "keyword-changed", "warning"]] },
  ],
];

ruleCases("bounds", bounds.kinds, cases, direct);
