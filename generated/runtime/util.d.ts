// Copied by modelspec from generator/runtime/util.ts. Do not edit here: change that file and run `npm run generate`.
/** Small helpers shared by the HTTP client, the binding wrapper and the mock server. */
import { type ProviderErrorDetails } from "./errors.js";
import type { ErrorDescriptor, Json, Validator, ValidationIssue } from "./types.js";
export declare function isObject(value: unknown): value is Record<string, unknown>;
/** RFC 6901 JSON pointer lookup; `undefined` when the path is absent. */
export declare function getPointer(value: unknown, pointer: string): unknown;
/**
 * Reads the provider's error out of `body` with its descriptor. `undefined` when the body holds
 * no error (no error at the pointer, or an empty error array).
 */
export declare function readProviderError(body: unknown, descriptor: ErrorDescriptor): ProviderErrorDetails | undefined;
/** Maps one provider error object to our field names. */
export declare function errorDetails(error: Record<string, unknown>, descriptor: ErrorDescriptor, body: unknown): ProviderErrorDetails;
export declare function requestIdOf(headers: Headers): string | undefined;
/** `/messages/0/role must be equal to one of the allowed values; …` */
export declare function formatIssues(issues: readonly ValidationIssue[]): string;
export declare function checkRequest(validator: Validator | undefined, data: unknown): void;
export declare function checkResponse(validator: Validator | undefined, data: unknown, what: string): void;
/** Replaces every occurrence of `secret` in the strings of `value` (a provider might echo the key). */
export declare function scrub<T>(value: T, secret: string | undefined): T;
/** Default sleep: a timer that an abort signal cancels (rejecting with `AbortError`). */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
/**
 * An AbortController that follows the caller's signal and an optional timeout, and remembers which
 * of the two fired, so a failure can be reported as `AbortError` or `TimeoutError`.
 */
export interface LinkedAbort {
    signal: AbortSignal;
    readonly timedOut: boolean;
    readonly userAborted: boolean;
    abort(): void;
    /** Stops the timeout (e.g. once stream headers arrived); the caller's signal still applies. */
    clearTimeout(): void;
    /** Detaches from the caller's signal and stops the timer. */
    dispose(): void;
}
export declare function linkAbort(user: AbortSignal | undefined, timeoutMs: number | undefined): LinkedAbort;
/** `{ ...request, ...fixed }` plus the mode switch, as the wire object. */
export declare function buildPayload(request: object, fixed: {
    readonly [key: string]: Json;
} | undefined, extra?: Record<string, Json>): Record<string, unknown>;
/** `error` to attach as a `cause`, unless it (or its own causes) mentions the secret. */
export declare function safeCause(error: unknown, secret: string | undefined): unknown;
