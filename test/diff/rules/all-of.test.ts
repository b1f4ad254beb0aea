/** The allOf rule: overlapping branches added, removed or compared; disjoint ones read as one schema. */
import { allOf } from "../../../generator/diff/rules/all-of.js";
import { type Case, obj, str, ruleCases } from "./cases.js";

const cases: Case[] = [
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
  [
    "response: allOf branch that overlaps the others added",
    {
      role: "response",
      before: { allOf: [obj({ a: str })] },
      after: { allOf: [obj({ a: str }), { type: "object", maxProperties: 3 }] },
      want: [["/allOf/1", "composition-added", "non-breaking"]],
    },
  ],
];

ruleCases("allOf", allOf.kinds, cases);
