/**
 * A streaming call over the HTTP core: sets the transport's streaming switch and yields each event.
 * Its own module, with the SSE reader and eventsource-parser behind it, so a create-only app bundles none of it.
 */
import { AbortError, ConfigurationError, InvalidResponseError, StreamEndedEarlyError } from "./errors.js";
import type { HttpCore } from "./http-core.js";
import { requestIdOf } from "./request-id.js";
import { safeCause } from "./scrub.js";
import { readEvents } from "./sse.js";
import type { CallOptions, Operation } from "./types.js";

/** Lazy: the request is sent when iteration starts; breaking out of the loop cancels it. */
export function streamHttp<E>(core: HttpCore, operation: Operation, call: CallOptions = {}): AsyncIterable<E> {
  const { provider, transport, errors, secret } = core;
  const streaming = transport.streaming;
  async function* run(): AsyncGenerator<E, void, undefined> {
    if (!streaming) throw new ConfigurationError(`${provider}: transport "${transport.id}" does not stream`);
    const { body } = core.prepare(operation, call, { [streaming.enable.field]: streaming.enable.value });
    const { response, link } = await core.post(core.urlFor(operation.model), body, call, "text/event-stream");
    link.clearTimeout(); // the timeout covers the wait for headers, not the whole stream
    const requestId = requestIdOf(response.headers);
    try {
      const type = response.headers.get("content-type") ?? "";
      if (!type.includes("text/event-stream") || !response.body) {
        // A JSON reply to a streaming request: an error in a 2xx, or a provider ignoring the switch.
        core.unwrap(response.status, response.headers, await response.text(), undefined);
        throw new InvalidResponseError(`${provider}: expected an event stream, got "${type}"`, [], { requestId });
      }
      yield* readEvents<E>(response.body, {
        streaming,
        errors,
        secret,
        requestId,
        validator: core.setting(call, "validateResponse", false) ? operation.validators?.stream : undefined,
        readError: (error) =>
          link.userAborted
            ? new AbortError()
            : new StreamEndedEarlyError(`${provider}: the event stream broke off`, { cause: safeCause(error, secret), requestId }),
      });
    } finally {
      link.abort(); // cancels the request if the consumer stopped early; harmless after a clean end
      link.dispose();
    }
  }
  return { [Symbol.asyncIterator]: () => run() };
}
