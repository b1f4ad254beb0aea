/**
 * Cloudflare Workers AI through the generated clients: the REST client (path, envelope unwrapping,
 * `stream: true` SSE) against the generated mock, and the binding wrapper against fake objects
 * shaped like `env.AI` (`run(model, inputs, options)`, a ReadableStream of SSE when streaming).
 */
import { describe, expect, test } from "vitest";
import {
  AbortError,
  ApiError,
  createCloudflareBindingClient,
  createCloudflareRestClient,
  InvalidRequestError,
  StreamEndedEarlyError,
  StreamError,
  TimeoutError,
  type AiBinding,
  type CloudflareGpt54MiniStreamEvent,
  type CloudflareGpt54Response,
} from "../../generated/index.js";
import { offerings, providers } from "../../generated/offerings.js";
import { ACCOUNT_ID, API_KEY, collect, mock, rejection } from "./harness.js";

const mini = offerings["cloudflare/gpt-5.4-mini"];
const full = offerings["cloudflare/gpt-5.4"];
const hello = { messages: [{ role: "user" as const, content: "Say hello" }] };

describe("REST client", () => {
  test("POSTs to /client/v4/accounts/{accountId}/ai/run/{model} with the bearer token and unwraps { result }", async () => {
    const server = await mock();
    const client = createCloudflareRestClient({ apiKey: API_KEY, accountId: ACCOUNT_ID, baseUrl: server.url });
    const output = await client.gpt54Mini.create(hello);
    const path = `/client/v4/accounts/${ACCOUNT_ID}/ai/run/${mini.model}`;
    expect(server.requests[0]).toMatchObject({ method: "POST", path, body: hello, status: 200 });

    // The same request by hand: the client returned exactly the envelope's result.
    const raw = await fetch(server.url + path, { method: "POST", headers: { authorization: `Bearer ${API_KEY}` }, body: JSON.stringify(hello) });
    const envelope = (await raw.json()) as { result: unknown; success: boolean; errors: unknown[]; messages: unknown[] };
    expect(envelope).toMatchObject({ success: true, errors: [], messages: [] });
    expect(output).toEqual(envelope.result);
    expect(output.model).toBe(mini.model);
    expect(output.choices[0]!.message.content).toEqual(expect.any(String));
  });

  test("stream: true yields typed chat.completion.chunk events up to data: [DONE]", async () => {
    const server = await mock();
    const client = createCloudflareRestClient({ apiKey: API_KEY, accountId: ACCOUNT_ID, baseUrl: server.url });
    const events: CloudflareGpt54MiniStreamEvent[] = await collect(client.gpt54Mini.stream(hello));
    expect(server.requests[0]).toMatchObject({ body: { ...hello, stream: true }, stream: true, aborted: false });
    expect(events.map((e) => e.choices[0]?.delta?.content ?? "").join("").length).toBeGreaterThan(0);
    for (const event of events) expect(mini.validators.stream(event)).toBe(true);
  });

  test("success: false inside a 200 is an ApiError with Cloudflare's code", async () => {
    const server = await mock();
    const client = createCloudflareRestClient({ apiKey: API_KEY, accountId: ACCOUNT_ID, baseUrl: server.url });
    const error = await rejection(client.gpt54.create(hello, { headers: { "x-modelspec-fault": "task-error" } }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, code: 500, providerMessage: "The model failed to complete the task" });
  });

  test("an error mid-stream (`data: { success: false, errors: [...] }`) is a StreamError with Cloudflare's code and message", async () => {
    // The spec declares the stream's error field (inferred: the REST failure envelope's `errors`).
    for (const transport of providers.cloudflare.transports) expect(transport.streaming.errorField).toBe("errors");
    const server = await mock();
    const client = createCloudflareRestClient({ apiKey: API_KEY, accountId: ACCOUNT_ID, baseUrl: server.url });
    let seen = 0;
    const error = await rejection(
      (async () => {
        for await (const _ of client.gpt54Mini.stream(hello, { headers: { "x-modelspec-fault": "stream-error" } })) seen++;
      })(),
    );
    expect(seen).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ code: 500, providerMessage: "The model failed mid-stream", requestId: expect.stringMatching(/^req_mock_/) });
  });

  test("accountId is required", () => {
    expect(() => createCloudflareRestClient({ apiKey: API_KEY } as never)).toThrow(/accountId option is required/);
  });
});

// ------------------------------------------------------------------------------------------------

const output = full.examples.find((e) => "response" in e)!.response as unknown as CloudflareGpt54Response;
const events = full.examples.find((e) => "events" in e)!.events as readonly object[];
const frames = events.map((e) => `data: ${JSON.stringify(e)}\n\n`);

/** An SSE byte stream, as `env.AI.run(…, { stream: true })` returns; remembers being cancelled. */
function sseStream(chunks: string[], options: { holdOpen?: boolean } = {}) {
  const state = { cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      if (!options.holdOpen) controller.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

/** A fake `env.AI` answering with `answer`, recording every call. */
function fakeBinding(answer: (inputs: Record<string, unknown>, options: Record<string, unknown>) => unknown) {
  const calls: { model: string; inputs: Record<string, unknown>; options: Record<string, unknown> }[] = [];
  const binding: AiBinding = {
    async run(model, inputs, options = {}) {
      calls.push({ model, inputs, options: options as Record<string, unknown> });
      return answer(inputs, options as Record<string, unknown>);
    },
  };
  return { binding, calls };
}

describe("binding wrapper over a fake env.AI", () => {
  test("create: run(model, inputs, options) with the gateway options; returns the typed output", async () => {
    const { binding, calls } = fakeBinding(() => output);
    const client = createCloudflareBindingClient({ binding, gateway: { id: "default-gateway" } });
    const got = await client.gpt54.create(hello, {
      validateResponse: true,
      tags: ["t1"],
      gateway: { id: "my-gateway", skipCache: true, cacheTtl: 60 },
    });
    expect(got).toEqual(output);
    expect(got.choices[0]!.message.content).toEqual(expect.any(String));
    await client.gpt54.create(hello);
    expect(calls).toEqual([
      { model: full.model, inputs: hello, options: { tags: ["t1"], gateway: { id: "my-gateway", skipCache: true, cacheTtl: 60 } } },
      { model: full.model, inputs: hello, options: { gateway: { id: "default-gateway" } } },
    ]);
  });

  test("stream: sets stream: true and parses the ReadableStream of SSE, even split mid-event", async () => {
    const whole = [...frames, "data: [DONE]\n\n"].join("");
    const { binding, calls } = fakeBinding(() => sseStream(whole.match(/[\s\S]{1,7}/g)!).stream);
    const got = await collect(createCloudflareBindingClient({ binding }).gpt54.stream(hello, { validateResponse: true }));
    expect(got).toEqual(events);
    expect(calls[0]!.inputs).toEqual({ ...hello, stream: true });
  });

  test("a stream that closes without [DONE] is StreamEndedEarlyError", async () => {
    const { binding } = fakeBinding(() => sseStream(frames.slice(0, 2)).stream);
    await expect(collect(createCloudflareBindingClient({ binding }).gpt54.stream(hello))).rejects.toBeInstanceOf(StreamEndedEarlyError);
  });

  test("an error payload mid-stream is a StreamError, and the chunks before it were yielded", async () => {
    const failure = `data: ${JSON.stringify({ success: false, errors: [{ code: 3040, message: "Capacity temporarily exceeded" }], messages: [] })}\n\n`;
    const { binding } = fakeBinding(() => sseStream([...frames.slice(0, 2), failure, ...frames.slice(2), "data: [DONE]\n\n"]).stream);
    const got: unknown[] = [];
    const error = await rejection(
      (async () => {
        for await (const event of createCloudflareBindingClient({ binding }).gpt54.stream(hello)) got.push(event);
      })(),
    );
    expect(got).toEqual(events.slice(0, 2));
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ code: 3040, providerMessage: "Capacity temporarily exceeded" });
  });

  test("chunks with an empty errors array are not errors", async () => {
    const withEmpty = events.map((e) => `data: ${JSON.stringify({ ...e, errors: [] })}\n\n`);
    const { binding } = fakeBinding(() => sseStream([...withEmpty, "data: [DONE]\n\n"]).stream);
    expect(await collect(createCloudflareBindingClient({ binding }).gpt54.stream(hello))).toHaveLength(events.length);
  });

  test("breaking out of the loop cancels the binding's stream", async () => {
    const made = sseStream(frames, { holdOpen: true });
    const { binding } = fakeBinding(() => made.stream);
    for await (const _ of createCloudflareBindingClient({ binding }).gpt54.stream(hello)) break;
    expect(made.state.cancelled).toBe(true);
  });

  test("an invalid request never reaches the binding", async () => {
    const { binding, calls } = fakeBinding(() => output);
    const client = createCloudflareBindingClient({ binding });
    // @ts-expect-error "robot" is not a role
    await expect(client.gpt54.create({ messages: [{ role: "robot", content: "x" }] })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(calls).toEqual([]);
  });

  test("a throwing binding is BindingError; the signal and the timeout reach it as AbortSignal", async () => {
    const failing = fakeBinding(() => Promise.reject(new Error("5007: No such model")));
    expect(await rejection(createCloudflareBindingClient({ binding: failing.binding }).gpt54.create(hello))).toMatchObject({
      name: "BindingError",
      message: expect.stringContaining("5007: No such model"),
    });
    const hanging = fakeBinding(
      (_, options) =>
        new Promise((_resolve, reject) => (options.signal as AbortSignal).addEventListener("abort", () => reject(new Error("aborted")))),
    );
    const client = createCloudflareBindingClient({ binding: hanging.binding });
    await expect(client.gpt54.create(hello, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(hanging.calls).toEqual([]); // already aborted: nothing was run
    const controller = new AbortController();
    const pending = rejection(client.gpt54.create(hello, { signal: controller.signal }));
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
    await expect(client.gpt54.create(hello, { timeout: 10 })).rejects.toBeInstanceOf(TimeoutError);
    expect(hanging.calls.map((c) => c.options.signal instanceof AbortSignal)).toEqual([true, true]);
  });

  test("the binding option must look like env.AI", () => {
    expect(() => createCloudflareBindingClient({ binding: {} as AiBinding })).toThrow(/the binding option must be env\.AI/);
  });
});
