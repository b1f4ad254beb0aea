/**
 * The HTTP client: `send` and `stream` over one core (http-core.ts). The generated provider clients
 * use it, and it serves any transport, so it holds every response-body kind's unwrapper; an
 * offering's own `create…Create` factory takes `sendJson` and its transport's unwrapper alone, so it
 * bundles no streaming and no other kind's unwrapping.
 */
import { ConfigurationError } from "./errors.js";
import { createHttpCore, type HttpClientDescriptor } from "./http-core.js";
import { pollTask, sendBinary, sendJson } from "./http-send.js";
import { streamHttp } from "./http-stream.js";
import type { CallOptions, ClientOptions, Operation } from "./types.js";
import { type Unwrapper, type Unwrappers, unwrapDataArray, unwrapEnvelope, unwrapPlain } from "./unwrap.js";

export { backoff, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, isLoopback, parseRetryAfter } from "./http-core.js";
export type { HttpClientDescriptor, HttpCoreDescriptor } from "./http-core.js";

/** Each response-body kind's unwrapper, picked by the transport's `responseBody.kind`. */
export const UNWRAPPERS: Unwrappers = { plain: unwrapPlain, envelope: unwrapEnvelope, "data-array": unwrapDataArray };

export interface HttpClient {
  /** One call; resolves to the unwrapped result (for `data-array`: this task's items). Polls async deliveries. */
  send<T>(operation: Operation, call?: CallOptions): Promise<T>;
  /**
   * A streaming call: sets the transport's streaming switch and yields each event. Lazy: the request
   * is sent when iteration starts; breaking out of the loop cancels it.
   */
  stream<E>(operation: Operation, call?: CallOptions): AsyncIterable<E>;
}

export function createHttpClient(descriptor: HttpClientDescriptor, options: ClientOptions): HttpClient {
  const kind = descriptor.transport.responseBody.kind;
  // A hand-written descriptor may name any kind: say so now rather than fail at the first reply.
  if (!Object.hasOwn(UNWRAPPERS, kind)) {
    throw new ConfigurationError(
      `${descriptor.provider}: unknown responseBody kind ${JSON.stringify(kind)} (expected one of ${Object.keys(UNWRAPPERS).join(", ")})`,
    );
  }
  // The table pairs each kind with its own unwrapper; TypeScript cannot follow that through the index.
  const unwrap = UNWRAPPERS[kind] as Unwrapper;
  const core = createHttpCore({ ...descriptor, unwrap }, options);
  return {
    send: <T>(operation: Operation, call?: CallOptions) =>
      (operation.binaryResponse ? sendBinary(core, operation, call) : sendJson<T>(core, operation, call, pollTask)) as Promise<T>,
    stream: <E>(operation: Operation, call?: CallOptions) => streamHttp<E>(core, operation, call),
  };
}
