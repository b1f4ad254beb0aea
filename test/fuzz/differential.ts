/**
 * Judging one value with two validators built from the same bundled schema: the generated
 * standalone module and ajv compiled at run time. They must agree on the verdict and on every
 * error (where, which keyword, which part of the schema).
 */
import { createRequire } from "node:module";
import fc from "fast-check";
import type { ValidateFunction } from "ajv";
import { createAjv } from "../../generator/ajv.js";
import type { Json } from "../../generator/model.js";
import { jsonEqual, withoutAnnotations } from "../../generator/schema-walk.js";
import { arbitraryFor } from "./arbitrary.js";

export type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; schemaPath: string; keyword: string; params: unknown }[] | null };

/** Cases per schema: at least 10,000 in CI; `npm run fuzz` asks for more. */
export const FUZZ_RUNS = Number(process.env.MODELSPEC_FUZZ_RUNS ?? 10_000);
/** Set to replay a failure fast-check reported. */
export const FUZZ_SEED = process.env.MODELSPEC_FUZZ_SEED === undefined ? undefined : Number(process.env.MODELSPEC_FUZZ_SEED);

const ajvEqual = createRequire(import.meta.url)("ajv/dist/runtime/equal") as { default: ((a: unknown, b: unknown) => boolean) & { code?: unknown } };

/**
 * ajv compiled at run time from the bundled schema, as the generator compiles it ahead of time.
 * The generated validators compare JSON values with `jsonEqual` instead of ajv's fast-deep-equal
 * (which throws on a `valueOf` key); ajv picks its equality up while compiling, so the run-time
 * validator is compiled with the same one, and everything else is ajv's own code on both sides.
 * `stockAjv` keeps fast-deep-equal, for the test that pins the difference.
 */
export function runtimeValidator(schema: Json, { stockAjv = false } = {}): ValidateFunction {
  const original = ajvEqual.default;
  if (!stockAjv) ajvEqual.default = Object.assign((a: unknown, b: unknown) => jsonEqual(a, b), { code: original.code });
  try {
    return createAjv().compile(withoutAnnotations(schema) as object);
  } finally {
    ajvEqual.default = original;
  }
}

function verdict(validate: Validate, value: unknown): { valid: boolean; errors: string[] } {
  const valid = validate(value);
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.schemaPath} ${JSON.stringify(e.params)}`).sort();
  return { valid, errors: valid ? [] : errors };
}

/** Undefined when both agree; otherwise what each said. */
export function disagreement(generated: Validate, runtime: Validate, value: unknown): string | undefined {
  const a = verdict(generated, value);
  const b = verdict(runtime, value);
  if (a.valid === b.valid && a.errors.join("\n") === b.errors.join("\n")) return undefined;
  return `generated: ${JSON.stringify(a)}\nruntime ajv: ${JSON.stringify(b)}`;
}

/** Valid values, values with a few near misses, and random JSON, in roughly equal parts. */
export function fuzzValues(schema: Json): fc.Arbitrary<unknown> {
  return fc.oneof(arbitraryFor(schema, { missWeight: 0 }), arbitraryFor(schema, { goodWeight: 20, missWeight: 1 }), fc.jsonValue({ maxDepth: 3 }));
}

export interface FuzzStats {
  runs: number;
  valid: number;
}

/** Runs the differential check; throws (with fast-check's seed and the smallest failing value) on any disagreement. */
export function fuzzDifferential(generated: Validate, schema: Json, runs = FUZZ_RUNS, extra: unknown[] = []): FuzzStats {
  const runtime = runtimeValidator(schema) as unknown as Validate;
  const stats: FuzzStats = { runs: 0, valid: 0 };
  const check = (value: unknown) => {
    stats.runs++;
    if (generated(value)) stats.valid++;
    const problem = disagreement(generated, runtime, value);
    if (problem) throw new Error(`validators disagree on ${JSON.stringify(value)}:\n${problem}`);
  };
  extra.forEach(check);
  const details = fc.check(fc.property(fuzzValues(schema), check), { numRuns: runs, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }) });
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`${cause}\n(after ${details.numRuns} cases; replay with MODELSPEC_FUZZ_SEED=${details.seed}, shrunk ${details.numShrinks} times)`);
  }
  return stats;
}
