/**
 * Differential fuzzing: for every offering's request, response and stream schema in schemas/,
 * the generated standalone validator (as users import it from generated/) and ajv compiled at run
 * time from the same bundled schema judge every value alike: the verdict and each error.
 * `MODELSPEC_FUZZ_RUNS` sets the cases per schema (10,000 by default; `npm run fuzz` runs more).
 */
import { describe, expect, it } from "vitest";
import { loadModel } from "../../generator/generate.js";
import { readSpecDir } from "../../generator/load.js";
import type { SchemaRole } from "../../generator/model.js";
import { validatorFile } from "../../generator/emit/paths.js";
import { SCHEMAS_DIR, importGenerated } from "../helpers.js";
import { FUZZ_RUNS, fuzzDifferential, runtimeValidator, type Validate } from "./differential.js";

const model = loadModel(await readSpecDir(SCHEMAS_DIR));
const targets = model.offerings.flatMap((offering) =>
  (["request", "response", "stream"] as SchemaRole[]).flatMap((role) => {
    const section = offering[role];
    return section ? [{ name: `${offering.id} ${role}`, offering, role, schema: section.schema }] : [];
  }),
);

describe(`generated validators agree with ajv at run time (${FUZZ_RUNS} cases per schema)`, () => {
  it("covers every schema of every offering", () => {
    expect(targets.length).toBe(model.offerings.length * 2 + model.offerings.filter((o) => o.stream).length);
  });

  it.each(targets)("$name", async ({ offering, role, schema }) => {
    const { default: validate } = await importGenerated<{ default: Validate }>(validatorFile(offering, role));
    const examples = offering.examples.flatMap((e) => (role === "request" ? [e.request] : role === "response" ? (e.response ? [e.response] : []) : (e.events ?? [])));
    const stats = fuzzDifferential(validate, schema, FUZZ_RUNS, examples);
    // The generator must reach both sides of the line, or the comparison proves little.
    expect(stats.valid, "valid values").toBeGreaterThan(stats.runs * 0.05);
    expect(stats.runs - stats.valid, "invalid values").toBeGreaterThan(stats.runs * 0.05);
  });
});

describe("the harness", () => {
  it("notices a validator that disagrees with its schema by one bound", () => {
    const schema = { type: "object", required: ["n"], properties: { n: { type: "number", minimum: 0, maximum: 2 } } };
    const offByOne = runtimeValidator({ ...schema, properties: { n: { type: "number", minimum: 0, maximum: 2.000001 } } }) as unknown as Validate;
    expect(() => fuzzDifferential(offByOne, schema, 2_000)).toThrow(/validators disagree/);
  });

  it("notices a validator that reports the right verdict at the wrong place", () => {
    const schema = { type: "object", properties: { a: { type: "object", properties: { b: { type: "string", minLength: 2 } } } } };
    const misplaced = ((data: unknown) => {
      const ok = (runtimeValidator(schema) as unknown as Validate)(data);
      misplaced.errors = ok ? null : [{ instancePath: "", schemaPath: "#", keyword: "minLength", params: {} }];
      return ok;
    }) as Validate;
    expect(() => fuzzDifferential(misplaced, schema, 2_000)).toThrow(/validators disagree/);
  });
});
