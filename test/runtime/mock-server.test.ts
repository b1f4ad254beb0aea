import { describe, expect, test } from "vitest";
import OpenAI from "openai";
import { startMockServer } from "../../generator/runtime/mock-server.js";
import * as f from "./fixtures.js";
import { mockServer } from "./helpers.js";

const auth = { authorization: `Bearer ${f.API_KEY}`, "content-type": "application/json" };
const cloudflarePath = (model: string) => `/client/v4/accounts/${f.ACCOUNT_ID}/ai/run/${model}`;
const post = (url: string, body: unknown, headers: Record<string, string> = auth) =>
  fetch(url, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
const task = (extra: object = {}) => ({
  taskType: "textInference",
  taskUUID: "11111111-2222-4333-8444-555555555555",
  model: f.RUNWARE_MODEL,
  messages: [{ role: "user", content: "Say hello" }],
  ...extra,
});

describe("wire shapes", () => {
  test("Cloudflare: the success envelope, with the model URL-encoded or not", async () => {
    const server = await mockServer();
    for (const model of [f.CLOUDFLARE_MODEL, encodeURIComponent(f.CLOUDFLARE_MODEL)]) {
      const res = await post(server.url + cloudflarePath(model), { messages: [{ role: "user", content: "Say hello" }] });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ result: f.cloudflareOffering.examples[0]!.response, success: true, errors: [], messages: [] });
    }
  });

  test("Cloudflare: an invalid request gets its error envelope, naming the field", async () => {
    const server = await mockServer();
    const res = await post(server.url + cloudflarePath(f.CLOUDFLARE_MODEL), { messages: [{ role: "robot", content: "x" }] });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      result: null,
      success: false,
      errors: [{ code: 400, message: "Invalid parameter 'messages[0].role': must be equal to one of the allowed values" }],
      messages: [],
    });
  });

  test("Runware: results echo the taskUUID; errors carry parameter, taskType and taskUUID", async () => {
    const server = await mockServer();
    const ok = await post(`${server.url}/v1`, [task()]);
    expect(await ok.json()).toEqual({ data: [{ taskType: "textInference", taskUUID: task().taskUUID, text: "Hello!", finishReason: "stop" }] });
    const bad = await post(`${server.url}/v1`, [task({ numberResults: 0 })]);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      errors: [
        {
          code: "invalid_request",
          message: "Invalid parameter 'numberResults': must be >= 1",
          parameter: "numberResults",
          taskType: "textInference",
          taskUUID: task().taskUUID,
        },
      ],
    });
  });

  test("Anyfast: the OpenAI error shape", async () => {
    const server = await mockServer();
    const res = await post(`${server.url}/v1/responses`, { model: f.ANYFAST_MODEL, input: [] });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: "invalid_request", message: "Invalid parameter 'input': must be a non-empty array", type: "invalid_request_error", param: "input" },
    });
  });

  test("a missing or wrong bearer token → 401 in the provider's shape", async () => {
    const server = await mockServer();
    const res = await post(`${server.url}/v1/responses`, { model: f.ANYFAST_MODEL, input: [] }, { "content-type": "application/json" });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { type: "authentication_error", code: "invalid_api_key" } });
    const wrong = await post(`${server.url}/v1`, [task()], { authorization: "Bearer nope" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ errors: [{ code: "invalid_api_key" }] });
  });

  test("any token is accepted when no apiKey is configured", async () => {
    const server = await startMockServer({ offerings: f.offerings });
    try {
      expect((await post(`${server.url}/v1`, [task()], { authorization: "Bearer whatever" })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  test("unknown routes and models, bad JSON, unknown faults", async () => {
    const server = await mockServer();
    expect((await post(`${server.url}/v2`, {})).status).toBe(404);
    expect((await post(server.url + cloudflarePath("@cf/none"), {})).status).toBe(404);
    expect((await fetch(`${server.url}/v1`, { headers: auth })).status).toBe(405);
    expect((await post(`${server.url}/v1`, "{not json")).status).toBe(400);
    expect((await post(`${server.url}/v1`, [task()], { ...auth, "x-modelspec-fault": "explode" })).status).toBe(400);
  });

  test("stream framing: data-only lines and [DONE], or typed event: lines", async () => {
    const server = await mockServer();
    const runware = await (await post(`${server.url}/v1`, [task({ deliveryMethod: "stream" })])).text();
    expect(runware.trim().split("\n\n").at(-1)).toBe("data: [DONE]");
    expect(runware).not.toContain("event:");
    const anyfast = await (await post(`${server.url}/v1/responses`, { model: f.ANYFAST_MODEL, stream: true, input: [{ role: "user", content: "hi" }] })).text();
    expect(anyfast.split("\n\n")[0]).toMatch(/^event: response\.created\ndata: \{/);
    expect(anyfast).not.toContain("[DONE]");
  });

  test("rate-limit sends Retry-After and retry-after-ms", async () => {
    const server = await mockServer();
    const res = await post(`${server.url}/v1`, [task()], { ...auth, "x-modelspec-fault": "rate-limit", "x-modelspec-retry-after-ms": "2500" });
    expect(res.status).toBe(429);
    expect([res.headers.get("retry-after"), res.headers.get("retry-after-ms")]).toEqual(["3", "2500"]);
  });

  test("an offering without examples borrows its provider's others", async () => {
    const bare = { ...f.cloudflareOffering, model: "@cf/openai/gpt-5.4-nano", examples: [] };
    const server = await mockServer({ offerings: [bare, f.cloudflareOffering] });
    const res = await post(server.url + cloudflarePath(bare.model), { messages: [{ role: "user", content: "hi" }] });
    expect(res.status).toBe(200);
    expect((await res.json()).result).toEqual(f.cloudflareOffering.examples[0]!.response);
    const stream = await post(server.url + cloudflarePath(bare.model), { stream: true, messages: [{ role: "user", content: "hi" }] });
    expect(await stream.text()).toContain("data: [DONE]");
    const alone = await mockServer({ offerings: [bare] });
    expect((await post(alone.url + cloudflarePath(bare.model), { messages: [{ role: "user", content: "hi" }] })).status).toBe(501);
  });

  test("an example that fails the response validator is reported, not served", async () => {
    const broken = { ...f.anyfastOffering, examples: [{ request: {}, response: { object: "not-a-response" } }] };
    const server = await mockServer({ offerings: [broken] });
    const res = await post(`${server.url}/v1/responses`, { model: f.ANYFAST_MODEL, input: [{ role: "user", content: "hi" }] });
    expect(res.status).toBe(500);
    expect((await res.json()).error.message).toMatch(/fails the response validator/);
  });
});

describe("close()", () => {
  test("ends open connections and timers, and frees the port", async () => {
    const server = await startMockServer({ apiKey: f.API_KEY, offerings: f.offerings, slowDelayMs: 60_000 });
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const pending = post(`${server.url}/v1`, [task()], { ...auth, "x-modelspec-fault": "slow" }).then(
      (r) => r.text(),
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 30));
    await server.close();
    expect(await pending).toBeInstanceOf(Error); // the held request was cut, not left hanging
    expect(process.getActiveResourcesInfo().filter((r) => r === "Timeout").length).toBeLessThanOrEqual(timersBefore);
    await expect(post(`${server.url}/v1`, [task()])).rejects.toThrow();
    await server.close(); // idempotent
  });
});

describe("the official openai SDK against the mock", () => {
  const withDone = { ...f.anyfastOffering, transports: [{ ...f.anyfastRest, streaming: { ...f.anyfastRest.streaming, doneSentinel: "[DONE]" } }] };
  test.each([
    ["without a [DONE] line", f.anyfastOffering],
    ["with a [DONE] line", withDone],
  ])("responses.create, plain and streaming, parse unchanged (%s)", async (_, offering) => {
    const server = await mockServer({ offerings: [offering] });
    const sdk = new OpenAI({ apiKey: f.API_KEY, baseURL: `${server.url}/v1`, maxRetries: 0 });
    const input = [{ role: "user" as const, content: "Say hello" }];
    const response = await sdk.responses.create({ model: f.ANYFAST_MODEL, input });
    expect(response.output_text).toBe("Hello!");
    const types: string[] = [];
    const stream = await sdk.responses.create({ model: f.ANYFAST_MODEL, input, stream: true });
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual(["response.created", "response.output_text.delta", "response.output_text.delta", "response.completed"]);
    await expect(sdk.responses.create({ model: f.ANYFAST_MODEL, input: [] })).rejects.toMatchObject({ status: 400, param: "input" });
  });
});
