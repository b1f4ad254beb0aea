/**
 * Judging one value with two validators built from the same bundled schema: the generated
 * standalone module and ajv compiled at run time. They must agree on the verdict and on every
 * error (where, which keyword, which part of the schema).
 */
import { createRequire } from "node:module";
import fc from "fast-check";
import type { ValidateFunction } from "ajv";
import { createAjv } from "../../generator/ajv.js";
import type { ParsedFile } from "../../generator/load.js";
import type { Example, Json, JsonObject, SchemaRole } from "../../generator/model.js";
import { jsonEqual, withoutAnnotations } from "../../generator/schema-walk.js";
import { arbitraryFor } from "./arbitrary.js";

export type Validate = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; schemaPath: string; keyword: string; params: unknown }[] | null;
};

/**
 * Cases per schema: 10,000 in `npm test` and CI; 200,000 under `npm run fuzz` (npm names the
 * script it runs in npm_lifecycle_event, so package.json needs no environment prefix, which
 * Windows shells would not understand); MODELSPEC_FUZZ_RUNS overrides both.
 */
export function fuzzRuns(env: Readonly<Record<string, string | undefined>>): number {
  if (env.MODELSPEC_FUZZ_RUNS !== undefined && env.MODELSPEC_FUZZ_RUNS !== "") {
    const runs = Number(env.MODELSPEC_FUZZ_RUNS);
    if (!Number.isInteger(runs) || runs < 1)
      throw new Error(`MODELSPEC_FUZZ_RUNS must be a positive integer, not ${JSON.stringify(env.MODELSPEC_FUZZ_RUNS)}`);
    return runs;
  }
  return env.npm_lifecycle_event === "fuzz" ? 200_000 : 10_000;
}

export const FUZZ_RUNS = fuzzRuns(process.env);
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
  return withJsonEqual(!stockAjv, () => createAjv().compile(withoutAnnotations(schema) as object));
}

/** Compiles with ajv's equality replaced by `jsonEqual`, as the generated validators have it. */
export function withJsonEqual<T>(replace: boolean, compile: () => T): T {
  const original = ajvEqual.default;
  if (replace) ajvEqual.default = Object.assign((a: unknown, b: unknown) => jsonEqual(a, b), { code: original.code });
  try {
    return compile();
  } finally {
    ajvEqual.default = original;
  }
}

const specUri = (file: string, role?: SchemaRole) =>
  `https://specs.modelspec.invalid/${file.split("/").map(encodeURIComponent).join("/")}${role ? `?${role}` : ""}`;

/**
 * ajv compiled at run time from the schema as the spec files write it, with ajv resolving the
 * `$ref`s itself (each file gets a URI; a section gets its own, so `#` means the section), not
 * the generator's bundler: a bundling mistake shows up as a disagreement.
 */
export function sourceValidator(files: readonly ParsedFile[], file: string, role: SchemaRole): Validate {
  return withJsonEqual(true, () => {
    const ajv = createAjv();
    for (const fragment of files.filter((f) => f.kind === "fragment"))
      ajv.addSchema({ ...withoutAnnotations(fragment.data as object), $id: specUri(fragment.file) });
    const spec = files.find((f) => f.file === file)!.data as Record<string, { schema: object }>;
    return ajv.compile({ ...withoutAnnotations(spec[role]!.schema), $id: specUri(file, role) }) as unknown as Validate;
  });
}

function verdict(validate: Validate, value: unknown): { valid: boolean; errors: string[] } {
  const valid = validate(value);
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.schemaPath} ${JSON.stringify(e.params)}`).sort();
  return { valid, errors: valid ? [] : errors };
}

/** The parts of an offering's examples that one schema judges: requests, responses or stream events. */
export function examplesFor(examples: readonly Example[], role: SchemaRole): (JsonObject | Json[])[] {
  if (role === "request") return examples.map((e) => e.request);
  if (role === "response") return examples.flatMap((e) => (e.response ? [e.response] : []));
  return examples.flatMap((e) => e.events ?? []);
}

/** Undefined when both agree; otherwise what each said. */
export function disagreement(generated: Validate, runtime: Validate, value: unknown): string | undefined {
  const a = verdict(generated, value);
  const b = verdict(runtime, value);
  if (a.valid === b.valid && a.errors.join("\n") === b.errors.join("\n")) return undefined;
  return `generated: ${JSON.stringify(a)}\nruntime ajv: ${JSON.stringify(b)}`;
}

/**
 * Valid values; values with a near miss here and there; values with many (a miss at one node in
 * six, so nested bounds are reached and missed too); and random JSON. In roughly equal parts.
 */
export function fuzzValues(schema: Json): fc.Arbitrary<unknown> {
  return fc.oneof(
    arbitraryFor(schema, { missWeight: 0 }),
    arbitraryFor(schema, { goodWeight: 20, missWeight: 1 }),
    arbitraryFor(schema, { goodWeight: 5, missWeight: 1 }),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

export interface FuzzStats {
  runs: number;
  valid: number;
}

/** Runs the differential check; throws (with fast-check's seed and the smallest failing value) on any disagreement. */
export function fuzzDifferential(generated: Validate, schema: Json, runs = FUZZ_RUNS, extra: unknown[] = [], source?: Validate): FuzzStats {
  const runtime = runtimeValidator(schema) as unknown as Validate;
  const stats: FuzzStats = { runs: 0, valid: 0 };
  const check = (value: unknown) => {
    stats.runs++;
    const valid = generated(value);
    if (valid) stats.valid++;
    const problem = disagreement(generated, runtime, value);
    if (problem) throw new Error(`validators disagree on ${JSON.stringify(value)}:\n${problem}`);
    // Against the source schema only the verdict is compared: its error paths name the files' own places.
    if (source && source(value) !== valid)
      throw new Error(`the generated validator says ${valid} and ajv on the source schema ${!valid} for ${JSON.stringify(value)}`);
  };
  extra.forEach(check);
  const details = fc.check(fc.property(fuzzValues(schema), check), { numRuns: runs, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }) });
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${cause}\n(after ${details.numRuns} cases; replay with MODELSPEC_FUZZ_SEED=${details.seed}, shrunk ${details.numShrinks} times)`,
    );
  }
  return stats;
}
