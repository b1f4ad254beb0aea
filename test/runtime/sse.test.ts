/**
 * readEvents, the SSE reader every client shares, on hand-made byte streams: how events are
 * framed, split and ended, per streaming descriptor. Through the clients: test/clients/.
 */
import { describe, expect, test } from "vitest";
import {
  InvalidResponseError,
  readEvents,
  StreamEndedEarlyError,
  StreamError,
  type ErrorDescriptor,
  type StreamingDescriptor,
} from "../../generator/runtime/index.js";

const errors: ErrorDescriptor = { pointer: "/error", fields: { code: "code", message: "message", parameter: "param" } };
const sentinel: StreamingDescriptor = { format: "sse", enable: { field: "stream", value: true }, doneSentinel: "[DONE]" };
const typed: StreamingDescriptor = {
  format: "sse",
  enable: { field: "stream", value: true },
  terminalEventTypes: ["done"],
  errorEventTypes: ["error"],
};
const bare: StreamingDescriptor = { format: "sse", enable: { field: "stream", value: true } };

/** A chunk is text, or bytes (to split a character between chunks). */
function body(chunks: readonly (string | Uint8Array)[]) {
  const state = { cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
      controller.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

async function read(streaming: StreamingDescriptor, chunks: readonly (string | Uint8Array)[]) {
  const events: unknown[] = [];
  for await (const event of readEvents(body(chunks).stream, { streaming, errors })) events.push(event);
  return events;
}

const data = (value: object) => `data: ${JSON.stringify(value)}\n\n`;
/** The text's bytes in two chunks, cut `at` bytes from the end when negative. */
const splitBytes = (text: string, at: number): Uint8Array[] => {
  const bytes = new TextEncoder().encode(text);
  return [bytes.slice(0, at), bytes.slice(at)];
};

describe("readEvents", () => {
  test.each([
    ["ends at the done sentinel", sentinel, [data({ n: 1 }), data({ n: 2 }), "data: [DONE]\n\n"], [{ n: 1 }, { n: 2 }]],
    [
      "ends at a terminal event type; a [DONE] after it is not read",
      typed,
      [data({ type: "delta", n: 1 }), data({ type: "done" }), "data: [DONE]\n\n"],
      [{ type: "delta", n: 1 }, { type: "done" }],
    ],
    ["takes the type from the event: line", typed, ["event: done\ndata: {}\n\n"], [{}]],
    [
      "reassembles events split anywhere, even inside a UTF-8 character",
      sentinel,
      // "é" is two bytes in UTF-8: the first ends one chunk, the second starts the next.
      [...splitBytes(`data: {"t":"hé`, -1), `llo"}\n`, `\ndata: [DO`, `NE]\n\n`],
      [{ t: "héllo" }],
    ],
    ["without a sentinel or terminal types, the end of the body ends the stream", bare, [data({ n: 1 })], [{ n: 1 }]],
    ["ignores comments and empty lines", sentinel, [": keep-alive\n\n", data({ n: 1 }), "data: [DONE]\n\n"], [{ n: 1 }]],
  ] as const)("%s", async (_, streaming, chunks, want) => {
    expect(await read(streaming, [...chunks])).toEqual(want);
  });

  test.each([
    ["closed before the sentinel", sentinel, [data({ n: 1 })], StreamEndedEarlyError],
    ["closed before a terminal event", typed, [data({ type: "delta" })], StreamEndedEarlyError],
    ["a last event without its blank line (incomplete, dropped)", sentinel, [data({ n: 1 }), "data: [DONE]\n"], StreamEndedEarlyError],
    ["cut inside an event", sentinel, [data({ n: 1 }), 'data: {"n": 2'], StreamEndedEarlyError],
    ["an event that is not JSON", sentinel, ["data: {nope\n\n"], InvalidResponseError],
    ["an error event", typed, [data({ type: "error", code: "overloaded", message: "Busy", param: null })], StreamError],
  ] as const)("%s → %o", async (_, streaming, chunks, Kind) => {
    await expect(read(streaming, [...chunks])).rejects.toBeInstanceOf(Kind);
  });

  test("an error event carries the provider's fields and the request id", async () => {
    const error = await read(typed, [data({ type: "error", code: "overloaded", message: "Busy", param: "input" })]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "overloaded", providerMessage: "Busy", parameter: "input" });
    const withId = readEvents(body([data({ type: "error", message: "x" })]).stream, { streaming: typed, errors, requestId: "req_1" });
    await expect(withId.next()).rejects.toMatchObject({ requestId: "req_1" });
  });

  test("stopping early cancels the body", async () => {
    const made = body([data({ n: 1 }), data({ n: 2 })]);
    for await (const _ of readEvents(made.stream, { streaming: sentinel, errors })) break;
    expect(made.state.cancelled).toBe(true);
  });
});
