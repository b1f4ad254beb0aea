/** The conditions rule: a changed not or if is flagged for a person. */
import { conditions } from "../../../generator/diff/rules/conditions.js";
import { type Case, ruleCases } from "./cases.js";

const cases: Case[] = [
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
];

ruleCases("not and if", conditions.kinds, cases);
