import { describe, expect, test } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  createHttpClient,
  InvalidResponseError,
  NotFoundError,
  type Validator,
} from "../../generator/runtime/index.js";
import * as f from "./fixtures.js";
import { client, collect, mockServer, recordingSleep, rejection, styles } from "./helpers.js";

describe("plain calls", () => {
  test.each([
    ["cloudflare", (r: any) => expect(r.choices[0].message.content).toBe("Hello!")],
    ["runware", (r: any) => expect(r).toEqual([expect.objectContaining({ text: "Hello!", taskType: "textInference" })])],
    ["anyfast", (r: any) => expect(r).toMatchObject({ object: "response", status: "completed" })],
  ] as const)("%s returns the unwrapped result", async (style, check) => {
    const server = await mockServer();
    const { core, valid } = client(style, { baseUrl: server.url });
    check(await core.send(valid, { validateResponse: true }));
    expect(server.requests).toHaveLength(1);
  });

  test("Cloudflare: the account id and the model fill the path", async () => {
    const server = await mockServer();
    const { core, valid } = client("cloudflare", { baseUrl: server.url });
    await core.send(valid);
    expect(server.requests[0]!.path).toBe(`/client/v4/accounts/${f.ACCOUNT_ID}/ai/run/@cf/openai/gpt-5.4-mini`);
  });

  test("path params may also come from pathParams", async () => {
    const server = await mockServer();
    const core = createHttpClient(
      { provider: "cloudflare", transport: f.cloudflareRest, errors: f.cloudflareErrors },
      { apiKey: f.API_KEY, baseUrl: server.url, pathParams: { accountId: "other" } },
    );
    await core.send({ model: f.CLOUDFLARE_MODEL, request: { messages: [{ role: "user", content: "hi" }] } });
    expect(server.requests[0]!.path).toContain("/accounts/other/");
  });

  test("a missing path param or key is a ConfigurationError at creation", () => {
    const descriptor = { provider: "cloudflare", transport: f.cloudflareRest, errors: f.cloudflareErrors };
    expect(() => createHttpClient(descriptor, { apiKey: f.API_KEY })).toThrow(/accountId option is required/);
    expect(() => createHttpClient(descriptor, { accountId: "a" } as never)).toThrow(ConfigurationError);
    expect(() => createHttpClient(descriptor, { token: f.API_KEY, accountId: "a" } as never)).not.toThrow();
  });

  test("Runware: fills the fixed fields and a fresh taskUUID, sends one task, keeps its results", async () => {
    const seen: unknown[] = [];
    const server = await mockServer();
    const spy: typeof fetch = async (input, init) => {
      seen.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    const { core, op } = client("runware", { baseUrl: server.url, fetch: spy });
    const first = await core.send<{ taskUUID: string }[]>(op({ messages: [{ role: "user", content: "Say hello" }] }));
    const second = await core.send<{ taskUUID: string }[]>(op({ messages: [{ role: "user", content: "Say hello" }] }));
    expect(seen[0]).toEqual([
      { taskType: "textInference", model: f.RUNWARE_MODEL, taskUUID: first[0]!.taskUUID, messages: [{ role: "user", content: "Say hello" }] },
    ]);
    expect(first[0]!.taskUUID).not.toBe(second[0]!.taskUUID);
  });

  test("Runware: a caller's taskUUID is kept; numberResults > 1 returns every result", async () => {
    const server = await mockServer();
    const { core, op } = client("runware", { baseUrl: server.url });
    const taskUUID = "11111111-2222-4333-8444-555555555555";
    const results = await core.send<{ taskUUID: string; text: string }[]>(
      op({ taskUUID, numberResults: 2, messages: [{ role: "user", content: "Two greetings" }] }),
    );
    expect(results.map((r) => [r.taskUUID, r.text])).toEqual([
      [taskUUID, "Hello!"],
      [taskUUID, "Hi!"],
    ]);
  });

  test("Runware async delivery polls getResponse with the descriptor's backoff", async () => {
    const server = await mockServer();
    const { delays, sleep } = recordingSleep();
    const { core, op } = client("runware", { baseUrl: server.url, sleep });
    const results = await core.send<{ status: string; text: string }[]>(op({ deliveryMethod: "async", messages: [{ role: "user", content: "Say hello" }] }));
    expect(results).toEqual([expect.objectContaining({ status: "success", text: "Hello!" })]);
    expect(server.requests).toHaveLength(3); // acknowledge, processing, success
    expect(delays).toEqual([1000, 1500]);
  });

  test("Runware async delivery gives up at the poll deadline", async () => {
    const server = await mockServer();
    const { sleep } = recordingSleep();
    const { core, op } = client("runware", { baseUrl: server.url, sleep });
    const error = await rejection(core.send(op({ deliveryMethod: "async", messages: [{ role: "user", content: "Say hello" }] }), { pollTimeout: 2000 }));
    expect(error.name).toBe("TimeoutError");
    expect(server.requests).toHaveLength(2); // waited 1000 ms, polled once, 1000 + 1500 > 2000
  });

  test("the fixed fields win over the caller's", async () => {
    const server = await mockServer();
    const { core, op } = client("anyfast", { baseUrl: server.url });
    await expect(core.send(op({ model: "gpt-4", input: [{ role: "user", content: "hi" }] }))).resolves.toMatchObject({ object: "response" });
  });

  test("send() refuses a request that switches streaming on", async () => {
    const { core, op } = client("anyfast", { fetch: () => Promise.reject(new Error("no network")) });
    await expect(core.send(op({ stream: true, input: [{ role: "user", content: "hi" }] }))).rejects.toThrow(/call stream\(\) instead/);
  });
});

describe("streaming", () => {
  test.each([
    ["cloudflare", 4, (e: any) => e.choices[0].delta.content],
    ["runware", 3, (e: any) => e.delta.text],
    ["anyfast", 4, (e: any) => e.delta ?? ""],
  ] as const)("%s yields every event up to the end", async (style, count, text) => {
    const server = await mockServer();
    const { core, valid } = client(style, { baseUrl: server.url });
    const events = await collect(core.stream<any>(valid, { validateResponse: true }));
    expect(events).toHaveLength(count);
    expect(events.map(text).join("")).toBe("Hello!");
    expect(server.requests[0]!.stream).toBe(true);
  });

  test("stream() sets the transport's switch itself", async () => {
    const bodies: unknown[] = [];
    const server = await mockServer();
    const spy: typeof fetch = async (input, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    for (const style of styles) await collect(client(style, { baseUrl: server.url, fetch: spy }).core.stream(client(style).valid));
    expect(bodies).toEqual([
      expect.objectContaining({ stream: true }),
      [expect.objectContaining({ deliveryMethod: "stream", taskUUID: expect.any(String) })],
      expect.objectContaining({ stream: true, model: f.ANYFAST_MODEL }),
    ]);
  });

  test("Runware stream events echo the task UUID", async () => {
    const server = await mockServer();
    const { core, op } = client("runware", { baseUrl: server.url });
    const taskUUID = "11111111-2222-4333-8444-555555555555";
    const events = await collect(core.stream<{ taskUUID: string }>(op({ taskUUID, messages: [{ role: "user", content: "hi" }] })));
    expect(new Set(events.map((e) => e.taskUUID))).toEqual(new Set([taskUUID]));
  });

  test("a stream is lazy: nothing is sent until iteration", async () => {
    const server = await mockServer();
    const { core, valid } = client("anyfast", { baseUrl: server.url });
    const stream = core.stream(valid);
    expect(server.requests).toHaveLength(0);
    await collect(stream);
    expect(server.requests).toHaveLength(1);
  });

  test("an Anyfast `[DONE]` after response.completed is accepted", async () => {
    const sse = [
      `event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":"Hi"}\n\n`,
      `event: response.completed\ndata: {"type":"response.completed","response":{}}\n\n`,
      `data: [DONE]\n\n`,
    ].join("");
    const fake: typeof fetch = async () => new Response(sse, { headers: { "content-type": "text/event-stream" } });
    const { core, valid } = client("anyfast", { fetch: fake });
    expect((await collect(core.stream<{ type: string }>(valid))).map((e) => e.type)).toEqual(["response.output_text.delta", "response.completed"]);
  });
});

describe("provider errors become typed errors", () => {
  test.each([
    ["cloudflare", 400, undefined],
    ["runware", "invalid_request", "messages[0].role"],
    ["anyfast", "invalid_request", "input"],
  ] as const)("%s: the server's own invalid-request envelope → BadRequestError", async (style, code, parameter) => {
    const server = await mockServer();
    const { core, invalid } = client(style, { baseUrl: server.url });
    const error = await rejection(core.send(invalid, { validateRequest: false }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code, parameter, requestId: expect.stringMatching(/^req_mock_/) });
    expect(error.message).toMatch(/Invalid parameter '(messages\[0\]\.role|input)'/);
  });

  test("a wrong key → AuthenticationError", async () => {
    const server = await mockServer({ apiKey: "another-key" });
    for (const style of styles) {
      const { core, valid } = client(style, { baseUrl: server.url });
      await expect(core.send(valid)).rejects.toBeInstanceOf(AuthenticationError);
    }
  });

  test("an unknown model → NotFoundError", async () => {
    const server = await mockServer();
    const { core, op } = client("cloudflare", { baseUrl: server.url });
    const error = await rejection(core.send({ ...op({ messages: [{ role: "user", content: "hi" }] }), model: "@cf/nope" }));
    expect(error).toBeInstanceOf(NotFoundError);
  });

  test("an envelope with success: false in a 200 is still an error", async () => {
    const body = { result: null, success: false, errors: [{ code: 3040, message: "Capacity temporarily exceeded" }], messages: [] };
    const fake: typeof fetch = async () => new Response(JSON.stringify(body), { headers: { "content-type": "application/json", "cf-ray": "ray-1" } });
    const { core, valid } = client("cloudflare", { fetch: fake });
    expect(await rejection(core.send(valid))).toMatchObject({ name: "ApiError", status: 200, code: 3040, requestId: "ray-1" });
  });
});

describe("response validation (off by default)", () => {
  const rejectAll: Validator = Object.assign(() => false, { errors: [{ instancePath: "/text", message: "must be string" }] });

  test("results are checked when validateResponse is on", async () => {
    const server = await mockServer();
    const { core, valid } = client("runware", { baseUrl: server.url });
    const op = { ...valid, validators: { ...valid.validators, response: rejectAll } };
    await expect(core.send(op)).resolves.toHaveLength(1);
    const error = await rejection(core.send(op, { validateResponse: true }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ issues: [{ instancePath: "/text" }] });
  });

  test("stream events are checked when validateResponse is on", async () => {
    const server = await mockServer();
    const { core, valid } = client("cloudflare", { baseUrl: server.url, validateResponse: true });
    const op = { ...valid, validators: { ...valid.validators, stream: rejectAll } };
    await expect(collect(core.stream(op))).rejects.toBeInstanceOf(InvalidResponseError);
  });
});
