/** Views: moving, renaming, inlining or wrapping definitions without changing what they accept. */
import { arr, type Case, nul, num, obj, str, ruleCases } from "./cases.js";

const cases: Case[] = [
  [
    "request: a change in a definition used twice is reported once, at the first path users see",
    {
      role: "request",
      before: {
        type: "object",
        properties: { a: { $ref: "#/$defs/M" }, b: arr({ items: { $ref: "#/$defs/M" } }) },
        $defs: { M: obj({ role: { enum: ["user", "tool"] } }) },
      },
      after: {
        type: "object",
        properties: { a: { $ref: "#/$defs/M" }, b: arr({ items: { $ref: "#/$defs/M" } }) },
        $defs: { M: obj({ role: { enum: ["user"] } }) },
      },
      want: [["/properties/a/properties/role/enum", "enum-value-removed", "breaking"]],
    },
  ],
  [
    "response: a change in a definition reached through anyOf",
    {
      role: "response",
      before: { anyOf: [{ $ref: "#/$defs/A" }, nul], $defs: { A: obj({ n: { type: "integer", maximum: 5 } }) } },
      after: { anyOf: [{ $ref: "#/$defs/A" }, nul], $defs: { A: obj({ n: { type: "integer", maximum: 6 } }) } },
      want: [["/anyOf/0/properties/n/maximum", "bound-loosened", "breaking"]],
    },
  ],
  [
    "response: a nullable reference",
    {
      role: "response",
      before: { type: "object", properties: { a: { $ref: "#/$defs/A" } }, $defs: { A: { type: "object" } } },
      after: { type: "object", properties: { a: { anyOf: [{ $ref: "#/$defs/A" }, nul] } }, $defs: { A: { type: "object" } } },
      want: [["/properties/a/anyOf/1", "variant-added", "breaking"]],
    },
  ],
  [
    "request: a definition renamed is no change",
    {
      role: "request",
      before: { type: "object", properties: { a: { $ref: "#/$defs/A" } }, $defs: { A: str } },
      after: { type: "object", properties: { a: { $ref: "#/$defs/B" } }, $defs: { B: str } },
      want: [],
    },
  ],
  [
    "response: a definition inlined is no change",
    { role: "response", before: { type: "object", properties: { a: { $ref: "#/$defs/S" } }, $defs: { S: str } }, after: obj({ a: str }), want: [] },
  ],
  [
    "stream: a definition extracted is no change",
    {
      role: "stream",
      before: obj({ a: { enum: ["x", "y"] } }),
      after: { type: "object", properties: { a: { $ref: "#/$defs/Kind" } }, $defs: { Kind: { enum: ["x", "y"] } } },
      want: [],
    },
  ],
  [
    "request: a reference wrapped in allOf is no change",
    {
      role: "request",
      before: { type: "object", properties: { a: { $ref: "#/$defs/A" } }, $defs: { A: { type: "string", maxLength: 3 } } },
      after: {
        type: "object",
        properties: { a: { allOf: [{ $ref: "#/$defs/A" }], description: "An a." } },
        $defs: { A: { type: "string", maxLength: 3 } },
      },
      want: [["/properties/a/description", "annotation-changed", "info"]],
    },
  ],
  [
    "stream: a union branch whose definition was renamed is no change",
    {
      role: "stream",
      before: obj({ u: { anyOf: [{ $ref: "#/$defs/Usage" }, nul] } }, { $defs: { Usage: obj({ n: num }) } }),
      after: obj({ u: { anyOf: [{ $ref: "#/$defs/TokenUsage" }, nul] } }, { $defs: { TokenUsage: obj({ n: num }) } }),
      want: [],
    },
  ],
  [
    "response: a union branch whose definition was renamed and changed",
    {
      role: "response",
      before: obj({ u: { anyOf: [{ $ref: "#/$defs/Usage" }, nul] } }, { $defs: { Usage: obj({ n: num }) } }),
      after: obj({ u: { anyOf: [{ $ref: "#/$defs/TokenUsage" }, nul] } }, { $defs: { TokenUsage: obj({ n: { type: "number", minimum: 0 } }) } }),
      want: [["/properties/u/anyOf/0/properties/n/minimum", "bound-tightened", "non-breaking"]],
    },
  ],
  [
    "request: a schema moved into a shared file is no change",
    { role: "request", before: obj({ a: str }, { required: ["a"] }), after: { shared: obj({ a: str }, { required: ["a"] }) }, want: [] },
  ],
  [
    "response: a change in a shared file",
    {
      role: "response",
      before: { shared: obj({ a: { enum: ["x"] } }) },
      after: { shared: obj({ a: { enum: ["x", "y"] } }) },
      want: [["/properties/a/enum", "enum-value-added", "warning"]],
    },
  ],
  [
    "request: a recursive definition ends",
    {
      role: "request",
      before: { $ref: "#/$defs/Node", $defs: { Node: obj({ name: str, children: arr({ items: { $ref: "#/$defs/Node" } }) }) } },
      after: {
        $ref: "#/$defs/Node",
        $defs: { Node: obj({ name: { type: "string", minLength: 1 }, children: arr({ items: { $ref: "#/$defs/Node" } }) }) },
      },
      want: [["/properties/name/minLength", "bound-tightened", "breaking"]],
    },
  ],
  [
    "request: the root referenced from inside (#)",
    {
      role: "request",
      before: obj({ next: { $ref: "#" }, v: str }),
      after: obj({ next: { $ref: "#" }, v: str }, { required: ["v"] }),
      want: [["/properties/v", "property-became-required", "breaking"]],
    },
  ],
];

// The view reports nothing itself: these cases pin what it makes equal, and where a change in a definition shows.
ruleCases("$ref views", [], cases);
