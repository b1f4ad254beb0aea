/**
 * Differential fuzzing: for every offering's request, response and stream schema in schemas/,
 * the generated standalone validator (as users import it from generated/) and ajv compiled at run
 * time judge every value alike: ajv on the bundled schema (the verdict and each error) and ajv on
 * the schema as the spec files write it, `$ref`s resolved by ajv itself (the verdict).
 * Cases per schema: 10,000 (`npm test`, CI), 200,000 (`npm run fuzz`), or MODELSPEC_FUZZ_RUNS.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedValidators } from "../../generator/emit/shared.js";
import { loadModel } from "../../generator/generate.js";
import { parseSpecFiles, readSpecDir } from "../../generator/load.js";
import type { SchemaRole } from "../../generator/model.js";
import { resolveOptions } from "../../generator/options.js";
import { GENERATED_DIR, importGenerated, SCHEMAS_DIR } from "../helpers.js";
import { examplesFor, FUZZ_RUNS, fuzzDifferential, fuzzRuns, runtimeValidator, sourceValidator, type Validate } from "./differential.js";

const specs = await readSpecDir(SCHEMAS_DIR);
const model = loadModel(specs);
const parsed = parseSpecFiles(specs, resolveOptions()).files;
/** Each shared validator once, with the first offering that uses it (its examples and spec file). */
const targets = [...new Map(sharedValidators(model).map((v) => [v.path, v])).values()].map(({ offering, section, path }) => ({
  name: `${path} (${offering.id} ${section.role})`,
  offering,
  role: section.role,
  schema: section.schema,
  path,
}));

describe(`generated validators agree with ajv at run time (${FUZZ_RUNS} cases per schema)`, () => {
  it("covers the validator of every schema of every offering", () => {
    // The validators every offering's catalog entry names, read from the generated catalog: each is fuzzed.
    const catalog = JSON.parse(readFileSync(path.join(GENERATED_DIR, "catalog.json"), "utf8")) as { validators: Record<SchemaRole, string | null> }[];
    const named = catalog.flatMap((o) => Object.values(o.validators).filter((file): file is string => file !== null));
    expect(named.length).toBe(model.offerings.reduce((n, o) => n + (["request", "response", "stream"] as const).filter((r) => o[r]).length, 0));
    expect(new Set(targets.map((t) => t.path))).toEqual(new Set(named));
    expect(targets.length).toBeLessThan(named.length); // offerings share validators
  });

  it.each(targets)("$name", async ({ offering, role, schema, path }) => {
    const { default: validate } = await importGenerated<{ default: Validate }>(path);
    const examples = examplesFor(offering.examples, role);
    const stats = fuzzDifferential(validate, schema, FUZZ_RUNS, examples, sourceValidator(parsed, offering.specFile, role));
    expect(stats.runs).toBe(FUZZ_RUNS + examples.length);
    // The generator must reach both sides of the line, or the comparison proves little
    // (bounds.test.ts measures that it reaches both sides of every bound). Each side is about
    // 30 to 70% of the cases for every schema today; 15% leaves room without letting one side vanish.
    expect(stats.valid, "valid values").toBeGreaterThan(stats.runs * 0.15);
    expect(stats.runs - stats.valid, "invalid values").toBeGreaterThan(stats.runs * 0.15);
  });
});

describe("cases per schema", () => {
  it.each([
    ["npm test, CI", { npm_lifecycle_event: "test", CI: "true" }, 10_000],
    ["vitest run directly", {}, 10_000],
    ["npm run fuzz", { npm_lifecycle_event: "fuzz" }, 200_000],
    ["MODELSPEC_FUZZ_RUNS over npm run fuzz", { npm_lifecycle_event: "fuzz", MODELSPEC_FUZZ_RUNS: "1234" }, 1234],
    ["MODELSPEC_FUZZ_RUNS in CI", { CI: "true", MODELSPEC_FUZZ_RUNS: "50" }, 50],
  ] as const)("%s: %j → %i", (_, env, want) => expect(fuzzRuns(env)).toBe(want));

  it("refuses a MODELSPEC_FUZZ_RUNS that is not a positive integer", () => {
    for (const bad of ["0", "-5", "1e", "lots", "2.5"]) expect(() => fuzzRuns({ MODELSPEC_FUZZ_RUNS: bad })).toThrow(/positive integer/);
  });

  it("this run uses what its environment asks for", () => {
    // Worked out here from the environment, not through fuzzRuns.
    const asked = process.env.MODELSPEC_FUZZ_RUNS;
    const want = asked ? Number(asked) : process.env.npm_lifecycle_event === "fuzz" ? 200_000 : 10_000;
    expect(FUZZ_RUNS).toBe(want);
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

  it("notices a bundled schema that differs from the source (the source validator's verdict)", () => {
    const schema = { type: "object", properties: { n: { type: "integer", maximum: 5 } } };
    const bundledWrong = runtimeValidator({ type: "object", properties: { n: { type: "integer", maximum: 6 } } }) as unknown as Validate;
    const source = runtimeValidator(schema) as unknown as Validate;
    // Generated and bundled agree with each other; only the source comparison can see the mistake.
    expect(() => fuzzDifferential(bundledWrong, { type: "object", properties: { n: { type: "integer", maximum: 6 } } }, 2_000, [], source)).toThrow(
      /ajv on the source schema/,
    );
  });
});
