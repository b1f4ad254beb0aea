/**
 * Typed calls over a Cloudflare Workers AI binding (`env.AI`). The binding type is structural so the
 * real `Ai` from @cloudflare/workers-types fits without this file importing it.
 */
import { AbortError, BindingError, ConfigurationError, InvalidResponseError, ModelspecError, StreamEndedEarlyError, TimeoutError } from "./errors.js";
import { bytesOf } from "./binary-body.js";
import { readEvents } from "./sse.js";
import type { BinaryBody, BindingTransportDescriptor, ErrorDescriptor, Operation } from "./types.js";
import { linkAbort, type LinkedAbort } from "./abort.js";
import { buildPayload } from "./payload.js";
import { checkRequest, checkResponse } from "./validation.js";

/** AI Gateway options, as `AiOptions["gateway"]`. */
export interface GatewayOptions {
  id: string;
  cacheKey?: string;
  cacheTtl?: number;
  skipCache?: boolean;
  metadata?: Record<string, number | string | boolean | null | bigint>;
  collectLog?: boolean;
  eventId?: string;
  requestTimeoutMs?: number;
  [option: string]: unknown;
}

/** The options `env.AI.run` takes (`AiOptions`); unknown ones pass through untouched. */
export interface AiRunOptions {
  gateway?: GatewayOptions;
  signal?: AbortSignal;
  tags?: string[];
  extraHeaders?: object;
  [option: string]: unknown;
}

/**
 * Anything shaped like `env.AI`. Method syntax keeps the check bivariant, so `Ai`'s overloads fit.
 * `options` receives an `AiRunOptions`; it is declared as `object` so that `Ai` also fits in a project
 * that sees two different `AbortSignal` types (the DOM lib's, and the one in `AiOptions` when `Ai` is
 * imported from "@cloudflare/workers-types" as a module), which are not assignable to each other.
 */
export interface AiBinding {
  run(model: string, inputs: Record<string, unknown>, options?: object): Promise<unknown>;
}

export interface BindingClientDescriptor {
  provider: string;
  transport: BindingTransportDescriptor;
  errors: ErrorDescriptor;
}

export interface BindingClientOptions {
  binding: AiBinding;
  /** Gateway used by every call unless a call names its own. */
  gateway?: GatewayOptions;
  validateRequest?: boolean;
  validateResponse?: boolean;
}

/** Per-call options: everything `AiOptions` has, plus ours. */
export interface BindingCallOptions extends AiRunOptions {
  /** Aborts the call after this many ms (for streams: until the stream is returned). */
  timeout?: number;
  validateRequest?: boolean;
  validateResponse?: boolean;
}

export interface BindingClient {
  send<T>(operation: Operation, call?: BindingCallOptions): Promise<T>;
  /** Lazy like the HTTP client's: runs when iteration starts; breaking out cancels the stream. */
  stream<E>(operation: Operation, call?: BindingCallOptions): AsyncIterable<E>;
}

export function createBindingClient(descriptor: BindingClientDescriptor, options: BindingClientOptions): BindingClient {
  const { provider, transport, errors } = descriptor;
  if (typeof options.binding?.run !== "function") throw new ConfigurationError(`${provider}: the binding option must be env.AI`);

  function split(call: BindingCallOptions) {
    const { timeout, validateRequest, validateResponse, signal, ...ai } = call;
    const link = signal || timeout !== undefined ? linkAbort(signal, timeout) : undefined;
    const gateway = ai.gateway ?? options.gateway;
    const aiOptions: AiRunOptions = { ...ai, ...(gateway && { gateway }), ...(link && { signal: link.signal }) };
    return {
      link,
      aiOptions,
      validateRequest: validateRequest ?? options.validateRequest ?? true,
      validateResponse: validateResponse ?? options.validateResponse ?? false,
    };
  }

  async function run(model: string, inputs: Record<string, unknown>, aiOptions: AiRunOptions, link: LinkedAbort | undefined) {
    if (link?.userAborted) throw new AbortError(); // an already-aborted call sends nothing
    try {
      return await options.binding.run(model, inputs, aiOptions);
    } catch (error) {
      throw failure(error, link);
    }
  }

  function failure(error: unknown, link: LinkedAbort | undefined): ModelspecError {
    if (error instanceof ModelspecError) return error;
    if (link?.userAborted) return new AbortError();
    if (link?.timedOut) return new TimeoutError(`${provider}: the binding call timed out`);
    return new BindingError(`${provider}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }

  /** A binary model's output (a ReadableStream from Workers AI) as a `BinaryBody` of the declared type. */
  async function binaryOutput(output: unknown, contentType: string, link: LinkedAbort | undefined): Promise<BinaryBody> {
    let bytes: Uint8Array | undefined;
    try {
      bytes = await bytesOf(output);
    } catch (error) {
      throw failure(error, link);
    }
    if (!bytes) throw new InvalidResponseError(`${provider}: expected the binding to return bytes (${contentType}), got ${describe(output)}`);
    return { contentType, body: bytes };
  }

  return {
    async send<T>(operation: Operation, call: BindingCallOptions = {}): Promise<T> {
      const { link, aiOptions, validateRequest, validateResponse } = split(call);
      try {
        const inputs = buildPayload(operation.request, operation.fixed);
        if (validateRequest) checkRequest(operation.validators?.request, inputs);
        const output = await run(operation.model, inputs, aiOptions, link);
        if (operation.binaryResponse) return (await binaryOutput(output, operation.binaryResponse.contentType, link)) as T;
        if (validateResponse) checkResponse(operation.validators?.response, output, "response");
        return output as T;
      } finally {
        link?.dispose();
      }
    },

    stream<E>(operation: Operation, call: BindingCallOptions = {}): AsyncIterable<E> {
      async function* events(): AsyncGenerator<E, void, undefined> {
        const streaming = transport.streaming;
        if (!streaming) throw new ConfigurationError(`${provider}: transport "${transport.id}" does not stream`);
        const { link, aiOptions, validateRequest, validateResponse } = split(call);
        try {
          const inputs = buildPayload(operation.request, operation.fixed, { [streaming.enable.field]: streaming.enable.value });
          if (validateRequest) checkRequest(operation.validators?.request, inputs);
          const output = await run(operation.model, inputs, aiOptions, link);
          link?.clearTimeout();
          if (!(output instanceof ReadableStream)) throw new InvalidResponseError(`${provider}: the binding did not return a stream`);
          yield* readEvents<E>(output, {
            streaming,
            errors,
            validator: validateResponse ? operation.validators?.stream : undefined,
            readError: (error) =>
              link?.userAborted ? new AbortError() : new StreamEndedEarlyError(`${provider}: the event stream broke off`, { cause: error }),
          });
        } finally {
          link?.abort();
          link?.dispose();
        }
      }
      return { [Symbol.asyncIterator]: () => events() };
    },
  };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
