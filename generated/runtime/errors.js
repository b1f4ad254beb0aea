// Copied by modelspec from generator/runtime/errors.ts. Do not edit here: change that file and run `npm run generate`.
export class ModelspecError extends Error {
    name = "ModelspecError";
    /** The provider's request id, when the failure came with a reply that had one. */
    requestId;
    constructor(message, options = {}) {
        super(message, "cause" in options ? { cause: options.cause } : undefined);
        this.requestId = options.requestId;
    }
}
/** The client options are unusable (no key, a missing path parameter, …). */
export class ConfigurationError extends ModelspecError {
    name = "ConfigurationError";
}
/** Refused to send a key over plain http:// to a host that is not loopback. */
export class InsecureTransportError extends ModelspecError {
    name = "InsecureTransportError";
}
/** The request failed our validator; nothing was sent. */
export class InvalidRequestError extends ModelspecError {
    name = "InvalidRequestError";
    issues;
    constructor(message, issues = []) {
        super(message);
        this.issues = issues;
    }
}
/** The reply is not JSON, or a result or event failed the response validator. */
export class InvalidResponseError extends ModelspecError {
    name = "InvalidResponseError";
    issues;
    constructor(message, issues = [], options) {
        super(message, options);
        this.issues = issues;
    }
}
/** The provider answered with an error status, or an error inside a success status. */
export class ApiError extends ModelspecError {
    name = "ApiError";
    status;
    /** The provider's error code, message, parameter and type, as its error body has them. */
    code;
    providerMessage;
    parameter;
    type;
    body;
    constructor(status, details) {
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
    name = "BadRequestError";
}
export class AuthenticationError extends ApiError {
    name = "AuthenticationError";
}
export class PermissionDeniedError extends ApiError {
    name = "PermissionDeniedError";
}
export class NotFoundError extends ApiError {
    name = "NotFoundError";
}
export class ConflictError extends ApiError {
    name = "ConflictError";
}
export class UnprocessableEntityError extends ApiError {
    name = "UnprocessableEntityError";
}
export class RateLimitError extends ApiError {
    name = "RateLimitError";
}
export class InternalServerError extends ApiError {
    name = "InternalServerError";
}
/** The right `ApiError` subclass for an HTTP status. */
export function apiError(status, details) {
    const byStatus = {
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
    name = "ConnectionError";
}
/** An attempt took longer than the `timeout` option, or async polling passed its deadline. */
export class TimeoutError extends ModelspecError {
    name = "TimeoutError";
}
/** The caller's `AbortSignal` fired. */
export class AbortError extends ModelspecError {
    name = "AbortError";
    /** Every abort says the same: the caller's signal ended the call. */
    constructor(message = "request aborted", options) {
        super(message, options);
    }
}
/** The event stream closed before its terminal event or done sentinel. */
export class StreamEndedEarlyError extends ModelspecError {
    name = "StreamEndedEarlyError";
}
/** The provider sent an error event in the middle of a stream. */
export class StreamError extends ModelspecError {
    name = "StreamError";
    code;
    providerMessage;
    parameter;
    type;
    body;
    constructor(details) {
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
    name = "BindingError";
}
function describe(status, d) {
    let text = [status, d.message ?? "(no message)"].filter((x) => x !== undefined).join(" ");
    if (d.code !== undefined)
        text += ` (code ${d.code})`;
    if (d.parameter !== undefined)
        text += ` [parameter: ${d.parameter}]`;
    return text;
}
