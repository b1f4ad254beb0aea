// Copied by modelspec from generator/runtime/errors.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * One error class per failure kind, all extending `ModelspecError`. None of them ever holds the API
 * key: the client keeps it in a closure and scrubs it out of anything a provider echoes back.
 */
import type { ValidationIssue } from "./types.js";
export interface ModelspecErrorOptions {
    cause?: unknown;
    /** The provider's request id (`x-request-id`, `cf-ray`, …), when a reply got that far. */
    requestId?: string | undefined;
}
export declare class ModelspecError extends Error {
    name: string;
    /** The provider's request id, when the failure came with a reply that had one. */
    readonly requestId: string | undefined;
    constructor(message: string, options?: ModelspecErrorOptions);
}
/** The client options are unusable (no key, a missing path parameter, …). */
export declare class ConfigurationError extends ModelspecError {
    name: string;
}
/** Refused to send a key over plain http:// to a host that is not loopback. */
export declare class InsecureTransportError extends ModelspecError {
    name: string;
}
/** The request failed our validator; nothing was sent. */
export declare class InvalidRequestError extends ModelspecError {
    name: string;
    readonly issues: readonly ValidationIssue[];
    constructor(message: string, issues?: readonly ValidationIssue[]);
}
/** The reply is not JSON, or a result or event failed the response validator. */
export declare class InvalidResponseError extends ModelspecError {
    name: string;
    readonly issues: readonly ValidationIssue[];
    constructor(message: string, issues?: readonly ValidationIssue[], options?: ModelspecErrorOptions);
}
/** What a provider said about a failure, read with the provider's error descriptor. */
export interface ProviderErrorDetails {
    code?: string | number | undefined;
    message?: string | undefined;
    parameter?: string | undefined;
    type?: string | undefined;
    /** The whole parsed error body (or its text when it is not JSON). */
    body?: unknown;
    requestId?: string | undefined;
}
/** The provider answered with an error status, or an error inside a success status. */
export declare class ApiError extends ModelspecError {
    name: string;
    readonly status: number;
    /** The provider's error code, message, parameter and type, as its error body has them. */
    readonly code: string | number | undefined;
    readonly providerMessage: string | undefined;
    readonly parameter: string | undefined;
    readonly type: string | undefined;
    readonly body: unknown;
    constructor(status: number, details: ProviderErrorDetails);
}
export declare class BadRequestError extends ApiError {
    name: string;
}
export declare class AuthenticationError extends ApiError {
    name: string;
}
export declare class PermissionDeniedError extends ApiError {
    name: string;
}
export declare class NotFoundError extends ApiError {
    name: string;
}
export declare class ConflictError extends ApiError {
    name: string;
}
export declare class UnprocessableEntityError extends ApiError {
    name: string;
}
export declare class RateLimitError extends ApiError {
    name: string;
}
export declare class InternalServerError extends ApiError {
    name: string;
}
/** The right `ApiError` subclass for an HTTP status. */
export declare function apiError(status: number, details: ProviderErrorDetails): ApiError;
/** The network failed (after the retries). */
export declare class ConnectionError extends ModelspecError {
    name: string;
}
/** An attempt took longer than the `timeout` option, or async polling passed its deadline. */
export declare class TimeoutError extends ModelspecError {
    name: string;
}
/** The caller's `AbortSignal` fired. */
export declare class AbortError extends ModelspecError {
    name: string;
    /** Every abort says the same: the caller's signal ended the call. */
    constructor(message?: string, options?: ModelspecErrorOptions);
}
/** The event stream closed before its terminal event or done sentinel. */
export declare class StreamEndedEarlyError extends ModelspecError {
    name: string;
}
/** The provider sent an error event in the middle of a stream. */
export declare class StreamError extends ModelspecError {
    name: string;
    readonly code: string | number | undefined;
    readonly providerMessage: string | undefined;
    readonly parameter: string | undefined;
    readonly type: string | undefined;
    readonly body: unknown;
    constructor(details: ProviderErrorDetails);
}
/** A Workers AI binding call threw. */
export declare class BindingError extends ModelspecError {
    name: string;
}
