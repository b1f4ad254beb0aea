/**
 * What every HTTP call shares: the client's settings checked once, the wire request built from the
 * transport descriptor, one POST with per-attempt timeout and retries, and the reply parsed and
 * handed to the descriptor's unwrapper (unwrap.ts). `send` (http-send.ts) and `stream`
 * (http-stream.ts) are separate functions over this core, and the unwrapper is passed in rather than
 * picked here, so an app that only creates bundles no streaming code and no other body kind's
 * unwrapping. Nothing here knows a provider.
 */
import {
  AbortError,
  type ApiError,
  apiError,
  ConfigurationError,
  ConnectionError,
  InsecureTransportError,
  InvalidResponseError,
  ModelspecError,
  TimeoutError,
} from "./errors.js";
import type { CallOptions, ClientOptions, ErrorDescriptor, HttpTransportDescriptor, Json, Operation, ResponseBodyDescriptor } from "./types.js";
import { linkAbort, sleep as defaultSleep, type LinkedAbort } from "./abort.js";
import { jsonEqual } from "./json.js";
import { buildPayload } from "./payload.js";
import { readProviderError } from "./provider-error.js";
import { requestIdOf } from "./request-id.js";
import { safeCause, scrub } from "./scrub.js";
import type { Fail, Unwrapper } from "./unwrap.js";
import { checkRequest } from "./validation.js";

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
  transport: HttpTransportDescriptor & { readonly responseBody: S };
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
  setting<K extends "timeout" | "maxRetries" | "validateRequest" | "validateResponse">(
    call: CallOptions,
    key: K,
    fallback: NonNullable<CallOptions[K]>,
  ): NonNullable<CallOptions[K]>;
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

export const DEFAULT_TIMEOUT_MS = 600_000;
export const DEFAULT_MAX_RETRIES = 2;
const MAX_RETRY_AFTER_MS = 60_000;

export function createHttpCore<S extends ResponseBodyDescriptor>(descriptor: HttpCoreDescriptor<S>, options: ClientOptions): HttpCore {
  const { provider, transport, errors } = descriptor;
  const secret = options.apiKey ?? options.token;
  if (!secret) throw new ConfigurationError(`${provider}: the apiKey option is required`);
  const base = parseBaseUrl(options.baseUrl ?? transport.baseUrl, provider);
  if (base.protocol === "http:" && !isLoopback(base.hostname) && !options.allowInsecureHttp) {
    throw new InsecureTransportError(
      `${provider}: refusing to send the API key over plain http:// to ${base.hostname}; use https, a loopback host, or allowInsecureHttp: true`,
    );
  }
  const pathParams = resolvePathParams(transport.path, options, provider);
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const authHeader = transport.auth.header ?? "Authorization";
  const authValue = `Bearer ${secret}`;
  // The client's own headers, less any that would collide with the auth header under another letter case.
  const withoutAuth = (headers: Record<string, string>) => {
    for (const name of Object.keys(headers)) if (name.toLowerCase() === authHeader.toLowerCase()) delete headers[name];
    return headers;
  };
  const clientHeaders = withoutAuth({ ...options.headers });
  const retryable = (status: number) =>
    descriptor.retryStatuses ? descriptor.retryStatuses.includes(status) : [408, 409, 429].includes(status) || status >= 500;
  // A client calls few models: each URL is built once.
  const urls = new Map<string, string>();
  const root = base.href.replace(/\/+$/, "");
  const uuidField = transport.requestBody.kind === "task-array" ? transport.requestBody.uuidField : undefined;

  const setting: HttpCore["setting"] = (call, key, fallback) => (call[key] ?? options[key] ?? fallback) as never;

  function urlFor(model: string): string {
    let url = urls.get(model);
    if (url === undefined) {
      url =
        root +
        transport.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
          // Model ids may contain `/` (`@cf/openai/gpt-5.4`): keep it, as the provider's own URLs do.
          name === "model" ? model.split("/").map(encodeSegment).join("/") : encodeSegment(pathParams[name]!),
        );
      urls.set(model, url);
    }
    return url;
  }

  function prepare(operation: Operation, call: CallOptions, extra?: Record<string, Json>): Prepared {
    const payload = buildPayload(operation.request, operation.fixed, extra);
    let uuid: string | undefined;
    if (uuidField !== undefined) {
      if (typeof payload[uuidField] !== "string") payload[uuidField] = crypto.randomUUID();
      uuid = payload[uuidField] as string;
    }
    // Named reads, not `setting`: its keyed reads are slow in code that runs once per call.
    if (call.validateRequest ?? options.validateRequest ?? true) checkRequest(operation.validators?.request, payload);
    return { payload, body: uuidField !== undefined ? [payload] : payload, uuid };
  }

  function failure(error: unknown, link: LinkedAbort, timeout: number): ModelspecError {
    if (error instanceof ModelspecError) return error;
    if (link.userAborted) return new AbortError();
    if (link.timedOut) return new TimeoutError(`${provider}: request timed out after ${timeout} ms`);
    const reason = error instanceof Error ? error.message : String(error);
    return new ConnectionError(scrub(`${provider}: connection failed: ${reason}`, secret), { cause: safeCause(error, secret) });
  }

  /** A 3xx reply (or a browser's opaque redirect, status 0): said plainly, never retried. */
  function redirected(response: Response): ApiError {
    const location = response.headers.get("location");
    const where = location ? ` to ${JSON.stringify(location.slice(0, 200))}` : "";
    return apiError(response.status, {
      message: scrub(
        `${provider}: the server redirected${where}; redirects are not followed so the API key stays with the address you configured: set baseUrl to the final address`,
        secret,
      ),
      requestId: requestIdOf(response.headers),
    });
  }

  /** Reads a non-success (or error-carrying) reply into the right ApiError subclass. */
  function errorFrom(status: number, headers: Headers, text: string) {
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (an HTML error page, say): keep the text
    }
    const details = readProviderError(body, errors) ?? { message: typeof body === "string" ? body.slice(0, 500) : undefined, body };
    return apiError(status, scrub({ ...details, requestId: requestIdOf(headers) }, secret));
  }

  async function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch (error) {
      // An injected sleep may reject with its own abort error: report ours.
      throw signal?.aborted ? new AbortError() : error;
    }
  }

  async function post(url: string, body: unknown, call: CallOptions, accept: string): Promise<Sent> {
    const timeout = call.timeout ?? options.timeout ?? DEFAULT_TIMEOUT_MS;
    const maxRetries = call.maxRetries ?? options.maxRetries ?? DEFAULT_MAX_RETRIES;
    const extra = call.headers ? withoutAuth({ ...clientHeaders, ...call.headers }) : clientHeaders;
    const headers = { "content-type": "application/json", accept, ...extra, [authHeader]: authValue };
    const text = JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      if (call.signal?.aborted) throw new AbortError();
      const link = linkAbort(call.signal, timeout);
      let outcome: { error: ModelspecError; retry: boolean; retryAfter?: number | undefined };
      try {
        // Redirects are not followed: the key header would go along to whatever address they name.
        const response = await doFetch(url, { method: transport.method, headers, body: text, signal: link.signal, redirect: "manual" });
        if (response.ok) return { response, link, timeout };
        if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
          await response.body?.cancel();
          throw redirected(response);
        }
        outcome = {
          error: errorFrom(response.status, response.headers, await response.text()),
          retry: retryable(response.status),
          retryAfter: parseRetryAfter(response.headers),
        };
      } catch (thrown) {
        const error = failure(thrown, link, timeout);
        outcome = { error, retry: error instanceof ConnectionError || error instanceof TimeoutError };
      }
      link.dispose();
      if (!outcome.retry || attempt >= maxRetries) throw outcome.error;
      await wait(outcome.retryAfter ?? backoff(attempt, random), call.signal);
    }
  }

  function unwrap(status: number, headers: Headers, text: string, uuid: string | undefined): unknown {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new InvalidResponseError(`${provider}: the response body is not valid JSON`, [], { cause: error, requestId: requestIdOf(headers) });
    }
    const fail: Fail = (what) => {
      throw what === undefined
        ? errorFrom(status, headers, text)
        : new InvalidResponseError(`${provider}: expected ${what}`, [], { requestId: requestIdOf(headers) });
    };
    return descriptor.unwrap(body, transport.responseBody, errors, fail, uuid, uuidField);
  }

  return { provider, transport, errors, secret, setting, urlFor, prepare, post, unwrap, failure, wait };
}

/** Throws when the request sets the transport's streaming switch: that call is `stream()`'s. */
export function refuseStreaming(core: HttpCore, payload: Record<string, unknown>): void {
  const streaming = core.transport.streaming;
  if (streaming && sameJson(payload[streaming.enable.field], streaming.enable.value)) {
    throw new ConfigurationError(`${core.provider}: "${streaming.enable.field}" selects streaming; call stream() instead`);
  }
}

/** Whether a request field holds a mode switch's value (key order aside: the switch may be an object). */
export function sameJson(a: unknown, b: unknown): boolean {
  return a !== undefined && jsonEqual(a, b);
}

/** Exponential backoff from 0.5 s doubling to 8 s, minus up to 25% jitter (as OpenAI's SDK). */
export function backoff(retriesSoFar: number, random: () => number = Math.random): number {
  return Math.min(500 * 2 ** retriesSoFar, 8000) * (1 - random() * 0.25);
}

/** `retry-after-ms`, else `Retry-After` in seconds or as an HTTP date; capped at 60 s. */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  let delay = Number.isFinite(ms) ? ms : undefined;
  const header = headers.get("retry-after");
  if (delay === undefined && header) {
    const seconds = Number(header);
    delay = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  }
  if (delay === undefined || Number.isNaN(delay)) return undefined;
  return Math.min(Math.max(delay, 0), MAX_RETRY_AFTER_MS);
}

export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function parseBaseUrl(value: string, provider: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`${provider}: baseUrl is not a valid URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConfigurationError(`${provider}: baseUrl must be http(s)`);
  return url;
}

/** Every `{name}` of the path but `{model}` must come from the options. */
function resolvePathParams(path: string, options: ClientOptions, provider: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    if (name === "model") continue;
    const value = options.pathParams?.[name!] ?? (options as unknown as Record<string, unknown>)[name!];
    if (typeof value !== "string" || value === "") throw new ConfigurationError(`${provider}: the ${name} option is required`);
    values[name!] = value;
  }
  return values;
}

/** encodeURIComponent, but keeping `@` and `:`, which are legal in a path segment. */
function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/%40/g, "@").replace(/%3A/gi, ":");
}
