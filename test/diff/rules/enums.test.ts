/** The enum and const rule, and the x-open-enum rule. */
import { openEnum, values } from "../../../generator/diff/rules/enums.js";
import { describe, expect, it } from "vitest";
import { diffModels } from "../../../generator/diff/models.js";
import { type Case, load, str, ruleCases } from "./cases.js";

const valueCases: Case[] = [
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

const openEnumCases: Case[] = [
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

ruleCases("enum and const", values.kinds, valueCases);
ruleCases("x-open-enum", openEnum.kinds, openEnumCases);

describe("x-open-enum messages", () => {
  it("say which known value went and which came (the table above checks kinds only)", () => {
    const before = load("request", { type: "string", "x-open-enum": ["a", "b"] });
    const after = load("request", { type: "string", "x-open-enum": ["a", "c"] });
    expect(diffModels(before, after).map((change) => change.message)).toEqual([
      'known value "b" removed from the open enum',
      'known value "c" added to the open enum',
    ]);
  });
});
