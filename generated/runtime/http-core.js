// Copied by modelspec from generator/runtime/http-core.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * What every HTTP call shares: the client's settings checked once, the wire request built from the
 * transport descriptor, one POST with per-attempt timeout and retries, and the reply parsed and
 * handed to the descriptor's unwrapper (unwrap.ts). `send` (http-send.ts) and `stream`
 * (http-stream.ts) are separate functions over this core, and the unwrapper is passed in rather than
 * picked here, so an app that only creates bundles no streaming code and no other body kind's
 * unwrapping. Nothing here knows a provider.
 */
import { AbortError, apiError, ConfigurationError, ConnectionError, InsecureTransportError, InvalidResponseError, ModelspecError, TimeoutError, } from "./errors.js";
import { linkAbort, sleep as defaultSleep } from "./abort.js";
import { jsonEqual } from "./json.js";
import { buildPayload } from "./payload.js";
import { readProviderError } from "./provider-error.js";
import { requestIdOf } from "./request-id.js";
import { safeCause, scrub } from "./scrub.js";
import { checkRequest } from "./validation.js";
export const DEFAULT_TIMEOUT_MS = 600_000;
export const DEFAULT_MAX_RETRIES = 2;
const MAX_RETRY_AFTER_MS = 60_000;
export function createHttpCore(descriptor, options) {
    const { provider, transport, errors } = descriptor;
    const secret = options.apiKey ?? options.token;
    if (!secret)
        throw new ConfigurationError(`${provider}: the apiKey option is required`);
    const base = parseBaseUrl(options.baseUrl ?? transport.baseUrl, provider);
    if (base.protocol === "http:" && !isLoopback(base.hostname) && !options.allowInsecureHttp) {
        throw new InsecureTransportError(`${provider}: refusing to send the API key over plain http:// to ${base.hostname}; use https, a loopback host, or allowInsecureHttp: true`);
    }
    const pathParams = resolvePathParams(transport.path, options, provider);
    const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    const authHeader = transport.auth.header ?? "Authorization";
    const authValue = `Bearer ${secret}`;
    // The client's own headers, less any that would collide with the auth header under another letter case.
    const withoutAuth = (headers) => {
        for (const name of Object.keys(headers))
            if (name.toLowerCase() === authHeader.toLowerCase())
                delete headers[name];
        return headers;
    };
    const clientHeaders = withoutAuth({ ...options.headers });
    const retryable = (status) => descriptor.retryStatuses ? descriptor.retryStatuses.includes(status) : [408, 409, 429].includes(status) || status >= 500;
    // A client calls few models: each URL is built once.
    const urls = new Map();
    const root = base.href.replace(/\/+$/, "");
    const uuidField = transport.requestBody.kind === "task-array" ? transport.requestBody.uuidField : undefined;
    const setting = (call, key, fallback) => (call[key] ?? options[key] ?? fallback);
    function urlFor(model) {
        let url = urls.get(model);
        if (url === undefined) {
            url =
                root +
                    transport.path.replace(/\{([^}]+)\}/g, (_, name) => 
                    // Model ids may contain `/` (`@cf/openai/gpt-5.4`): keep it, as the provider's own URLs do.
                    name === "model" ? model.split("/").map(encodeSegment).join("/") : encodeSegment(pathParams[name]));
            urls.set(model, url);
        }
        return url;
    }
    function prepare(operation, call, extra) {
        const payload = buildPayload(operation.request, operation.fixed, extra);
        let uuid;
        if (uuidField !== undefined) {
            if (typeof payload[uuidField] !== "string")
                payload[uuidField] = crypto.randomUUID();
            uuid = payload[uuidField];
        }
        // Named reads, not `setting`: its keyed reads are slow in code that runs once per call.
        if (call.validateRequest ?? options.validateRequest ?? true)
            checkRequest(operation.validators?.request, payload);
        return { payload, body: uuidField !== undefined ? [payload] : payload, uuid };
    }
    function failure(error, link, timeout) {
        if (error instanceof ModelspecError)
            return error;
        if (link.userAborted)
            return new AbortError();
        if (link.timedOut)
            return new TimeoutError(`${provider}: request timed out after ${timeout} ms`);
        const reason = error instanceof Error ? error.message : String(error);
        return new ConnectionError(scrub(`${provider}: connection failed: ${reason}`, secret), { cause: safeCause(error, secret) });
    }
    /** A 3xx reply (or a browser's opaque redirect, status 0): said plainly, never retried. */
    function redirected(response) {
        const location = response.headers.get("location");
        const where = location ? ` to ${JSON.stringify(location.slice(0, 200))}` : "";
        return apiError(response.status, {
            message: scrub(`${provider}: the server redirected${where}; redirects are not followed so the API key stays with the address you configured: set baseUrl to the final address`, secret),
            requestId: requestIdOf(response.headers),
        });
    }
    /** Reads a non-success (or error-carrying) reply into the right ApiError subclass. */
    function errorFrom(status, headers, text) {
        let body = text;
        try {
            body = JSON.parse(text);
        }
        catch {
            // not JSON (an HTML error page, say): keep the text
        }
        const details = readProviderError(body, errors) ?? { message: typeof body === "string" ? body.slice(0, 500) : undefined, body };
        return apiError(status, scrub({ ...details, requestId: requestIdOf(headers) }, secret));
    }
    async function wait(ms, signal) {
        try {
            await sleep(ms, signal);
        }
        catch (error) {
            // An injected sleep may reject with its own abort error: report ours.
            throw signal?.aborted ? new AbortError() : error;
        }
    }
    async function post(url, body, call, accept) {
        const timeout = call.timeout ?? options.timeout ?? DEFAULT_TIMEOUT_MS;
        const maxRetries = call.maxRetries ?? options.maxRetries ?? DEFAULT_MAX_RETRIES;
        const extra = call.headers ? withoutAuth({ ...clientHeaders, ...call.headers }) : clientHeaders;
        const headers = { "content-type": "application/json", accept, ...extra, [authHeader]: authValue };
        const text = JSON.stringify(body);
        for (let attempt = 0;; attempt++) {
            if (call.signal?.aborted)
                throw new AbortError();
            const link = linkAbort(call.signal, timeout);
            let outcome;
            try {
                // Redirects are not followed: the key header would go along to whatever address they name.
                const response = await doFetch(url, { method: transport.method, headers, body: text, signal: link.signal, redirect: "manual" });
                if (response.ok)
                    return { response, link, timeout };
                if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
                    await response.body?.cancel();
                    throw redirected(response);
                }
                outcome = {
                    error: errorFrom(response.status, response.headers, await response.text()),
                    retry: retryable(response.status),
                    retryAfter: parseRetryAfter(response.headers),
                };
            }
            catch (thrown) {
                const error = failure(thrown, link, timeout);
                outcome = { error, retry: error instanceof ConnectionError || error instanceof TimeoutError };
            }
            link.dispose();
            if (!outcome.retry || attempt >= maxRetries)
                throw outcome.error;
            await wait(outcome.retryAfter ?? backoff(attempt, random), call.signal);
        }
    }
    function unwrap(status, headers, text, uuid) {
        let body;
        try {
            body = JSON.parse(text);
        }
        catch (error) {
            throw new InvalidResponseError(`${provider}: the response body is not valid JSON`, [], { cause: error, requestId: requestIdOf(headers) });
        }
        const fail = (what) => {
            throw what === undefined
                ? errorFrom(status, headers, text)
                : new InvalidResponseError(`${provider}: expected ${what}`, [], { requestId: requestIdOf(headers) });
        };
        return descriptor.unwrap(body, transport.responseBody, errors, fail, uuid, uuidField);
    }
    return { provider, transport, errors, secret, setting, urlFor, prepare, post, unwrap, failure, wait };
}
/** Throws when the request sets the transport's streaming switch: that call is `stream()`'s. */
export function refuseStreaming(core, payload) {
    const streaming = core.transport.streaming;
    if (streaming && sameJson(payload[streaming.enable.field], streaming.enable.value)) {
        throw new ConfigurationError(`${core.provider}: "${streaming.enable.field}" selects streaming; call stream() instead`);
    }
}
/** Whether a request field holds a mode switch's value (key order aside: the switch may be an object). */
export function sameJson(a, b) {
    return a !== undefined && jsonEqual(a, b);
}
/** Exponential backoff from 0.5 s doubling to 8 s, minus up to 25% jitter (as OpenAI's SDK). */
export function backoff(retriesSoFar, random = Math.random) {
    return Math.min(500 * 2 ** retriesSoFar, 8000) * (1 - random() * 0.25);
}
/** `retry-after-ms`, else `Retry-After` in seconds or as an HTTP date; capped at 60 s. */
export function parseRetryAfter(headers, now = Date.now()) {
    const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
    let delay = Number.isFinite(ms) ? ms : undefined;
    const header = headers.get("retry-after");
    if (delay === undefined && header) {
        const seconds = Number(header);
        delay = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
    }
    if (delay === undefined || Number.isNaN(delay))
        return undefined;
    return Math.min(Math.max(delay, 0), MAX_RETRY_AFTER_MS);
}
export function isLoopback(hostname) {
    return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
function parseBaseUrl(value, provider) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new ConfigurationError(`${provider}: baseUrl is not a valid URL`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
        throw new ConfigurationError(`${provider}: baseUrl must be http(s)`);
    return url;
}
/** Every `{name}` of the path but `{model}` must come from the options. */
function resolvePathParams(path, options, provider) {
    const values = {};
    for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        if (name === "model")
            continue;
        const value = options.pathParams?.[name] ?? options[name];
        if (typeof value !== "string" || value === "")
            throw new ConfigurationError(`${provider}: the ${name} option is required`);
        values[name] = value;
    }
    return values;
}
/** encodeURIComponent, but keeping `@` and `:`, which are legal in a path segment. */
function encodeSegment(value) {
    return encodeURIComponent(value).replace(/%40/g, "@").replace(/%3A/gi, ":");
}
