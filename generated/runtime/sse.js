// Copied by modelspec from generator/runtime/sse.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * Turns an SSE body into typed events, driven by a streaming descriptor. The stream ends normally
 * only on the done sentinel or a terminal event type; anything else is `StreamEndedEarlyError`.
 */
import { createParser } from "eventsource-parser";
import { InvalidResponseError, StreamEndedEarlyError, StreamError } from "./errors.js";
import { isObject } from "./json.js";
import { errorDetails, readProviderError } from "./provider-error.js";
import { scrub } from "./scrub.js";
import { checkResponse } from "./validation.js";
export async function* readEvents(body, options) {
    const { streaming, requestId } = options;
    const terminal = new Set(streaming.terminalEventTypes ?? []);
    const errorTypes = new Set(streaming.errorEventTypes ?? []);
    // With neither a sentinel nor terminal types, closing the body is the only way to end.
    const needsExplicitEnd = streaming.doneSentinel !== undefined || terminal.size > 0;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const queue = [];
    const parser = createParser({ onEvent: (message) => queue.push(message) });
    try {
        for (;;) {
            let chunk;
            try {
                chunk = await reader.read();
            }
            catch (error) {
                throw options.readError ? options.readError(error) : new StreamEndedEarlyError("the event stream failed", { cause: error, requestId });
            }
            if (chunk.done) {
                // An event still lacking its blank line is incomplete and dropped, as the SSE spec says: a
                // body cut mid-event then ends early rather than yielding half an event.
                parser.feed(decoder.decode());
            }
            else {
                parser.feed(typeof chunk.value === "string" ? chunk.value : decoder.decode(chunk.value, { stream: true }));
            }
            for (let message = queue.shift(); message; message = queue.shift()) {
                if (streaming.doneSentinel !== undefined && message.data.trim() === streaming.doneSentinel)
                    return;
                let payload;
                try {
                    payload = JSON.parse(message.data);
                }
                catch (error) {
                    throw new InvalidResponseError("a stream event is not valid JSON", [], { cause: error, requestId });
                }
                const type = message.event ?? (isObject(payload) && typeof payload.type === "string" ? payload.type : undefined);
                if ((type !== undefined && errorTypes.has(type)) || hasErrorField(payload, streaming.errorField)) {
                    throw new StreamError(scrub({ ...streamErrorDetails(payload, options), requestId }, options.secret));
                }
                checkResponse(options.validator, payload, "stream event");
                yield payload;
                if (type !== undefined && terminal.has(type))
                    return; // a `[DONE]` may follow; we need not read it
            }
            if (chunk.done)
                break;
        }
        if (needsExplicitEnd)
            throw new StreamEndedEarlyError("the event stream closed before its final event", { requestId });
    }
    finally {
        // Runs on normal end, on error and when the consumer breaks out of `for await`.
        reader.cancel().catch(() => { });
    }
}
function hasErrorField(payload, field) {
    if (field === undefined || !isObject(payload))
        return false;
    const value = payload[field];
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
}
function streamErrorDetails(payload, options) {
    const field = options.streaming.errorField;
    if (field !== undefined && isObject(payload) && payload[field] !== undefined) {
        const value = payload[field];
        const first = Array.isArray(value) ? value[0] : value;
        if (isObject(first))
            return errorDetails(first, options.errors, payload);
    }
    // An error event is either the error object itself or carries it at the error pointer.
    return readProviderError(payload, options.errors) ?? errorDetails(isObject(payload) ? payload : {}, options.errors, payload);
}
