/** The sub-schema rule: items, prefixItems, contains, propertyNames, then and else compared node by node. */
import { subschemas } from "../../../generator/diff/rules/subschemas.js";
import { arr, type Case, num, obj, str, ruleCases } from "./cases.js";

const cases: Case[] = [
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

ruleCases("sub-schemas", subschemas.kinds, cases);
