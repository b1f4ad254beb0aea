// Copied by modelspec from generator/runtime/index.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * modelspec client runtime: the hand-written core every generated client calls. Provider-agnostic:
 * all behaviour comes from the transport and error descriptors in the provider spec.
 *
 * HTTP clients
 *   const core = createHttpClient({ provider, transport, errors, retryStatuses }, options);
 *     transport: the spec's HttpTransport as a literal (extra fields such as description are ignored)
 *     errors:    { pointer, fields } from the spec's ErrorEnvelope
 *     options:   ClientOptions: apiKey (or token), baseUrl, fetch, pathParams / top-level path params
 *                (e.g. accountId), timeout, maxRetries, validateRequest, validateResponse, headers,
 *                allowInsecureHttp, sleep / random (tests)
 *   Throws at creation: ConfigurationError (no key, missing path parameter), InsecureTransportError.
 *
 *   core.send<T>(operation, call?): Promise<T>
 *     operation: { model, request, fixed?, validators?: { request?, response?, stream? } }
 *     Returns the unwrapped result: the body (plain), body[result] (envelope), or this task's items
 *     of body[data] (data-array; an array). With a `countField` the request's value of that field
 *     (e.g. numberResults) is how many items a reply must hold, and async polling waits for them.
 *     For task-array bodies it merges `fixed` over the request, fills a fresh UUID unless given,
 *     sends `[task]`, and polls when the request selects async delivery. With `binaryResponse`
 *     ({ contentType }) set, the answer is bytes: it resolves to a BinaryBody ({ contentType, body:
 *     Uint8Array }), read whole, and a JSON reply is the provider's error (or an InvalidResponseError).
 *   core.stream<E>(operation, call?): AsyncIterable<E>
 *     Sets the streaming switch itself. Lazy: the request goes out when iteration starts.
 *   call: CallOptions: signal, timeout, maxRetries, validateRequest, validateResponse, headers, pollTimeout.
 *
 * Workers AI binding
 *   const core = createBindingClient({ provider, transport, errors }, { binding: env.AI, gateway? });
 *   core.send<T>(operation, call?) / core.stream<E>(operation, call?), call: BindingCallOptions
 *   (AiOptions such as gateway, signal, tags, passed through, plus timeout and the validate flags).
 *   A binary operation's output (a ReadableStream of bytes) is read whole into a BinaryBody.
 *
 * The same calls one at a time, so a bundle keeps only those it uses (what an offering's own
 * create…Create / create…Stream factories call):
 *   const core = createHttpCore({ provider, transport, errors, retryStatuses, unwrap }, options);
 *     unwrap: the unwrapper of transport.responseBody.kind: unwrapPlain, unwrapEnvelope or
 *             unwrapDataArray (createHttpClient picks it from UNWRAPPERS itself)
 *   sendJson<T>(core, operation, call?, pollTask?)   pollTask only for a transport with async delivery
 *   sendBinary(core, operation, call?)               an operation with binaryResponse
 *   streamHttp<E>(core, operation, call?)            the only one that brings the SSE reader
 *
 * A generated method is then one line, e.g.
 *   create: (request: R, call?: CallOptions) => core.send<O[]>({ model: "…", request, fixed, validators }, call),
 *   stream: (request: R, call?: CallOptions) => core.stream<E>({ model: "…", request, fixed, validators }, call),
 *
 * Errors: every failure is a ModelspecError subclass, see errors.ts; ApiError and StreamError carry the
 * provider's code, message (providerMessage), parameter and type, and errors raised after a reply
 * carry its request id. The package root re-exports them. The mock server is Node-only and ships
 * apart, in generated/mock/ (from generator/mock/): nothing here may import it.
 */
export { createHttpClient, backoff, parseRetryAfter, isLoopback, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from "./http.js";
export type { HttpClient, HttpClientDescriptor, HttpCoreDescriptor } from "./http.js";
export { createHttpCore } from "./http-core.js";
export { UNWRAPPERS } from "./http.js";
export { unwrapDataArray, unwrapEnvelope, unwrapPlain } from "./unwrap.js";
export type { Fail, Unwrapper, Unwrappers } from "./unwrap.js";
export type { HttpCore, Prepared, Sent } from "./http-core.js";
export { pollTask, sendBinary, sendJson } from "./http-send.js";
export type { PollTask } from "./http-send.js";
export { streamHttp } from "./http-stream.js";
export { createBindingClient } from "./binding.js";
export { setUpOffering } from "./offering.js";
export type { OfferingOperation, OfferingSetup } from "./offering.js";
export type { AiBinding, AiRunOptions, BindingCallOptions, BindingClient, BindingClientDescriptor, BindingClientOptions, GatewayOptions, } from "./binding.js";
export { readEvents } from "./sse.js";
export type { ReadEventsOptions } from "./sse.js";
export * from "./errors.js";
export type * from "./types.js";
