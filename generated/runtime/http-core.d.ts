// Copied by modelspec from generator/runtime/http-core.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * What every HTTP call shares: the client's settings checked once, the wire request built from the
 * transport descriptor, one POST with per-attempt timeout and retries, and the reply parsed and
 * handed to the descriptor's unwrapper (unwrap.ts). `send` (http-send.ts) and `stream`
 * (http-stream.ts) are separate functions over this core, and the unwrapper is passed in rather than
 * picked here, so an app that only creates bundles no streaming code and no other body kind's
 * unwrapping. Nothing here knows a provider.
 */
import { ModelspecError } from "./errors.js";
import type { CallOptions, ClientOptions, ErrorDescriptor, HttpTransportDescriptor, Json, Operation, ResponseBodyDescriptor } from "./types.js";
import { type LinkedAbort } from "./abort.js";
import type { Unwrapper } from "./unwrap.js";
export interface HttpClientDescriptor {
    /** Provider id, used in error messages. */
    provider: string;
    transport: HttpTransportDescriptor;
    errors: ErrorDescriptor;
    /** Statuses worth retrying; default 408, 409, 429 and 5xx. */
    retryStatuses?: readonly number[];
}
/** What the core is made from: the client's descriptor and the unwrapper of its transport's response-body kind. */
export interface HttpCoreDescriptor<S extends ResponseBodyDescriptor = ResponseBodyDescriptor> extends HttpClientDescriptor {
    transport: HttpTransportDescriptor & {
        readonly responseBody: S;
    };
    /** `unwrapPlain`, `unwrapEnvelope` or `unwrapDataArray` (unwrap.ts), as `transport.responseBody.kind` names. */
    unwrap: Unwrapper<S>;
}
/** A 2xx reply whose body is unread, with the abort link its read still runs under. */
export interface Sent {
    response: Response;
    /** Still armed: the caller reads the body under it, then disposes it. */
    link: LinkedAbort;
    timeout: number;
}
/** A wire request, validated: the payload object, the body to send and the task UUID (task-array only). */
export interface Prepared {
    payload: Record<string, unknown>;
    body: unknown;
    uuid: string | undefined;
}
/** The client's checked settings and the steps `send` and `stream` are made of. */
export interface HttpCore {
    readonly provider: string;
    readonly transport: HttpTransportDescriptor;
    readonly errors: ErrorDescriptor;
    /** Scrubbed out of everything an error carries. */
    readonly secret: string;
    /** A call's setting, else the client's, else the default. */
    setting<K extends "timeout" | "maxRetries" | "validateRequest" | "validateResponse">(call: CallOptions, key: K, fallback: NonNullable<CallOptions[K]>): NonNullable<CallOptions[K]>;
    /** The request URL of a model (`{model}` and the path parameters filled). */
    urlFor(model: string): string;
    /** The wire body, validated before anything is sent. */
    prepare(operation: Operation, call: CallOptions, extra?: Record<string, Json>): Prepared;
    /** POSTs with per-attempt timeout and retries; resolves to a 2xx response whose body is unread. */
    post(url: string, body: unknown, call: CallOptions, accept: string): Promise<Sent>;
    /** Parses a 2xx JSON reply and hands it to the descriptor's unwrapper; a provider error inside it is thrown. */
    unwrap(status: number, headers: Headers, text: string, uuid: string | undefined): unknown;
    /** Maps a thrown fetch or read failure to our error kinds. */
    failure(error: unknown, link: LinkedAbort, timeout: number): ModelspecError;
    /** Sleeps between attempts and polls; the caller's signal cancels it. */
    wait(ms: number, signal: AbortSignal | undefined): Promise<void>;
}
export declare const DEFAULT_TIMEOUT_MS = 600000;
export declare const DEFAULT_MAX_RETRIES = 2;
export declare function createHttpCore<S extends ResponseBodyDescriptor>(descriptor: HttpCoreDescriptor<S>, options: ClientOptions): HttpCore;
/** Throws when the request sets the transport's streaming switch: that call is `stream()`'s. */
export declare function refuseStreaming(core: HttpCore, payload: Record<string, unknown>): void;
/** Whether a request field holds a mode switch's value (key order aside: the switch may be an object). */
export declare function sameJson(a: unknown, b: unknown): boolean;
/** Exponential backoff from 0.5 s doubling to 8 s, minus up to 25% jitter (as OpenAI's SDK). */
export declare function backoff(retriesSoFar: number, random?: () => number): number;
/** `retry-after-ms`, else `Retry-After` in seconds or as an HTTP date; capped at 60 s. */
export declare function parseRetryAfter(headers: Headers, now?: number): number | undefined;
export declare function isLoopback(hostname: string): boolean;
