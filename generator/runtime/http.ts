/**
 * The HTTP client: `send` and `stream` over one core (http-core.ts). The generated provider clients
 * use it; an offering's own `create…Create` factory takes `sendJson` alone, so it bundles no streaming.
 */
import { createHttpCore, type HttpClientDescriptor } from "./http-core.js";
import { pollTask, sendBinary, sendJson } from "./http-send.js";
import { streamHttp } from "./http-stream.js";
import type { CallOptions, ClientOptions, Operation } from "./types.js";

export { backoff, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, isLoopback, parseRetryAfter } from "./http-core.js";
export type { HttpClientDescriptor } from "./http-core.js";

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
  const core = createHttpCore(descriptor, options);
  return {
    send: <T>(operation: Operation, call?: CallOptions) =>
      (operation.binaryResponse ? sendBinary(core, operation, call) : sendJson<T>(core, operation, call, pollTask)) as Promise<T>,
    stream: <E>(operation: Operation, call?: CallOptions) => streamHttp<E>(core, operation, call),
  };
}
