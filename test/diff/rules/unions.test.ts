/** The anyOf/oneOf rule: variants added, removed and matched, unions that came or went, anyOf turned oneOf. */
import { unions } from "../../../generator/diff/rules/unions.js";
import { type Case, nul, num, obj, str, ruleCases } from "./cases.js";

const cases: Case[] = [
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
    "request: anyOf constraint added beside other keywords",
    {
      role: "request",
      before: obj({ a: str, b: str }),
      after: obj({ a: str, b: str }, { anyOf: [obj({ a: str }, { required: ["a"] }), obj({ b: str }, { required: ["b"] })] }),
      want: [["/anyOf", "composition-added", "breaking"]],
    },
  ],
  [
    "request: anyOf constraint removed",
    {
      role: "request",
      before: obj({ a: str, b: str }, { anyOf: [obj({ a: str }, { required: ["a"] }), obj({ b: str }, { required: ["b"] })] }),
      after: obj({ a: str, b: str }),
      want: [["/anyOf", "composition-removed", "non-breaking"]],
    },
  ],
  [
    "response: anyOf constraint removed",
    {
      role: "response",
      before: obj({ a: str, b: str }, { anyOf: [obj({ a: str }, { required: ["a"] }), obj({ b: str }, { required: ["b"] })] }),
      after: obj({ a: str, b: str }),
      want: [["/anyOf", "composition-removed", "breaking"]],
    },
  ],
  [
    "response: anyOf became oneOf over overlapping variants",
    {
      role: "response",
      before: { anyOf: [obj({ a: str }), obj({ b: str })] },
      after: { oneOf: [obj({ a: str }), obj({ b: str })] },
      want: [["/oneOf", "constraint-tightened", "non-breaking"]],
    },
  ],
  [
    "request: oneOf became anyOf over overlapping variants",
    {
      role: "request",
      before: { oneOf: [obj({ a: str }), obj({ b: str })] },
      after: { anyOf: [obj({ a: str }), obj({ b: str })] },
      want: [["/anyOf", "constraint-loosened", "non-breaking"]],
    },
  ],
  [
    "request: anyOf beside oneOf is flagged, not judged",
    {
      role: "request",
      before: { anyOf: [str, num], oneOf: [str] },
      after: { anyOf: [str, nul], oneOf: [str] },
      want: [["/anyOf", "keyword-changed", "warning"]],
    },
  ],
  [
    "response: anyOf beside oneOf is flagged, not judged",
    {
      role: "response",
      before: { anyOf: [str, num], oneOf: [str] },
      after: { anyOf: [str, nul], oneOf: [str] },
      want: [["/anyOf", "keyword-changed", "warning"]],
    },
  ],
];

ruleCases("anyOf and oneOf", unions.kinds, cases);
