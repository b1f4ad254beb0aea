// Copied by modelspec from generator/runtime/http.ts. Do not edit here: change that file and run `npm run generate`.
import { type HttpClientDescriptor } from "./http-core.js";
import type { CallOptions, ClientOptions, Operation } from "./types.js";
import { type Unwrappers } from "./unwrap.js";
export { backoff, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, isLoopback, parseRetryAfter } from "./http-core.js";
export type { HttpClientDescriptor, HttpCoreDescriptor } from "./http-core.js";
/** Each response-body kind's unwrapper, picked by the transport's `responseBody.kind`. */
export declare const UNWRAPPERS: Unwrappers;
export interface HttpClient {
    /** One call; resolves to the unwrapped result (for `data-array`: this task's items). Polls async deliveries. */
    send<T>(operation: Operation, call?: CallOptions): Promise<T>;
    /**
     * A streaming call: sets the transport's streaming switch and yields each event. Lazy: the request
     * is sent when iteration starts; breaking out of the loop cancels it.
     */
    stream<E>(operation: Operation, call?: CallOptions): AsyncIterable<E>;
}
export declare function createHttpClient(descriptor: HttpClientDescriptor, options: ClientOptions): HttpClient;
