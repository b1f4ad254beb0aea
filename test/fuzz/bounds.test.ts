/**
 * The fuzz values reach both sides of every bound: for every bounding keyword (minimum, maximum,
 * exclusive bounds, multipleOf, minLength, maxLength, minItems, maxItems, pattern, format, const,
 * enum, each required key) at every place in every offering's schemas, some value sits right at
 * the bound on the valid side and some just past it on the invalid side. Measured on as many
 * values as the differential test draws in CI, with a fixed seed, so the measure is repeatable.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../generator/generate.js";
import { readSpecDir } from "../../generator/load.js";
import type { Json, SchemaRole } from "../../generator/model.js";
import { SCHEMAS_DIR } from "../helpers.js";
import { arbitraryFor } from "./arbitrary.js";
import { boundCoverage, MEASURED_KEYWORDS } from "./bounds.js";
import { fuzzValues } from "./differential.js";

const SAMPLES = 10_000;
const SEED = 20_260_101;

function measure(schema: Json, values: fc.Arbitrary<unknown>, samples = SAMPLES) {
  const coverage = boundCoverage(schema);
  for (const value of fc.sample(values, { numRuns: samples, seed: SEED })) coverage.observe(value);
  return coverage;
}

const model = loadModel(await readSpecDir(SCHEMAS_DIR));
const targets = model.offerings.flatMap((offering) =>
  (["request", "response", "stream"] as SchemaRole[]).flatMap((role) =>
    offering[role] ? [{ name: `${offering.id} ${role}`, schema: offering[role]!.schema }] : [],
  ),
);

describe(`fuzz values reach both sides of every bound (${SAMPLES} values per schema)`, () => {
  it.each(targets)("$name", ({ schema }) => {
    const coverage = measure(schema, fuzzValues(schema));
    expect(coverage.bounds.length).toBeGreaterThan(0);
    expect(coverage.missing()).toEqual([]);
  });

  it("the offerings' schemas use most of the measured keywords", () => {
    const used = new Set(targets.flatMap(({ schema }) => boundCoverage(schema).bounds.map((b) => b.keyword)));
    // No spec uses multipleOf since Runware's slider steps became x-step annotations; "the measure" below covers it.
    expect([...used].sort()).toEqual(
      expect.arrayContaining(["const", "enum", "exclusiveMinimum", "maxLength", "maximum", "minItems", "minLength", "minimum", "required"]),
    );
  });
});

describe("the measure", () => {
  /** One property per measured keyword. */
  const EVERY_BOUND = {
    type: "object",
    required: ["a", "b"],
    properties: {
      a: { type: "number", minimum: -3, maximum: 7.5 },
      b: { type: "integer", exclusiveMinimum: 0, exclusiveMaximum: 10 },
      c: { type: "number", multipleOf: 0.25 },
      d: { type: "string", minLength: 2, maxLength: 5 },
      e: { type: "array", minItems: 1, maxItems: 3, items: { type: "integer" } },
      f: { type: "string", pattern: "^[a-c]+$" },
      g: { type: "string", format: "date-time" },
      h: { const: "fixed" },
      i: { enum: ["x", "y", 3] },
    },
  };

  it("covers every keyword it measures", () => {
    const keywords = new Set(boundCoverage(EVERY_BOUND).bounds.map((b) => b.keyword));
    expect([...keywords].sort()).toEqual([...MEASURED_KEYWORDS].sort());
  });

  it("finds both sides of every bound in the fuzz values of a schema with all of them", () => {
    expect(measure(EVERY_BOUND, fuzzValues(EVERY_BOUND)).missing()).toEqual([]);
  });

  it("notices values that never miss (only good values: every invalid side is missing)", () => {
    const missing = measure(EVERY_BOUND, arbitraryFor(EVERY_BOUND, { missWeight: 0 }), 2_000).missing();
    for (const place of [
      "a/minimum",
      "a/maximum",
      "b/exclusiveMinimum",
      "c/multipleOf",
      "d/minLength",
      "d/maxLength",
      "e/maxItems",
      "f/pattern",
      "g/format",
      "h/const",
      "i/enum",
    ]) {
      expect(missing, place).toContain(`#/properties/${place} invalid`);
    }
    expect(missing).toContain('#/required["a"] invalid');
  });

  it("notices values that never sit at a bound (random JSON only: the valid edges are missing)", () => {
    const missing = measure(EVERY_BOUND, fc.jsonValue({ maxDepth: 2 }), 2_000).missing();
    for (const place of ["a/minimum", "a/maximum", "b/exclusiveMinimum", "h/const"]) expect(missing, place).toContain(`#/properties/${place} valid`);
  });
});
