/** One way to build ajv, so the ahead-of-time validators and run-time checks agree. */
import { Ajv2020, type Options, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { AJV_OPTIONS } from "./options.js";
import { validationSchema } from "./schema-walk.js";

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

export function createAjv(extra: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...extra });
  addFormats(ajv);
  return ajv;
}

/**
 * Recently compiled validators, by the text of what decides validity. Resolve (does ajv accept
 * it?) and normalize (do the examples pass?) need the same compilation, and offerings sharing a
 * schema need it once. They share one ajv instance (a fresh instance compiles the meta-schema
 * again, three times the cost of the schema itself); evicted schemas are removed from it, and it is
 * replaced now and then, so memory stays flat however many distinct schemas a catalog has.
 */
const recent = new Map<string, ValidateFunction>();
const RECENT_LIMIT = 256;
const COMPILES_PER_INSTANCE = 500;
let checker: { ajv: Ajv2020; compiles: number } | undefined;

/** Compiles a schema's validation keywords (annotations dropped) strictly; throws ajv's error when it refuses. */
export function compileSchema(schema: object): ValidateFunction {
  const validation = validationSchema(schema);
  const text = JSON.stringify(validation);
  const hit = recent.get(text);
  if (hit) {
    recent.delete(text);
    recent.set(text, hit);
    return hit;
  }
  if (!checker || checker.compiles >= COMPILES_PER_INSTANCE) checker = { ajv: createAjv(), compiles: 0 };
  checker.compiles++;
  const { ajv } = checker;
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(validation);
  } finally {
    // The instance keeps every schema it compiled; the function works on without that entry.
    ajv.removeSchema(validation);
  }
  recent.set(text, validate);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  return validate;
}

/**
 * A validator compiled so it can be printed as standalone code, by a fresh ajv instance: ajv names
 * the functions and constants it prints by counters of its instance, so a fresh one makes the same
 * text whatever was compiled before. The schema was checked by `compileSchema` already.
 */
export function compileStandaloneSource(schema: object): { ajv: Ajv2020; validate: ValidateFunction } {
  const ajv = createAjv({ code: { source: true, esm: true, lines: true, optimize: true }, validateSchema: false });
  return { ajv, validate: ajv.compile(validationSchema(schema)) };
}
