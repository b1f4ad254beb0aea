/**
 * How a 2xx JSON reply becomes a call's result: one unwrapper per response-body kind, chosen when
 * the client is made (the generated offering factories import the one their transport needs), so a
 * bundle holds only its provider's. The core (http-core.ts) parses the JSON and owns the refusals;
 * an unwrapper only reads the shape and says which refusal applies.
 */
import type { ErrorDescriptor, ResponseBodyDescriptor } from "./types.js";
import { isObject } from "./json.js";
import { readProviderError } from "./provider-error.js";

/**
 * Throws for a reply the call cannot return: `fail()` the provider's error the reply carries (an
 * ApiError subclass chosen by status), `fail(what)` an InvalidResponseError saying the reply was
 * expected to be `what`.
 */
export type Fail = (what?: string) => never;

/**
 * A response-body kind's unwrapper: the call's result out of one parsed 2xx reply. Positional
 * arguments, not an object: this runs in every offering's bundle, and a bundler shortens only names.
 */
export type Unwrapper<S extends ResponseBodyDescriptor = ResponseBodyDescriptor> = (
  body: unknown,
  shape: S,
  errors: ErrorDescriptor,
  fail: Fail,
  /** The task this call sent (task-array request bodies): its UUID and the field that holds it. */
  uuid: string | undefined,
  uuidField: string | undefined,
) => unknown;

type Shape<K extends ResponseBodyDescriptor["kind"]> = Extract<ResponseBodyDescriptor, { kind: K }>;

/** The unwrapper of each response-body kind, for a client that serves whichever its transport names. */
export type Unwrappers = { readonly [K in ResponseBodyDescriptor["kind"]]: Unwrapper<Shape<K>> };

/** The body itself; one that carries the provider's error (OpenAI's `error` on a failed response) is that error. */
export const unwrapPlain: Unwrapper<Shape<"plain">> = (body, _shape, errors, fail) => {
  if (errors.pointer !== "" && readProviderError(body, errors)) fail();
  return body;
};

/** `body[result]`, unless the envelope says it failed (`success: false`) or carries an error. */
export const unwrapEnvelope: Unwrapper<Shape<"envelope">> = (body, shape, errors, fail) => {
  if (!isObject(body)) return fail("a JSON object");
  if (body[shape.success] === false || readProviderError(body, errors)) fail();
  return body[shape.result];
};

/** The items of `body[data]` that belong to this call's task; a reply that does not echo task UUIDs is taken whole. */
export const unwrapDataArray: Unwrapper<Shape<"data-array">> = (body, shape, errors, fail, uuid, uuidField) => {
  if (!isObject(body)) return fail("a JSON object");
  if (readProviderError(body, errors)) fail();
  const items = body[shape.data];
  if (!Array.isArray(items)) return fail(`an array at "${shape.data}"`);
  if (uuid === undefined || uuidField === undefined) return items;
  // One pass, not a filter and a some: this runs on every reply.
  let echoed = false;
  const mine = items.filter((item) => {
    if (!isObject(item) || !(uuidField in item)) return false;
    echoed = true;
    return item[uuidField] === uuid;
  });
  return echoed ? mine : items;
};
