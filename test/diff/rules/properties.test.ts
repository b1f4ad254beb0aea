/** The properties rule: properties added, removed, or that became required or optional. */
import { properties } from "../../../generator/diff/rules/properties.js";
import { type Case, obj, str, ruleCases } from "./cases.js";

const cases: Case[] = [
  [
    "request: optional property added",
    { role: "request", before: obj({ a: str }), after: obj({ a: str, b: str }), want: [["/properties/b", "property-added", "non-breaking"]] },
  ],
  [
    "response: optional property added",
    { role: "response", before: obj({ a: str }), after: obj({ a: str, b: str }), want: [["/properties/b", "property-added", "non-breaking"]] },
  ],
  [
    "request: required property added",
    {
      role: "request",
      before: obj({ a: str }),
      after: obj({ a: str, b: str }, { required: ["b"] }),
      want: [["/properties/b", "property-added-required", "breaking"]],
    },
  ],
  [
    "response: required property added",
    {
      role: "response",
      before: obj({ a: str }),
      after: obj({ a: str, b: str }, { required: ["b"] }),
      want: [["/properties/b", "property-added-required", "non-breaking"]],
    },
  ],
  [
    "request: property removed",
    { role: "request", before: obj({ a: str, b: str }), after: obj({ a: str }), want: [["/properties/b", "property-removed", "breaking"]] },
  ],
  [
    "response: property removed",
    { role: "response", before: obj({ a: str, b: str }), after: obj({ a: str }), want: [["/properties/b", "property-removed", "breaking"]] },
  ],
  [
    "stream: required property removed",
    { role: "stream", before: obj({ a: str }, { required: ["a"] }), after: obj({}), want: [["/properties/a", "property-removed", "breaking"]] },
  ],
  [
    "request: property became required",
    {
      role: "request",
      before: obj({ a: str }),
      after: obj({ a: str }, { required: ["a"] }),
      want: [["/properties/a", "property-became-required", "breaking"]],
    },
  ],
  [
    "response: property became required",
    {
      role: "response",
      before: obj({ a: str }),
      after: obj({ a: str }, { required: ["a"] }),
      want: [["/properties/a", "property-became-required", "non-breaking"]],
    },
  ],
  [
    "request: property became optional",
    {
      role: "request",
      before: obj({ a: str }, { required: ["a"] }),
      after: obj({ a: str }),
      want: [["/properties/a", "property-became-optional", "non-breaking"]],
    },
  ],
  [
    "response: property became optional",
    {
      role: "response",
      before: obj({ a: str }, { required: ["a"] }),
      after: obj({ a: str }),
      want: [["/properties/a", "property-became-optional", "breaking"]],
    },
  ],
  [
    "stream: property became optional",
    {
      role: "stream",
      before: obj({ a: str }, { required: ["a"] }),
      after: obj({ a: str }),
      want: [["/properties/a", "property-became-optional", "breaking"]],
    },
  ],
  [
    "request: a property of a property became required",
    {
      role: "request",
      before: obj({ o: obj({ x: str }) }),
      after: obj({ o: obj({ x: str }, { required: ["x"] }) }),
      want: [["/properties/o/properties/x", "property-became-required", "breaking"]],
    },
  ],
  [
    "response: a property of a property removed",
    {
      role: "response",
      before: obj({ o: obj({ x: str, y: str }) }),
      after: obj({ o: obj({ x: str }) }),
      want: [["/properties/o/properties/y", "property-removed", "breaking"]],
    },
  ],
  [
    "request: a property named __proto__ is data",
    {
      role: "request",
      before: obj({}),
      after: JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}'),
      want: [["/properties/__proto__", "property-added", "non-breaking"]],
    },
  ],
];

ruleCases("properties and required", properties.kinds, cases);
