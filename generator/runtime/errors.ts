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

export class ModelspecError extends Error {
  override name = "ModelspecError";
  /** The provider's request id, when the failure came with a reply that had one. */
  readonly requestId: string | undefined;
  constructor(message: string, options: ModelspecErrorOptions = {}) {
    super(message, "cause" in options ? { cause: options.cause } : undefined);
    this.requestId = options.requestId;
  }
}

/** The client options are unusable (no key, a missing path parameter, …). */
export class ConfigurationError extends ModelspecError {
  override name = "ConfigurationError";
}

/** Refused to send a key over plain http:// to a host that is not loopback. */
export class InsecureTransportError extends ModelspecError {
  override name = "InsecureTransportError";
}

/** The request failed our validator; nothing was sent. */
export class InvalidRequestError extends ModelspecError {
  override name = "InvalidRequestError";
  readonly issues: readonly ValidationIssue[];
  constructor(message: string, issues: readonly ValidationIssue[] = []) {
    super(message);
    this.issues = issues;
  }
}

/** The reply is not JSON, or a result or event failed the response validator. */
export class InvalidResponseError extends ModelspecError {
  override name = "InvalidResponseError";
  readonly issues: readonly ValidationIssue[];
  constructor(message: string, issues: readonly ValidationIssue[] = [], options?: ModelspecErrorOptions) {
    super(message, options);
    this.issues = issues;
  }
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
export class ApiError extends ModelspecError {
  override name = "ApiError";
  readonly status: number;
  /** The provider's error code, message, parameter and type, as its error body has them. */
  readonly code: string | number | undefined;
  readonly providerMessage: string | undefined;
  readonly parameter: string | undefined;
  readonly type: string | undefined;
  readonly body: unknown;
  constructor(status: number, details: ProviderErrorDetails) {
    super(describe(status, details), { requestId: details.requestId });
    this.status = status;
    this.code = details.code;
    this.providerMessage = details.message;
    this.parameter = details.parameter;
    this.type = details.type;
    this.body = details.body;
  }
}

export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}
export class ConflictError extends ApiError {
  override name = "ConflictError";
}
export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
}
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
}
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}

/** The right `ApiError` subclass for an HTTP status. */
export function apiError(status: number, details: ProviderErrorDetails): ApiError {
  const byStatus: Record<number, typeof ApiError> = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
  };
  const Class = byStatus[status] ?? (status >= 500 ? InternalServerError : ApiError);
  return new Class(status, details);
}

/** The network failed (after the retries). */
export class ConnectionError extends ModelspecError {
  override name = "ConnectionError";
}

/** An attempt took longer than the `timeout` option, or async polling passed its deadline. */
export class TimeoutError extends ModelspecError {
  override name = "TimeoutError";
}

/** The caller's `AbortSignal` fired. */
export class AbortError extends ModelspecError {
  override name = "AbortError";
  /** Every abort says the same: the caller's signal ended the call. */
  constructor(message = "request aborted", options?: ModelspecErrorOptions) {
    super(message, options);
  }
}

/** The event stream closed before its terminal event or done sentinel. */
export class StreamEndedEarlyError extends ModelspecError {
  override name = "StreamEndedEarlyError";
}

/** The provider sent an error event in the middle of a stream. */
export class StreamError extends ModelspecError {
  override name = "StreamError";
  readonly code: string | number | undefined;
  readonly providerMessage: string | undefined;
  readonly parameter: string | undefined;
  readonly type: string | undefined;
  readonly body: unknown;
  constructor(details: ProviderErrorDetails) {
    super(`stream error: ${describe(undefined, details)}`, { requestId: details.requestId });
    this.code = details.code;
    this.providerMessage = details.message;
    this.parameter = details.parameter;
    this.type = details.type;
    this.body = details.body;
  }
}

/** A Workers AI binding call threw. */
export class BindingError extends ModelspecError {
  override name = "BindingError";
}

function describe(status: number | undefined, d: ProviderErrorDetails): string {
  let text = [status, d.message ?? "(no message)"].filter((x) => x !== undefined).join(" ");
  if (d.code !== undefined) text += ` (code ${d.code})`;
  if (d.parameter !== undefined) text += ` [parameter: ${d.parameter}]`;
  return text;
}
