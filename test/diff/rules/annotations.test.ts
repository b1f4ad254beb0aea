/** The annotations rule: descriptions, titles, defaults, examples and x- notes are info; deprecated is a warning. */
import { annotations } from "../../../generator/diff/rules/annotations.js";
import { type Case, obj, str, ruleCases } from "./cases.js";

const cases: Case[] = [
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

ruleCases("annotations", annotations.kinds, cases);
