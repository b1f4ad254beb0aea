// Copied by modelspec from generator/runtime/http.ts. Do not edit here: change that file and run `npm run generate`.
import type { CallOptions, ClientOptions, ErrorDescriptor, HttpTransportDescriptor, Operation } from "./types.js";
export interface HttpClientDescriptor {
    /** Provider id, used in error messages. */
    provider: string;
    transport: HttpTransportDescriptor;
    errors: ErrorDescriptor;
    /** Statuses worth retrying; default 408, 409, 429 and 5xx. */
    retryStatuses?: readonly number[];
}
export interface HttpClient {
    /** One call; resolves to the unwrapped result (for `data-array`: this task's items). Polls async deliveries. */
    send<T>(operation: Operation, call?: CallOptions): Promise<T>;
    /**
     * A streaming call: sets the transport's streaming switch and yields each event. Lazy: the request
     * is sent when iteration starts; breaking out of the loop cancels it.
     */
    stream<E>(operation: Operation, call?: CallOptions): AsyncIterable<E>;
}
export declare const DEFAULT_TIMEOUT_MS = 600000;
export declare const DEFAULT_MAX_RETRIES = 2;
export declare function createHttpClient(descriptor: HttpClientDescriptor, options: ClientOptions): HttpClient;
/** Exponential backoff from 0.5 s doubling to 8 s, minus up to 25% jitter (as OpenAI's SDK). */
export declare function backoff(retriesSoFar: number, random?: () => number): number;
/** `retry-after-ms`, else `Retry-After` in seconds or as an HTTP date; capped at 60 s. */
export declare function parseRetryAfter(headers: Headers, now?: number): number | undefined;
export declare function isLoopback(hostname: string): boolean;
