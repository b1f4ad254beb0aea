// Copied by modelspec from generator/runtime/unwrap.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * How a 2xx JSON reply becomes a call's result: one unwrapper per response-body kind, chosen when
 * the client is made (the generated offering factories import the one their transport needs), so a
 * bundle holds only its provider's. The core (http-core.ts) parses the JSON and owns the refusals;
 * an unwrapper only reads the shape and says which refusal applies.
 */
import type { ErrorDescriptor, ResponseBodyDescriptor } from "./types.js";
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
export type Unwrapper<S extends ResponseBodyDescriptor = ResponseBodyDescriptor> = (body: unknown, shape: S, errors: ErrorDescriptor, fail: Fail, 
/** The task this call sent (task-array request bodies): its UUID and the field that holds it. */
uuid: string | undefined, uuidField: string | undefined) => unknown;
type Shape<K extends ResponseBodyDescriptor["kind"]> = Extract<ResponseBodyDescriptor, {
    kind: K;
}>;
/** The unwrapper of each response-body kind, for a client that serves whichever its transport names. */
export type Unwrappers = {
    readonly [K in ResponseBodyDescriptor["kind"]]: Unwrapper<Shape<K>>;
};
/** The body itself; one that carries the provider's error (OpenAI's `error` on a failed response) is that error. */
export declare const unwrapPlain: Unwrapper<Shape<"plain">>;
/** `body[result]`, unless the envelope says it failed (`success: false`) or carries an error. */
export declare const unwrapEnvelope: Unwrapper<Shape<"envelope">>;
/** The items of `body[data]` that belong to this call's task; a reply that does not echo task UUIDs is taken whole. */
export declare const unwrapDataArray: Unwrapper<Shape<"data-array">>;
export {};
