/** Small helpers shared by the HTTP client, the binding wrapper and the mock server. */
import { AbortError, InvalidRequestError, InvalidResponseError, type ProviderErrorDetails } from "./errors.js";
import type { ErrorDescriptor, Json, Validator, ValidationIssue } from "./types.js";

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** RFC 6901 JSON pointer lookup; `undefined` when the path is absent. */
export function getPointer(value: unknown, pointer: string): unknown {
  if (pointer === "") return value;
  let current = value;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isObject(current)) current = current[key];
    else return undefined;
  }
  return current;
}

/**
 * Reads the provider's error out of `body` with its descriptor. `undefined` when the body holds
 * no error (no error at the pointer, or an empty error array).
 */
export function readProviderError(body: unknown, descriptor: ErrorDescriptor): ProviderErrorDetails | undefined {
  let found = getPointer(body, descriptor.pointer);
  if (Array.isArray(found)) found = found[0];
  if (!isObject(found)) return undefined;
  return errorDetails(found, descriptor, body);
}

/** Maps one provider error object to our field names. */
export function errorDetails(error: Record<string, unknown>, descriptor: ErrorDescriptor, body: unknown): ProviderErrorDetails {
  const { fields } = descriptor;
  const str = (name: string | undefined) => {
    const v = name === undefined ? undefined : error[name];
    return typeof v === "string" ? v : v === undefined || v === null ? undefined : JSON.stringify(v);
  };
  const code = fields.code === undefined ? undefined : error[fields.code];
  return {
    code: typeof code === "number" || typeof code === "string" ? code : undefined,
    message: str(fields.message),
    parameter: str(fields.parameter),
    type: str(fields.type),
    body,
  };
}

const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-amzn-requestid", "cf-ray"];

export function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/** `/messages/0/role must be equal to one of the allowed values; …` */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.instancePath || "/"} ${i.message ?? "is invalid"}`)
    .join("; ");
}

export function checkRequest(validator: Validator | undefined, data: unknown): void {
  if (!validator || validator(data)) return;
  const issues = validator.errors ?? [];
  throw new InvalidRequestError(`invalid request: ${formatIssues(issues)}`, issues);
}

export function checkResponse(validator: Validator | undefined, data: unknown, what: string): void {
  if (!validator || validator(data)) return;
  const issues = validator.errors ?? [];
  throw new InvalidResponseError(`invalid ${what}: ${formatIssues(issues)}`, issues);
}

/** Replaces every occurrence of `secret` in the strings of `value` (a provider might echo the key). */
export function scrub<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.split(secret).join("[redacted]");
    if (Array.isArray(v)) return v.map(walk);
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** Default sleep: a timer that an abort signal cancels (rejecting with `AbortError`). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError("request aborted"));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError("request aborted"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

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

export function linkAbort(user: AbortSignal | undefined, timeoutMs: number | undefined): LinkedAbort {
  const controller = new AbortController();
  let timedOut = false;
  const onUserAbort = () => controller.abort(user?.reason);
  if (user?.aborted) controller.abort(user.reason);
  else user?.addEventListener("abort", onUserAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined =
    timeoutMs === undefined || !Number.isFinite(timeoutMs)
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    get userAborted() {
      return user?.aborted === true;
    },
    abort: () => controller.abort(),
    clearTimeout: stopTimer,
    dispose() {
      stopTimer();
      user?.removeEventListener("abort", onUserAbort);
    },
  };
}

/** `{ ...request, ...fixed }` plus the mode switch, as the wire object. */
export function buildPayload(
  request: object,
  fixed: { readonly [key: string]: Json } | undefined,
  extra?: Record<string, Json>,
): Record<string, unknown> {
  return { ...(request as Record<string, unknown>), ...fixed, ...extra };
}

/** `error` to attach as a `cause`, unless it (or its own causes) mentions the secret. */
export function safeCause(error: unknown, secret: string | undefined): unknown {
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 5; depth++) {
    const text = e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e);
    if (secret && text.includes(secret)) return undefined;
    e = e instanceof Error ? e.cause : undefined;
  }
  return error;
}
