/**
 * The HTTP client core: builds the wire request from a transport descriptor, sends it with
 * timeouts and retries, and unwraps the reply or its event stream. Nothing here knows a provider.
 */
import {
  AbortError,
  ApiError,
  apiError,
  ConfigurationError,
  ConnectionError,
  InsecureTransportError,
  InvalidResponseError,
  ModelspecError,
  StreamEndedEarlyError,
  TimeoutError,
} from "./errors.js";
import { isJsonMediaType, sameMediaType } from "./binary-body.js";
import { readEvents } from "./sse.js";
import type { BinaryBody, CallOptions, ClientOptions, ErrorDescriptor, HttpTransportDescriptor, Json, Operation } from "./types.js";
import { linkAbort, sleep as defaultSleep, type LinkedAbort } from "./abort.js";
import { isObject, jsonEqual } from "./json.js";
import { buildPayload, taskFields } from "./payload.js";
import { errorDetails, readProviderError } from "./provider-error.js";
import { requestIdOf } from "./request-id.js";
import { safeCause, scrub } from "./scrub.js";
import { checkRequest, checkResponse } from "./validation.js";

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

interface Sent {
  response: Response;
  /** Still armed: the caller reads the body under it, then disposes it. */
  link: LinkedAbort;
  timeout: number;
}

export const DEFAULT_TIMEOUT_MS = 600_000;
export const DEFAULT_MAX_RETRIES = 2;
const MAX_RETRY_AFTER_MS = 60_000;

export function createHttpClient(descriptor: HttpClientDescriptor, options: ClientOptions): HttpClient {
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
  /** Sleeps between attempts; an injected sleep may reject with its own abort error: report ours. */
  async function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch (error) {
      throw signal?.aborted ? new AbortError("request aborted") : error;
    }
  }
  const random = options.random ?? Math.random;
  const authHeader = transport.auth.header ?? "Authorization";
  const retryable = (status: number) =>
    descriptor.retryStatuses ? descriptor.retryStatuses.includes(status) : [408, 409, 429].includes(status) || status >= 500;

  const urlFor = (model: string) =>
    base.href.replace(/\/+$/, "") +
    transport.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      // Model ids may contain `/` (`@cf/openai/gpt-5.4`): keep it, as the provider's own URLs do.
      name === "model" ? model.split("/").map(encodeSegment).join("/") : encodeSegment(pathParams[name]!),
    );

  const setting = <K extends "timeout" | "maxRetries" | "validateRequest" | "validateResponse">(
    call: CallOptions,
    key: K,
    fallback: NonNullable<CallOptions[K]>,
  ) => (call[key] ?? options[key] ?? fallback) as NonNullable<CallOptions[K]>;

  /** The wire body and the task UUID (task-array only), validated before anything is sent. */
  function prepare(operation: Operation, call: CallOptions, extra?: Record<string, Json>) {
    const payload = buildPayload(operation.request, operation.fixed, extra);
    let uuid: string | undefined;
    if (transport.requestBody.kind === "task-array") {
      const field = transport.requestBody.uuidField;
      if (typeof payload[field] !== "string") payload[field] = crypto.randomUUID();
      uuid = payload[field] as string;
    }
    if (setting(call, "validateRequest", true)) checkRequest(operation.validators?.request, payload);
    const body = transport.requestBody.kind === "task-array" ? [payload] : payload;
    return { payload, body, uuid };
  }

  /** Maps a thrown fetch/read failure to our error kinds. */
  function failure(error: unknown, link: LinkedAbort, timeout: number): ModelspecError {
    if (error instanceof ModelspecError) return error;
    if (link.userAborted) return new AbortError("request aborted");
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

  /** POSTs with per-attempt timeout and retries; resolves to a 2xx response whose body is unread. */
  async function post(url: string, body: unknown, call: CallOptions, accept: string): Promise<Sent> {
    const timeout = setting(call, "timeout", DEFAULT_TIMEOUT_MS);
    const maxRetries = setting(call, "maxRetries", DEFAULT_MAX_RETRIES);
    const extra = { ...options.headers, ...call.headers };
    // Drop any caller header that would collide with the auth header under another letter case.
    for (const name of Object.keys(extra)) if (name.toLowerCase() === authHeader.toLowerCase()) delete extra[name];
    const headers = { "content-type": "application/json", accept, ...extra, [authHeader]: `Bearer ${secret}` };
    for (let attempt = 0; ; attempt++) {
      if (call.signal?.aborted) throw new AbortError("request aborted");
      const link = linkAbort(call.signal, timeout);
      let outcome: { error: ModelspecError; retry: boolean; retryAfter?: number | undefined };
      try {
        // Redirects are not followed: the key header would go along to whatever address they name.
        const init: RequestInit = { method: transport.method, headers, body: JSON.stringify(body), signal: link.signal, redirect: "manual" };
        const response = await doFetch(url, init);
        if (response.ok) return { response, link, timeout };
        if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
          await response.body?.cancel();
          throw redirected(response);
        }
        const text = await response.text();
        outcome = {
          error: errorFrom(response.status, response.headers, text),
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

  /** Parses a 2xx JSON reply and unwraps the result per the response descriptor. */
  function unwrap(status: number, headers: Headers, text: string, uuid: string | undefined): unknown {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new InvalidResponseError(`${provider}: the response body is not valid JSON`, [], { cause: error, requestId: requestIdOf(headers) });
    }
    const shape = transport.responseBody;
    // A plain body that carries the provider's error (OpenAI's `error` on a failed response) is one.
    if (shape.kind === "plain") {
      if (errors.pointer !== "" && readProviderError(body, errors)) throw errorFrom(status, headers, text);
      return body;
    }
    if (!isObject(body)) throw new InvalidResponseError(`${provider}: expected a JSON object`, [], { requestId: requestIdOf(headers) });
    if (shape.kind === "envelope") {
      if (body[shape.success] === false || readProviderError(body, errors)) throw errorFrom(status, headers, text);
      return body[shape.result];
    }
    if (readProviderError(body, errors)) throw errorFrom(status, headers, text);
    const items = body[shape.data];
    if (!Array.isArray(items))
      throw new InvalidResponseError(`${provider}: expected an array at "${shape.data}"`, [], { requestId: requestIdOf(headers) });
    if (uuid === undefined || transport.requestBody.kind !== "task-array") return items;
    const field = transport.requestBody.uuidField;
    // Keep this task's results; a reply that does not echo the UUID is taken whole.
    const mine = items.filter((item) => isObject(item) && item[field] === uuid);
    return items.some((item) => isObject(item) && field in item) ? mine : items;
  }

  /** One non-streaming exchange: send, read, unwrap. */
  async function exchange(url: string, body: unknown, uuid: string | undefined, call: CallOptions): Promise<unknown> {
    const { response, link, timeout } = await post(url, body, call, "application/json");
    try {
      const text = await response.text();
      return unwrap(response.status, response.headers, text, uuid);
    } catch (error) {
      throw failure(error, link, timeout);
    } finally {
      link.dispose();
    }
  }

  /**
   * A binary exchange (an image, audio): the bytes, read whole, with the reply's content type. A JSON
   * reply here is the provider's error in a 2xx (a typed ApiError) or an answer the spec does not
   * describe; it is never handed back as bytes.
   */
  async function exchangeBinary(url: string, body: unknown, call: CallOptions, declared: string): Promise<BinaryBody> {
    const { response, link, timeout } = await post(url, body, call, `${declared}, application/json;q=0.5`);
    const requestId = requestIdOf(response.headers);
    try {
      const contentType = response.headers.get("content-type");
      if (isJsonMediaType(contentType)) {
        unwrap(response.status, response.headers, await response.text(), undefined);
        throw new InvalidResponseError(`${provider}: expected a binary body (${declared}), got JSON`, [], { requestId });
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (setting(call, "validateResponse", false) && !sameMediaType(contentType ?? "", declared)) {
        throw new InvalidResponseError(`${provider}: expected a body of type ${declared}, got ${JSON.stringify(contentType ?? "none")}`, [], {
          requestId,
        });
      }
      return { contentType: contentType ?? declared, body: bytes };
    } catch (error) {
      throw failure(error, link, timeout);
    } finally {
      link.dispose();
    }
  }

  /**
   * How many result items a request asks for: the value of the response descriptor's `countField`
   * (`numberResults`), else 1. Undefined when the transport declares no such field.
   */
  function wantedResults(payload: Record<string, unknown>): number | undefined {
    const shape = transport.responseBody;
    if (shape.kind !== "data-array" || shape.countField === undefined) return undefined;
    const value = payload[shape.countField];
    return typeof value === "number" && Number.isInteger(value) && value > 1 ? value : 1;
  }

  /** Async delivery: poll with the poll task until the task is no longer pending; a failed task is an ApiError. */
  async function poll(url: string, uuid: string, callOptions: CallOptions, wanted: number): Promise<unknown[]> {
    const a = transport.async!;
    const fields = taskFields(transport);
    const deadline = callOptions.pollTimeout ?? DEFAULT_TIMEOUT_MS;
    const started = Date.now();
    let waited = 0;
    for (let delay = a.initialDelayMs; ; delay = Math.min(delay * a.factor, a.maxDelayMs)) {
      // Count both scheduled waits and wall time, so an injected instant sleep still meets the deadline.
      waited += delay;
      if (Math.max(waited, Date.now() - started) > deadline) {
        throw new TimeoutError(`${provider}: no result for task ${uuid} within ${deadline} ms`);
      }
      await wait(delay, callOptions.signal);
      const items = (await exchange(url, [{ [fields.taskType]: a.pollTaskType, [fields.uuid]: uuid }], uuid, callOptions)) as unknown[];
      const failed = items.find((item) => isObject(item) && item[a.statusField] === a.failedStatus);
      if (isObject(failed)) {
        const details = errorDetails(failed, errors, items);
        throw new ApiError(200, scrub({ ...details, message: details.message ?? `task ${uuid} failed` }, secret));
      }
      // Still pending while any item is, or while fewer results have arrived than were asked for.
      const pending = items.some((item) => isObject(item) && item[a.statusField] === a.pendingStatus);
      if (!pending && items.length >= Math.max(wanted, 1)) return items;
    }
  }

  return {
    async send<T>(operation: Operation, callOptions: CallOptions = {}): Promise<T> {
      const streaming = transport.streaming;
      const { payload, body, uuid } = prepare(operation, callOptions);
      if (streaming && sameJson(payload[streaming.enable.field], streaming.enable.value)) {
        throw new ConfigurationError(`${provider}: "${streaming.enable.field}" selects streaming; call stream() instead`);
      }
      const url = urlFor(operation.model);
      if (operation.binaryResponse) return (await exchangeBinary(url, body, callOptions, operation.binaryResponse.contentType)) as T;
      const wanted = wantedResults(payload);
      let result = await exchange(url, body, uuid, callOptions);
      if (transport.async && uuid !== undefined && sameJson(payload[transport.async.enable.field], transport.async.enable.value)) {
        result = await poll(url, uuid, callOptions, wanted ?? 1);
      } else if (wanted !== undefined && Array.isArray(result) && result.length < wanted) {
        // The reply to a synchronous call carries every result: fewer than asked for is a broken reply.
        throw new InvalidResponseError(`${provider}: asked for ${wanted} results, the reply has ${result.length}`, []);
      }
      if (setting(callOptions, "validateResponse", false)) {
        for (const item of transport.responseBody.kind === "data-array" ? (result as unknown[]) : [result]) {
          checkResponse(operation.validators?.response, item, "response");
        }
      }
      return result as T;
    },

    stream<E>(operation: Operation, callOptions: CallOptions = {}): AsyncIterable<E> {
      const streaming = transport.streaming;
      async function* run(): AsyncGenerator<E, void, undefined> {
        if (!streaming) throw new ConfigurationError(`${provider}: transport "${transport.id}" does not stream`);
        const { body } = prepare(operation, callOptions, { [streaming.enable.field]: streaming.enable.value });
        const { response, link } = await post(urlFor(operation.model), body, callOptions, "text/event-stream");
        link.clearTimeout(); // the timeout covers the wait for headers, not the whole stream
        const requestId = requestIdOf(response.headers);
        try {
          const type = response.headers.get("content-type") ?? "";
          if (!type.includes("text/event-stream") || !response.body) {
            // A JSON reply to a streaming request: an error in a 2xx, or a provider ignoring the switch.
            const text = await response.text();
            unwrap(response.status, response.headers, text, undefined);
            throw new InvalidResponseError(`${provider}: expected an event stream, got "${type}"`, [], { requestId });
          }
          yield* readEvents<E>(response.body, {
            streaming,
            errors,
            secret,
            requestId,
            validator: setting(callOptions, "validateResponse", false) ? operation.validators?.stream : undefined,
            readError: (error) =>
              link.userAborted
                ? new AbortError("request aborted")
                : new StreamEndedEarlyError(`${provider}: the event stream broke off`, { cause: safeCause(error, secret), requestId }),
          });
        } finally {
          link.abort(); // cancels the request if the consumer stopped early; harmless after a clean end
          link.dispose();
        }
      }
      return { [Symbol.asyncIterator]: () => run() };
    },
  };
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

/** Whether a request field holds a mode switch's value (key order aside: the switch may be an object). */
function sameJson(a: unknown, b: unknown): boolean {
  return a !== undefined && jsonEqual(a, b);
}
