/** One way to build ajv, so the ahead-of-time validators and run-time checks agree. */
import { Ajv2020, type ErrorObject, type Options, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { NO_CACHE, sha256, type Cache } from "./cache.js";
import { AJV_OPTIONS } from "./options.js";
import { validationText } from "./schema-walk.js";
import { standaloneModule, type StandaloneModule } from "./standalone.js";

/** ajv-formats (CommonJS: its default export arrives wrapped under Node ESM). */
export const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

export function createAjv(extra: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...extra });
  addFormats(ajv);
  return ajv;
}

/**
 * Each distinct schema is compiled once per run, by a fresh instance with `code.source`: ajv names
 * what it prints by counters of its instance, so a fresh one prints the same text whatever was
 * compiled before. That one compilation answers all three questions asked of a schema: does ajv
 * accept it (strict), do the examples pass, and what is its standalone module. The examples of a
 * section are checked right after its schema is judged (see `loadModel`), so the validators kept
 * for them need only be the last few; each holds its own instance (up to a megabyte).
 */
const recent = new Map<string, ValidateFunction>();
const RECENT_LIMIT = 16;
/**
 * The printed module of each schema compiled this run without a disk cache, until the validators
 * emitter takes it; keyed by the schema object, so it goes with its model. With a disk cache the
 * module goes there at once, so a large catalog's validators are not all held in memory meanwhile.
 */
const printed = new WeakMap<object, StandaloneModule>();
/** Each schema object's verdict this run (judged for its examples, then for the report). */
const verdicts = new WeakMap<object, string>();
/** Checks schemas against the meta-schema, which it compiles once (a fresh instance would compile it again, three times the cost of a schema). */
let metaChecker: Ajv2020 | undefined;

/** Compiles a schema's validation keywords (annotations dropped) strictly; throws ajv's error when it refuses. */
function compileSchema(schema: object, cache: Cache): ValidateFunction {
  const text = validationText(schema);
  const hit = recent.get(text);
  if (hit) {
    recent.delete(text);
    recent.set(text, hit);
    return hit;
  }
  const { ajv, validate } = compileStandaloneSource(text);
  const module = standaloneModule(ajv, validate);
  if (cache === NO_CACHE) printed.set(schema, module);
  else cache.set("validator", text, JSON.stringify(module));
  recent.set(text, validate);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  return validate;
}

/** A strict compilation that can be printed; the meta-schema check first, with ajv's own message, as `compile` would. */
function compileStandaloneSource(text: string): { ajv: Ajv2020; validate: ValidateFunction } {
  // A fresh copy (JSON.parse keeps a `__proto__` key an own property).
  const validation = JSON.parse(text) as object;
  metaChecker ??= createAjv();
  metaChecker.validateSchema(validation, true);
  const ajv = createAjv({ code: { source: true, esm: true, lines: true, optimize: true }, validateSchema: false });
  return { ajv, validate: ajv.compile(validation) };
}

/** A schema's standalone validator module (checked already: resolve reported any refusal), remembered in the cache by its validation text. */
export async function standaloneValidator(schema: object, cache: Cache): Promise<StandaloneModule> {
  const text = validationText(schema);
  const made = await cache.memoAsync("validator", text, async () => {
    let module = printed.get(schema);
    if (!module) {
      const { ajv, validate } = compileStandaloneSource(text);
      module = standaloneModule(ajv, validate);
    }
    return JSON.stringify(module);
  });
  printed.delete(schema);
  return JSON.parse(made) as StandaloneModule;
}

/**
 * Why ajv refuses a schema (strict mode), or undefined when it accepts it. Remembered in the cache
 * by the schema's validation text, so a rerun compiles only the schemas that changed.
 */
export function schemaRefusal(schema: object, cache: Cache): string | undefined {
  let verdict = verdicts.get(schema);
  if (verdict === undefined) {
    verdict = cache.memo("ajv-refusal", validationText(schema), () => {
      try {
        compileSchema(schema, cache);
        return "";
      } catch (error) {
        return `refused:${(error as Error).message}`;
      }
    });
    verdicts.set(schema, verdict);
  }
  return verdict === "" ? undefined : verdict.slice("refused:".length);
}

/** What ajv finds wrong with a value (nothing when it is valid), remembered by the schema's and the value's text. */
export function valueErrors(schema: object, value: unknown, cache: Cache): ErrorObject[] {
  const key = `${sha256(validationText(schema))}\0${JSON.stringify(value)}`;
  const found = cache.memo("ajv-errors", key, () => {
    const validate = compileSchema(schema, cache);
    return JSON.stringify(
      validate(value)
        ? []
        : (validate.errors ?? []).map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message })),
    );
  });
  return JSON.parse(found) as ErrorObject[];
}
