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

/** Options under which a compiled validator can also be printed as standalone code. */
const STANDALONE = { code: { source: true, esm: true, lines: true, optimize: true } } as const;

export interface CompiledSchema {
  /** The instance that compiled it: ajv prints standalone code only with that one. */
  ajv: Ajv2020;
  validate: ValidateFunction;
}

/**
 * Recently compiled validators, by the text of what decides validity. Resolve (does ajv accept
 * it?), normalize (do the examples pass?) and the validators emitter (standalone code) all need
 * the same compilation, and offerings sharing a schema need it once. Bounded, so memory stays
 * flat however many distinct schemas a catalog has.
 */
const recent = new Map<string, CompiledSchema>();
const RECENT_LIMIT = 64;

/** Compiles a schema's validation keywords (annotations dropped) strictly; throws ajv's error when it refuses. */
export function compileSchema(schema: object): CompiledSchema {
  const validation = validationSchema(schema);
  const text = JSON.stringify(validation);
  const hit = recent.get(text);
  if (hit) {
    recent.delete(text);
    recent.set(text, hit);
    return hit;
  }
  const ajv = createAjv(STANDALONE);
  const compiled = { ajv, validate: ajv.compile(validation) };
  recent.set(text, compiled);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  return compiled;
}
