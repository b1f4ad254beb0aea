/** The constraints rule: pattern, format, content type, multipleOf and uniqueItems. */
import { constraints } from "../../../generator/diff/rules/constraints.js";
import { arr, type Case, str, ruleCases } from "./cases.js";

const cases: Case[] = [
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

ruleCases("constraints", constraints.kinds, cases);
