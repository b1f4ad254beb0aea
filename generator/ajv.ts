/** One way to build ajv, so the ahead-of-time validators and run-time checks agree. */
import { Ajv2020, type ErrorObject, type Options, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { sha256, type Cache } from "./cache.js";
import { AJV_OPTIONS } from "./options.js";
import { validationSchema, validationText } from "./schema-walk.js";

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
function compileSchema(schema: object): ValidateFunction {
  const text = validationText(schema);
  const hit = recent.get(text);
  if (hit) {
    recent.delete(text);
    recent.set(text, hit);
    return hit;
  }
  if (!checker || checker.compiles >= COMPILES_PER_INSTANCE) checker = { ajv: createAjv(), compiles: 0 };
  checker.compiles++;
  const { ajv } = checker;
  // A fresh copy (JSON.parse keeps a `__proto__` key an own property), removed from the instance below.
  const validation = JSON.parse(text) as object;
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

/**
 * Why ajv refuses a schema (strict mode), or undefined when it accepts it. Remembered in the cache
 * by the schema's validation text, so a rerun compiles only the schemas that changed.
 */
export function schemaRefusal(schema: object, cache: Cache): string | undefined {
  const verdict = cache.memo("ajv-refusal", validationText(schema), () => {
    try {
      compileSchema(schema);
      return "";
    } catch (error) {
      return `refused:${(error as Error).message}`;
    }
  });
  return verdict === "" ? undefined : verdict.slice("refused:".length);
}

/** What ajv finds wrong with a value (nothing when it is valid), remembered by the schema's and the value's text. */
export function valueErrors(schema: object, value: unknown, cache: Cache): ErrorObject[] {
  const key = `${sha256(validationText(schema))}\0${JSON.stringify(value)}`;
  const found = cache.memo("ajv-errors", key, () => {
    const validate = compileSchema(schema);
    return JSON.stringify(
      validate(value)
        ? []
        : (validate.errors ?? []).map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message })),
    );
  });
  return JSON.parse(found) as ErrorObject[];
}
