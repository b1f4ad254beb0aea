/** The one copy of the JSON helpers (generator/runtime/json.ts) that the runtime and the generator share. */
import { describe, expect, it } from "vitest";
import { escapePointerToken, getPointer, joinPointer, jsonEqual, splitPointer, unescapePointerToken } from "../../generator/runtime/json.js";

describe("JSON pointers", () => {
  const doc = { "a/b": { "m~n": [10, 20] }, "": 1, list: [{ x: true }] };

  it.each([
    ["", doc],
    ["/a~1b/m~0n/1", 20],
    ["/", 1],
    ["/list/0/x", true],
    ["/list/01", undefined],
    ["/list/-", undefined],
    ["/missing/deeper", undefined],
    ["/constructor", undefined],
    ["/list/0/x/y", undefined],
  ] as const)("getPointer(doc, %j)", (pointer, want) => {
    expect(getPointer(doc, pointer)).toEqual(want);
  });

  it.each([
    ["a/b", "a~1b"],
    ["m~n", "m~0n"],
    ["~1", "~01"],
    ["plain", "plain"],
  ])("%j escapes to %j and back", (token, escaped) => {
    expect(escapePointerToken(token)).toBe(escaped);
    expect(unescapePointerToken(escaped)).toBe(token);
  });

  it("joins and splits as inverses", () => {
    const tokens = ["properties", "a/b", "~x", "0"];
    const pointer = joinPointer("", ...tokens);
    expect(pointer).toBe("/properties/a~1b/~0x/0");
    expect(splitPointer(pointer)).toEqual(tokens);
    expect(joinPointer("/base", 1, "k")).toBe("/base/1/k");
    expect(splitPointer("")).toEqual([]);
  });
});

describe("jsonEqual", () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[1, 2], [2, 1], false],
    [{ valueOf: 1, constructor: {} }, { constructor: {}, valueOf: 1 }, true],
    [null, {}, false],
    [[], {}, false],
    [Number.NaN, Number.NaN, true],
    ["1", 1, false],
  ])("%j and %j: %s", (a, b, want) => {
    expect(jsonEqual(a, b)).toBe(want);
    expect(jsonEqual(b, a)).toBe(want);
  });
});

describe("getPointer on edge cases", () => {
  // Read token by token from one split (the error pointer is read in every reply): empty tokens, escapes and depth as RFC 6901 says.
  const doc = { "": { "": 3, "a/b": [4] }, errors: [{ message: "m" }], n: null, s: "text" };
  it.each([
    ["", doc],
    ["/errors", doc.errors],
    ["/errors/0/message", "m"],
    ["//", 3],
    ["//a~1b/0", 4],
    ["/errors/1", undefined],
    ["/n/x", undefined],
    ["/s/length", undefined],
    ["/errors/length", undefined],
    ["/toString", undefined],
  ] as const)("getPointer(doc, %j)", (pointer, want) => {
    expect(getPointer(doc, pointer)).toEqual(want);
  });
});
