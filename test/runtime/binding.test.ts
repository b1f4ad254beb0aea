import { describe, expect, test } from "vitest";
import {
  AbortError,
  BindingError,
  createBindingClient,
  InvalidRequestError,
  StreamEndedEarlyError,
  StreamError,
  TimeoutError,
  type AiBinding,
  type AiRunOptions,
} from "../../generator/runtime/index.js";
import * as f from "./fixtures.js";
import { collect, rejection } from "./helpers.js";

const events = f.cloudflareOffering.examples[0]!.events!;
const output = f.cloudflareOffering.examples[0]!.response!;

/** An SSE byte stream, as `env.AI.run(…, { stream: true })` returns; records whether it was cancelled. */
function sseStream(lines: string[], options: { holdOpen?: boolean } = {}) {
  const state = { cancelled: false };
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const line of lines) controller.enqueue(encoder.encode(line));
      if (!options.holdOpen) controller.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

/** A fake `env.AI`: answers with `answer` and records each call. */
function fakeBinding(answer: (inputs: Record<string, unknown>, options?: AiRunOptions) => unknown) {
  const calls: { model: string; inputs: Record<string, unknown>; options?: AiRunOptions }[] = [];
  const binding: AiBinding = {
    async run(model, inputs, options?: AiRunOptions) {
      calls.push({ model, inputs, options });
      return answer(inputs, options);
    },
  };
  return { binding, calls };
}

const make = (binding: AiBinding, gateway?: { id: string }) =>
  createBindingClient({ provider: "cloudflare", transport: f.cloudflareBinding, errors: f.cloudflareErrors }, { binding, ...(gateway && { gateway }) });
const op = (request: object = { messages: [{ role: "user", content: "Say hello" }] }) => ({
  model: f.CLOUDFLARE_MODEL,
  request,
  validators: f.cloudflareValidators,
});
const frames = events.map((e) => `data: ${JSON.stringify(e)}\n\n`);

describe("Workers AI binding", () => {
  test("send returns the output and passes AiOptions through", async () => {
    const { binding, calls } = fakeBinding(() => output);
    const core = make(binding, { id: "default-gw" });
    expect(await core.send(op(), { validateResponse: true, tags: ["t1"], gateway: { id: "my-gw", skipCache: true } })).toEqual(output);
    expect(calls).toEqual([
      { model: f.CLOUDFLARE_MODEL, inputs: { messages: [{ role: "user", content: "Say hello" }] }, options: { tags: ["t1"], gateway: { id: "my-gw", skipCache: true } } },
    ]);
    await core.send(op());
    expect(calls[1]!.options).toEqual({ gateway: { id: "default-gw" } });
  });

  test("stream sets stream: true and yields the parsed events", async () => {
    const { binding, calls } = fakeBinding(() => sseStream([...frames, "data: [DONE]\n\n"]).stream);
    const got = await collect(make(binding).stream(op(), { validateResponse: true }));
    expect(got).toEqual(events);
    expect(calls[0]!.inputs.stream).toBe(true);
  });

  test("events split across chunks are reassembled", async () => {
    const whole = [...frames, "data: [DONE]\n\n"].join("");
    const pieces = whole.match(/[\s\S]{1,7}/g)!;
    const { binding } = fakeBinding(() => sseStream(pieces).stream);
    expect(await collect(make(binding).stream(op()))).toEqual(events);
  });

  test("a stream that closes without [DONE] → StreamEndedEarlyError", async () => {
    const { binding } = fakeBinding(() => sseStream(frames.slice(0, 2)).stream);
    await expect(collect(make(binding).stream(op()))).rejects.toBeInstanceOf(StreamEndedEarlyError);
  });

  test("an error payload mid-stream → StreamError", async () => {
    const error = `data: ${JSON.stringify({ errors: [{ code: 3040, message: "Capacity temporarily exceeded" }] })}\n\n`;
    const { binding } = fakeBinding(() => sseStream([frames[0]!, error]).stream);
    const thrown = await rejection(collect(make(binding).stream(op())));
    expect(thrown).toBeInstanceOf(StreamError);
    expect(thrown).toMatchObject({ code: 3040, message: expect.stringContaining("Capacity temporarily exceeded") });
  });

  test("breaking out of the loop cancels the binding's stream", async () => {
    const { binding } = fakeBinding(() => made.stream);
    const made = sseStream(frames, { holdOpen: true });
    for await (const _ of make(binding).stream(op())) break;
    expect(made.state.cancelled).toBe(true);
  });

  test("an invalid request never reaches the binding", async () => {
    const { binding, calls } = fakeBinding(() => output);
    const error = await rejection(make(binding).send(op({ messages: [{ role: "robot", content: "x" }] })));
    expect(error).toBeInstanceOf(InvalidRequestError);
    await expect(collect(make(binding).stream(op({ messages: [] })))).rejects.toBeInstanceOf(InvalidRequestError);
    expect(calls).toEqual([]);
  });

  test("a failing binding → BindingError; the caller's abort → AbortError; timeout → TimeoutError", async () => {
    const failing = fakeBinding(() => Promise.reject(new Error("5007: No such model")));
    expect(await rejection(make(failing.binding).send(op()))).toMatchObject({ name: "BindingError", message: expect.stringContaining("5007") });
    expect(await rejection(make(failing.binding).send(op()))).toBeInstanceOf(BindingError);

    const hanging = fakeBinding(
      (_inputs, options) => new Promise((_, reject) => options?.signal?.addEventListener("abort", () => reject(new Error("aborted")))),
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    await expect(make(hanging.binding).send(op(), { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    await expect(make(hanging.binding).send(op(), { timeout: 10 })).rejects.toBeInstanceOf(TimeoutError);
    expect(hanging.calls[0]!.options?.signal).toBeInstanceOf(AbortSignal);
  });
});
