/** The additionalProperties and patternProperties rules. */
import { additionalProperties, patternProperties } from "../../../generator/diff/rules/extra-properties.js";
import { type Case, obj, str, ruleCases } from "./cases.js";

const cases: Case[] = [
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

ruleCases("additionalProperties and patternProperties", [...additionalProperties.kinds, ...patternProperties.kinds], cases);
