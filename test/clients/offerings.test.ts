/**
 * Every offering of the generated registry, over every transport of its provider, against the
 * generated mock server: a sixth offering is tested here without a line of new test code.
 */
import { describe, expect, test } from "vitest";
import {
  AbortError,
  ApiError,
  BadRequestError,
  BindingError,
  ConnectionError,
  InternalServerError,
  InvalidRequestError,
  InvalidResponseError,
  RateLimitError,
  StreamEndedEarlyError,
  StreamError,
  TimeoutError,
} from "../../generated/index.js";
import { offerings, providers as registry } from "../../generated/offerings.js";
import { MOCK_FAULTS, startMockProviders, type MockFault } from "../../generated/mock/index.js";
import { collect, fakeAi, mock, modelFields, recordingSleep, rejection, targets, until, type Target } from "./harness.js";

const http = targets.filter((t) => t.http);

/** The items a `create` result holds: several for a data-array transport, else the one result. */
const items = (t: Target, result: unknown): unknown[] =>
  t.transport.kind === "http" && t.transport.responseBody.kind === "data-array" ? (result as unknown[]) : [result];

test("the registry yields a target for every offering and transport", () => {
  expect(new Set(targets.map((t) => t.offering.id))).toEqual(new Set(Object.keys(offerings)));
  for (const t of targets) expect(t.offering.validators.request(onTheWire(t, t.valid)), `${t.name}: the example request`).toBe(true);
  for (const t of targets) expect(t.offering.validators.request(onTheWire(t, t.invalid)), `${t.name}: the broken request`).toBe(false);
});

describe.each(targets)("$name", (t) => {
  test("plain call: a typed result that passes the generated response validator, naming the model asked for", async () => {
    const server = await mock();
    const result = await t.client(server).create(t.valid);
    const got = items(t, result);
    expect(got.length).toBeGreaterThan(0);
    for (const item of got) expect(t.offering.validators.response(item), JSON.stringify(t.offering.validators.response.errors)).toBe(true);
    expect(server.requests).toMatchObject([{ offering: `${t.offering.provider}/${t.offering.model}`, status: 200, aborted: false }]);
    expectNamesOnly(t, got);
  });

  test.runIf(t.streams)("streaming: every event passes the stream validator and the terminal event is reached", async () => {
    const server = await mock();
    const events = await collect(t.client(server).stream!(t.valid, { validateResponse: true }));
    expect(events.length).toBeGreaterThan(1);
    for (const event of events) expect(t.streamValidator!(event)).toBe(true);
    const terminal = t.transport.streaming?.terminalEventTypes ?? [];
    if (terminal.length > 0) expect(terminal).toContain((events.at(-1) as { type?: string }).type);
    // The client read up to the done sentinel or terminal event: the server finished the reply.
    expect(server.requests).toMatchObject([{ stream: true, status: 200, aborted: false }]);
    expectNamesOnly(t, events);
  });

  test("an invalid request is rejected before any network call, naming the field; validateRequest: false sends it", async () => {
    const server = await mock();
    const binding = fakeAi(server, registry[t.offering.provider].transports);
    const client = t.client(server, t.http ? {} : { binding });
    const error = await rejection(client.create(t.invalid));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toContain(`/${t.invalidField}`);
    if (t.streams) await expect(collect(client.stream!(t.invalid))).rejects.toBeInstanceOf(InvalidRequestError);
    expect(server.requests).toEqual([]);
    expect(binding.calls).toEqual([]);

    // The server's own check then answers in the provider's error shape, naming the same field.
    const sent = await rejection(client.create(t.invalid, { validateRequest: false }));
    expect(sent).toBeInstanceOf(t.http ? BadRequestError : BindingError);
    expect(sent.message).toContain(t.invalidField);
    expect(server.requests).toHaveLength(1);
  });

  test("response validation is off by default and on when asked", async () => {
    const server = await mock();
    const wrong = corrupting(t);
    const client = t.client(server, t.http ? { fetch: wrong.fetch } : { binding: wrong.binding(server) });
    const result = await client.create(t.valid);
    expect(items(t, result).some((item) => !t.offering.validators.response(item))).toBe(true);
    const error = await rejection(client.create(t.valid, { validateResponse: true }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).issues.length).toBeGreaterThan(0);
    if (t.streams) {
      await expect(collect(client.stream!(t.valid))).resolves.not.toHaveLength(0);
      await expect(collect(client.stream!(t.valid, { validateResponse: true }))).rejects.toBeInstanceOf(InvalidResponseError);
    }
  });

  describe("fault hooks", () => {
    /** What each fault must become; a fault the mock learns without a row here fails the next test. */
    const expected: Record<MockFault, { send?: (e: Error) => void; stream?: (e: Error, seen: number) => void }> = {
      "rate-limit": {
        send: (e) => expect(e).toBeInstanceOf(t.http ? RateLimitError : BindingError),
        stream: (e) => expect(e).toBeInstanceOf(t.http ? RateLimitError : BindingError),
      },
      "server-error": { send: (e) => expect(e).toMatchObject(t.http ? { status: 500 } : { name: "BindingError" }) },
      unavailable: { send: (e) => expect(e).toMatchObject(t.http ? { status: 503, name: "InternalServerError" } : { name: "BindingError" }) },
      slow: { send: (e) => expect(e).toBeInstanceOf(TimeoutError), stream: (e) => expect(e).toBeInstanceOf(TimeoutError) },
      "cut-stream": {
        stream: (e, seen) => {
          expect(e).toBeInstanceOf(StreamEndedEarlyError);
          expect(seen).toBeGreaterThan(0);
        },
      },
      // Over the binding the platform parses the body itself, so a malformed body is the binding's throw.
      "malformed-json": {
        send: (e) => expect(e).toBeInstanceOf(t.http ? InvalidResponseError : BindingError),
        stream: (e) => expect(e).toBeInstanceOf(InvalidResponseError),
      },
      // A spec that declares no error event for its stream gives the mock nothing to send: the stream breaks off.
      "stream-error": {
        stream: (e, seen) => {
          if (declaresStreamErrors(t)) {
            expect(e).toBeInstanceOf(StreamError);
            expect(e).toMatchObject({ providerMessage: "The model failed mid-stream", code: expect.anything() });
          } else expect(e).toBeInstanceOf(StreamEndedEarlyError);
          expect(seen).toBeGreaterThan(0);
        },
      },
      "task-error": {
        send: (e) =>
          expect(e).toMatchObject(
            t.http ? { name: "ApiError", status: 200, providerMessage: "The model failed to complete the task" } : { name: "BindingError" },
          ),
        stream: (e) => expect(e).toBeInstanceOf(t.http ? ApiError : BindingError),
      },
    };

    test("every fault the mock offers has an expectation here", () => {
      expect(Object.keys(expected).sort()).toEqual([...MOCK_FAULTS].sort());
    });

    // No retries, so each fault is seen as it is; a timeout only where the fault is a slow reply (a
    // second, far below the mock's delay, and long enough for the request to reach a busy server).
    const calls = (fault: MockFault) => ({ ...(t.http && { maxRetries: 0 }), ...(fault === "slow" && { timeout: 1000 }) });
    test.each(MOCK_FAULTS.filter((f) => expected[f].send))("%s (plain call)", async (fault) => {
      const server = await mock({ slowDelayMs: 60_000 });
      const error = await rejection(t.client(server).create(t.valid, { ...calls(fault), ...t.hooks({ "x-modelspec-fault": fault }) }));
      expected[fault].send!(error);
      if (t.http && error instanceof ApiError) expect(error.requestId).toMatch(/^req_mock_\d+$/);
      await server.idle();
      expect(server.requests).toHaveLength(1);
    });

    const streamFaults = t.streams ? MOCK_FAULTS.filter((f) => expected[f].stream) : [];
    if (streamFaults.length > 0)
      test.each(streamFaults)("%s (stream)", async (fault) => {
        const client = t.client(await mock({ slowDelayMs: 60_000 }));
        let seen = 0;
        const error = await rejection(
          (async () => {
            for await (const _ of client.stream!(t.valid, { ...calls(fault), ...t.hooks({ "x-modelspec-fault": fault }) })) seen++;
          })(),
        );
        expected[fault].stream!(error, seen);
        if (t.http && (error instanceof StreamError || error instanceof StreamEndedEarlyError)) expect(error.requestId).toMatch(/^req_mock_\d+$/);
      });
  });

  test.runIf(t.streams)("breaking out of for-await cancels the request: the server sees the connection closed", async () => {
    const server = await mock();
    const client = t.client(server);
    for await (const event of client.stream!(t.valid, t.hooks({ "x-modelspec-event-delay-ms": "60000" }))) {
      expect(event).toBeTruthy();
      break;
    }
    await server.idle();
    expect(server.requests).toMatchObject([{ stream: true, aborted: true }]);
  });

  test("timeout: a slow reply past the timeout is a TimeoutError and the request is cut", async () => {
    const server = await mock({ slowDelayMs: 60_000 });
    // Long enough for the request to reach the server on a loaded machine (so it can be seen cut), far below the 60 s delay.
    const error = await rejection(t.client(server).create(t.valid, { timeout: 1000, maxRetries: 0, ...t.hooks({ "x-modelspec-fault": "slow" }) }));
    expect(error).toBeInstanceOf(TimeoutError);
    await server.idle();
    expect(server.requests).toMatchObject([{ fault: "slow", aborted: true }]);
    // Within the timeout, the slow reply arrives.
    await expect(
      t.client(server).create(t.valid, { timeout: 60_000, ...t.hooks({ "x-modelspec-fault": "slow", "x-modelspec-fault-delay-ms": "20" }) }),
    ).resolves.toBeTruthy();
  });

  test("AbortSignal: in flight, mid-stream and already aborted", async () => {
    const server = await mock({ slowDelayMs: 60_000 });
    const client = t.client(server);
    const controller = new AbortController();
    const pending = rejection(client.create(t.valid, { signal: controller.signal, ...t.hooks({ "x-modelspec-fault": "slow" }) }));
    await until(() => server.requests.length === 1, "the request reached the server");
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
    await server.idle();
    expect(server.requests).toMatchObject([{ aborted: true }]);

    if (t.streams) {
      const midway = new AbortController();
      const error = await rejection(
        (async () => {
          for await (const _ of client.stream!(t.valid, { signal: midway.signal, ...t.hooks({ "x-modelspec-event-delay-ms": "60000" }) }))
            midway.abort();
        })(),
      );
      expect(error).toBeInstanceOf(AbortError);
    }

    const before = server.requests.length;
    await expect(client.create(t.valid, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(before);
  });
});

describe.each(http)("$name: retries", (t) => {
  const retried = (status: number) => (t.retryStatuses ? t.retryStatuses.includes(status) : [408, 409, 429].includes(status) || status >= 500);

  test("429 twice, then success: three requests, each wait what retry-after-ms asked", async () => {
    const server = await mock({ retryAfterMs: 1234 });
    const { delays, sleep } = recordingSleep();
    await t.client(server, { sleep }).create(t.valid, t.hooks({ "x-modelspec-fault": "rate-limit", "x-modelspec-fault-count": "2" }));
    expect(server.requests.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(delays).toEqual([1234, 1234]);
  });

  test.each([
    ["seconds", () => "3", (ms: number) => expect(ms).toBe(3000)],
    [
      "an HTTP date",
      () => new Date(Date.now() + 30_000).toUTCString(), // whole seconds: 29–30 s from now
      (ms: number) => {
        expect(ms).toBeGreaterThan(25_000);
        expect(ms).toBeLessThanOrEqual(30_000);
      },
    ],
  ])("Retry-After as %s is honoured", async (_, value, check) => {
    const server = await mock();
    const { delays, sleep } = recordingSleep();
    await t
      .client(server, { sleep })
      .create(t.valid, t.hooks({ "x-modelspec-fault": "rate-limit", "x-modelspec-fault-count": "1", "x-modelspec-retry-after": value() }));
    expect(delays).toHaveLength(1);
    check(delays[0]!);
  });

  test("500 once, then success: exponential backoff from 0.5 s with up to 25% jitter", async () => {
    const server = await mock();
    const { delays, sleep } = recordingSleep();
    const call = t
      .client(server, { sleep, random: () => 1 })
      .create(t.valid, t.hooks({ "x-modelspec-fault": "server-error", "x-modelspec-fault-count": "1" }));
    if (!retried(500)) {
      await expect(call).rejects.toBeInstanceOf(InternalServerError);
      return;
    }
    await call;
    expect(server.requests.map((r) => r.status)).toEqual([500, 200]);
    expect(delays).toEqual([375]);
  });

  test("503 every time: maxRetries + 1 requests, doubling waits, then InternalServerError", async () => {
    const server = await mock();
    const { delays, sleep } = recordingSleep();
    const error = await rejection(
      t.client(server, { sleep, random: () => 0, maxRetries: 3 }).create(t.valid, t.hooks({ "x-modelspec-fault": "unavailable" })),
    );
    expect(error).toMatchObject({ name: "InternalServerError", status: 503 });
    expect(server.requests).toHaveLength(retried(503) ? 4 : 1);
    expect(delays).toEqual(retried(503) ? [500, 1000, 2000] : []);
  });

  test("maxRetries: 0 gives up at once; a stream is retried before its first event", async () => {
    const server = await mock();
    const { sleep } = recordingSleep();
    const client = t.client(server, { sleep, maxRetries: 0 });
    await expect(client.create(t.valid, t.hooks({ "x-modelspec-fault": "rate-limit" }))).rejects.toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(1);
    if (!t.streams) return;
    const events = await collect(
      client.stream!(t.valid, {
        maxRetries: 1,
        ...t.hooks({ "x-modelspec-fault": "rate-limit", "x-modelspec-fault-count": "1", "x-modelspec-fault-key": "stream" }),
      }),
    );
    expect(events.length).toBeGreaterThan(0);
    expect(server.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  test("network errors are retried, then ConnectionError", async () => {
    const gone = await startMockProviders();
    await gone.close(); // nothing listens on this port any more
    const { delays, sleep } = recordingSleep();
    const error = await rejection(t.client(gone, { sleep, random: () => 0 }).create(t.valid));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(delays).toEqual([500, 1000]);
  });

  test("an abort during the wait between retries is an AbortError", async () => {
    const server = await mock();
    const controller = new AbortController();
    const sleep = async () => {
      controller.abort();
      controller.signal.throwIfAborted(); // an injected sleep rejecting with its own error
    };
    const error = await rejection(
      t.client(server, { sleep }).create(t.valid, { signal: controller.signal, ...t.hooks({ "x-modelspec-fault": "rate-limit" }) }),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
  });

  test("the wait between retries is given the call's signal: aborting it ends the wait", async () => {
    const server = await mock();
    const controller = new AbortController();
    const given: (AbortSignal | undefined)[] = [];
    // A sleep that ends only when the signal it was given aborts (no signal: it fails at once).
    const sleep = (_ms: number, signal?: AbortSignal) =>
      new Promise<void>((_resolve, reject) => {
        given.push(signal);
        if (!signal) return reject(new Error("the wait was given no signal"));
        signal.addEventListener("abort", () => reject(signal.reason), { once: true });
        setTimeout(() => controller.abort(), 5);
      });
    const error = await rejection(
      t.client(server, { sleep }).create(t.valid, { signal: controller.signal, ...t.hooks({ "x-modelspec-fault": "rate-limit" }) }),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(given).toEqual([controller.signal]);
    expect(server.requests).toHaveLength(1);
  });
});

/** `model` fields name only the offering asked for; `id`s do not name a sibling. */
function expectNamesOnly(t: Target, answers: unknown[]): void {
  for (const model of modelFields(answers)) expect(model).toBe(t.offering.model);
  const spell = (model: string) => {
    const name = model.split(/[/:@]/).at(-1)!;
    return [name, name.replace(/\./g, "-")];
  };
  const own = spell(t.offering.model);
  const siblings = Object.values(offerings)
    .filter((o) => o.provider === t.offering.provider && o.id !== t.offering.id)
    .flatMap((o) => spell(o.model));
  const ids = JSON.stringify(answers).match(/"id":"[^"]*"/g) ?? [];
  for (const id of ids) {
    const rest = own.reduce((text, name) => text.split(name).join(""), id);
    for (const sibling of siblings) expect(rest, `${id} names ${sibling}`).not.toContain(sibling);
  }
}

/**
 * Answers that fail the response validators: the mock's reply with every value of each result
 * item (and stream event) replaced by one of the wrong type. Keeps the task UUID (the client files
 * results by it) and an event's `type` (it ends the stream).
 */
function corrupting(t: Target) {
  const keep = new Set([
    "type",
    t.transport.kind === "http" && t.transport.requestBody.kind === "task-array" ? t.transport.requestBody.uuidField : "type",
  ]);
  const wrongType = (value: unknown) => (typeof value === "string" ? 12345 : "wrong type");
  const corrupt = (item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).map(([k, v]) => [k, keep.has(k) ? v : wrongType(v)]))
      : item;
  const sse = (text: string) => text.replace(/^data: (\{.*\})$/gm, (_, json: string) => `data: ${JSON.stringify(corrupt(JSON.parse(json)))}`);
  const body = (json: Record<string, unknown>) => {
    if (t.transport.kind !== "http") return json;
    const shape = t.transport.responseBody;
    if (shape.kind === "envelope") return { ...json, [shape.result]: corrupt(json[shape.result]) };
    if (shape.kind === "data-array") return { ...json, [shape.data]: (json[shape.data] as unknown[]).map(corrupt) };
    return corrupt(json) as Record<string, unknown>;
  };
  return {
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetch(input, init);
      const text = await response.text();
      const streamed = (response.headers.get("content-type") ?? "").includes("text/event-stream");
      return new Response(streamed ? sse(text) : JSON.stringify(body(JSON.parse(text))), { status: response.status, headers: response.headers });
    },
    binding(server: Parameters<Target["client"]>[0]) {
      const real = fakeAi(server, registry[t.offering.provider].transports);
      return {
        ...real,
        async run(model: string, inputs: Record<string, unknown>, options?: object) {
          const output = await real.run(model, inputs, options);
          if (!(output instanceof ReadableStream)) return corrupt(output);
          return new Response(output).text().then((text) => new Response(sse(text)).body!);
        },
      };
    },
  };
}

/** A request as the client sends it: with a task UUID where the transport has one. */
function onTheWire(t: Target, request: Record<string, unknown>): Record<string, unknown> {
  const body = t.transport.kind === "http" ? t.transport.requestBody : undefined;
  return body?.kind === "task-array" ? { ...request, [body.uuidField]: crypto.randomUUID() } : request;
}

function declaresStreamErrors(t: Target): boolean {
  const s = t.transport.streaming;
  return s !== undefined && ((s.errorEventTypes?.length ?? 0) > 0 || s.errorField !== undefined);
}
