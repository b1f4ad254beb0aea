/**
 * Turns an SSE body into typed events, driven by a streaming descriptor. The stream ends normally
 * only on the done sentinel or a terminal event type; anything else is `StreamEndedEarlyError`.
 */
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { InvalidResponseError, StreamEndedEarlyError, StreamError } from "./errors.js";
import type { ErrorDescriptor, StreamingDescriptor, Validator } from "./types.js";
import { isObject } from "./json.js";
import { errorDetails, readProviderError } from "./provider-error.js";
import { scrub } from "./scrub.js";
import { checkResponse } from "./validation.js";

export interface ReadEventsOptions {
  streaming: StreamingDescriptor;
  errors: ErrorDescriptor;
  /** Per-event validator; only given when response validation is on. */
  validator?: Validator | undefined;
  /** Scrubbed out of provider error events. */
  secret?: string | undefined;
  /** The provider's request id for the stream, carried by the errors it raises. */
  requestId?: string | undefined;
  /** Maps a failed read (abort, dropped connection) to the error to throw. */
  readError?: ((error: unknown) => Error) | undefined;
}

export async function* readEvents<E>(body: ReadableStream<Uint8Array | string>, options: ReadEventsOptions): AsyncGenerator<E, void, undefined> {
  const { streaming, requestId } = options;
  const terminal = new Set(streaming.terminalEventTypes ?? []);
  const errorTypes = new Set(streaming.errorEventTypes ?? []);
  // With neither a sentinel nor terminal types, closing the body is the only way to end.
  const needsExplicitEnd = streaming.doneSentinel !== undefined || terminal.size > 0;

  const reader = body.getReader();
  const decoder = new TextDecoder();
  const queue: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (message) => queue.push(message) });
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array | string>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw options.readError ? options.readError(error) : new StreamEndedEarlyError("the event stream failed", { cause: error, requestId });
      }
      if (chunk.done) {
        // An event still lacking its blank line is incomplete and dropped, as the SSE spec says: a
        // body cut mid-event then ends early rather than yielding half an event.
        parser.feed(decoder.decode());
      } else {
        parser.feed(typeof chunk.value === "string" ? chunk.value : decoder.decode(chunk.value, { stream: true }));
      }
      for (let message = queue.shift(); message; message = queue.shift()) {
        if (streaming.doneSentinel !== undefined && message.data.trim() === streaming.doneSentinel) return;
        let payload: unknown;
        try {
          payload = JSON.parse(message.data);
        } catch (error) {
          throw new InvalidResponseError("a stream event is not valid JSON", [], { cause: error, requestId });
        }
        const type = message.event ?? (isObject(payload) && typeof payload.type === "string" ? payload.type : undefined);
        if ((type !== undefined && errorTypes.has(type)) || hasErrorField(payload, streaming.errorField)) {
          throw new StreamError(scrub({ ...streamErrorDetails(payload, options), requestId }, options.secret));
        }
        checkResponse(options.validator, payload, "stream event");
        yield payload as E;
        if (type !== undefined && terminal.has(type)) return; // a `[DONE]` may follow; we need not read it
      }
      if (chunk.done) break;
    }
    if (needsExplicitEnd) throw new StreamEndedEarlyError("the event stream closed before its final event", { requestId });
  } finally {
    // Runs on normal end, on error and when the consumer breaks out of `for await`.
    reader.cancel().catch(() => {});
  }
}

function hasErrorField(payload: unknown, field: string | undefined): boolean {
  if (field === undefined || !isObject(payload)) return false;
  const value = payload[field];
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
}

function streamErrorDetails(payload: unknown, options: ReadEventsOptions) {
  const field = options.streaming.errorField;
  if (field !== undefined && isObject(payload) && payload[field] !== undefined) {
    const value = payload[field];
    const first = Array.isArray(value) ? value[0] : value;
    if (isObject(first)) return errorDetails(first, options.errors, payload);
  }
  // An error event is either the error object itself or carries it at the error pointer.
  return readProviderError(payload, options.errors) ?? errorDetails(isObject(payload) ? payload : {}, options.errors, payload);
}
