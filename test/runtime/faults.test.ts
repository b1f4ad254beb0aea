import { describe, expect, test } from "vitest";
import {
  AbortError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
  StreamEndedEarlyError,
  StreamError,
  TimeoutError,
} from "../../generator/runtime/index.js";
import { startMockServer } from "../../generator/runtime/mock-server.js";
import * as f from "./fixtures.js";
import { client, collect, mockServer, recordingSleep, rejection, styles, until } from "./helpers.js";

const fault = (kind: string, count?: number, extra: Record<string, string> = {}) => ({
  headers: { "x-modelspec-fault": kind, ...(count === undefined ? {} : { "x-modelspec-fault-count": String(count) }), ...extra },
});

describe.each(styles)("%s: retries", (style) => {
  test("429 twice, then success: three requests, waiting what retry-after-ms asks", async () => {
    const server = await mockServer({ retryAfterMs: 1234 });
    const { delays, sleep } = recordingSleep();
    const { core, valid } = client(style, { baseUrl: server.url, sleep });
    await core.send(valid, fault("rate-limit", 2));
    expect(server.requests.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(delays).toEqual([1234, 1234]);
  });

  test("500 once, then success: backoff 0.5 s minus jitter", async () => {
    const server = await mockServer();
    const { delays, sleep } = recordingSleep();
    const { core, valid } = client(style, { baseUrl: server.url, sleep, random: () => 1 });
    await core.send(valid, fault("server-error", 1));
    expect(server.requests.map((r) => r.status)).toEqual([500, 200]);
    expect(delays).toEqual([375]); // 500 ms × (1 − 25%)
  });

  test("503 every time: maxRetries + 1 requests, then InternalServerError", async () => {
    const server = await mockServer();
    const { delays, sleep } = recordingSleep();
    const { core, valid } = client(style, { baseUrl: server.url, sleep, random: () => 0 });
    const error = await rejection(core.send(valid, fault("unavailable")));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, code: style === "cloudflare" ? 503 : "service_unavailable" });
    expect(server.requests).toHaveLength(3);
    expect(delays).toEqual([500, 1000]);
  });

  test("maxRetries: 0 gives up at once; a stream is retried before its first event", async () => {
    const server = await mockServer();
    const { sleep } = recordingSleep();
    const { core, valid } = client(style, { baseUrl: server.url, sleep, maxRetries: 0 });
    await expect(core.send(valid, fault("rate-limit"))).rejects.toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(1);
    const events = await collect(core.stream(valid, { ...fault("rate-limit", 1), maxRetries: 1 }));
    expect(events.length).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(3);
  });
});

describe.each(styles)("%s: stream faults", (style) => {
  test("a stream cut mid-way → StreamEndedEarlyError after the first events", async () => {
    const server = await mockServer();
    const { core, valid } = client(style, { baseUrl: server.url });
    const seen: unknown[] = [];
    const error = await rejection(
      (async () => {
        for await (const event of core.stream(valid, fault("cut-stream"))) seen.push(event);
      })(),
    );
    expect(error).toBeInstanceOf(StreamEndedEarlyError);
    expect(seen.length).toBeGreaterThan(0);
  });

  test("a mid-stream error event → StreamError with the provider's code and message", async () => {
    const server = await mockServer();
    const { core, valid } = client(style, { baseUrl: server.url });
    const error = await rejection(collect(core.stream(valid, fault("stream-error"))));
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ code: style === "cloudflare" ? 500 : "stream_error", message: expect.stringContaining("The model failed mid-stream") });
  });

  test("a malformed event → InvalidResponseError", async () => {
    const server = await mockServer();
    const { core, valid } = client(style, { baseUrl: server.url });
    await expect(collect(core.stream(valid, fault("malformed-json")))).rejects.toBeInstanceOf(InvalidResponseError);
  });

  test("breaking out of for-await cancels the request", async () => {
    const server = await mockServer({ eventDelayMs: 1000 });
    const { core, valid } = client(style, { baseUrl: server.url });
    const started = Date.now();
    for await (const event of core.stream(valid)) {
      expect(event).toBeTruthy();
      break;
    }
    expect(Date.now() - started).toBeLessThan(800); // did not wait for the rest
    await until(() => server.requests[0]!.aborted);
  });
});

describe.each(styles)("%s: other faults", (style) => {
  test("a malformed JSON body → InvalidResponseError", async () => {
    const server = await mockServer();
    const { core, valid } = client(style, { baseUrl: server.url });
    const error = await rejection(core.send(valid, fault("malformed-json")));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/not valid JSON/);
  });

  test("a slow reply past the timeout → TimeoutError (retried, then given up)", async () => {
    const server = await mockServer({ slowDelayMs: 5000 });
    const { sleep } = recordingSleep();
    const { core, valid } = client(style, { baseUrl: server.url, sleep, timeout: 50, maxRetries: 1 });
    const error = await rejection(core.send(valid, fault("slow")));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(2);
    await until(() => server.requests.every((r) => r.aborted));
  });

  test("a slow reply within the timeout succeeds", async () => {
    const server = await mockServer();
    const { core, valid } = client(style, { baseUrl: server.url, timeout: 2000 });
    await expect(core.send(valid, fault("slow", undefined, { "x-modelspec-fault-delay-ms": "30" }))).resolves.toBeTruthy();
  });

  test("the caller's signal aborts a call in flight → AbortError, not retried", async () => {
    const server = await mockServer({ slowDelayMs: 5000 });
    const { core, valid } = client(style, { baseUrl: server.url });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await rejection(core.send(valid, { ...fault("slow"), signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
  });

  test("the caller's signal aborts a stream mid-way → AbortError", async () => {
    const server = await mockServer({ eventDelayMs: 200 });
    const { core, valid } = client(style, { baseUrl: server.url });
    const controller = new AbortController();
    const error = await rejection(
      (async () => {
        for await (const _ of core.stream(valid, { signal: controller.signal })) controller.abort();
      })(),
    );
    expect(error).toBeInstanceOf(AbortError);
  });
});

test("an already-aborted signal sends nothing", async () => {
  let calls = 0;
  const { core, valid } = client("runware", { fetch: async () => (calls++, new Response("{}")) });
  const controller = new AbortController();
  controller.abort();
  await expect(core.send(valid, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
  await expect(collect(core.stream(valid, { signal: controller.signal }))).rejects.toBeInstanceOf(AbortError);
  expect(calls).toBe(0);
});

test("an abort during the retry wait → AbortError", async () => {
  const server = await mockServer({ retryAfterMs: 5000 });
  const { core, valid } = client("anyfast", { baseUrl: server.url }); // the real sleep
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  await expect(core.send(valid, { ...fault("rate-limit"), signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
  expect(server.requests).toHaveLength(1);
});

test("network errors are retried, then ConnectionError", async () => {
  const gone = await startMockServer({ offerings: f.offerings });
  const url = gone.url;
  await gone.close(); // nothing listens on this port any more
  const { delays, sleep } = recordingSleep();
  const { core, valid } = client("anyfast", { baseUrl: url, sleep, random: () => 0 });
  const error = await rejection(core.send(valid));
  expect(error).toBeInstanceOf(ConnectionError);
  expect(delays).toEqual([500, 1000]);
});

test("fault-count is per server and per fault key", async () => {
  const server = await mockServer();
  const { sleep } = recordingSleep();
  const { core, valid } = client("anyfast", { baseUrl: server.url, sleep, maxRetries: 0 });
  const once = (key: string) => fault("server-error", 1, { "x-modelspec-fault-key": key });
  await expect(core.send(valid, once("a"))).rejects.toBeInstanceOf(InternalServerError);
  await expect(core.send(valid, once("a"))).resolves.toBeTruthy();
  await expect(core.send(valid, once("b"))).rejects.toBeInstanceOf(InternalServerError);
});
