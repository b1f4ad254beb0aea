import { describe, expect, test } from "vitest";
import { inspect } from "node:util";
import { createHttpClient, InsecureTransportError, InvalidRequestError, ModelspecError } from "../../generator/runtime/index.js";
import { startMockServer } from "../../generator/runtime/mock-server.js";
import * as f from "./fixtures.js";
import { client, collect, expectNoKey, mockServer, recordingSleep, rejection, styles } from "./helpers.js";

describe("plain http:// is refused with a key, unless loopback or allowed", () => {
  const fakeFetch = () => {
    const calls: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ id: "r", object: "response" }), { headers: { "content-type": "application/json" } });
    };
    return { calls, fetch };
  };

  test.each(["http://api.example.com", "http://10.0.0.1:8080", "http://128.0.0.1", "http://localhost.example.com"])("%s → InsecureTransportError", (baseUrl) => {
    const { calls, fetch } = fakeFetch();
    expect(() => client("anyfast", { baseUrl, fetch })).toThrow(InsecureTransportError);
    expect(calls).toEqual([]);
  });

  test.each(["http://127.0.0.1:9", "http://127.5.6.7", "http://localhost:8787", "http://[::1]:9", "https://api.example.com"])("%s is allowed", async (baseUrl) => {
    const { calls, fetch } = fakeFetch();
    const { core, valid } = client("anyfast", { baseUrl, fetch });
    await core.send(valid);
    expect(calls).toEqual([`${baseUrl.replace(/\/$/, "")}/v1/responses`]);
  });

  test("allowInsecureHttp: true opts in", async () => {
    const { calls, fetch } = fakeFetch();
    const { core, valid } = client("anyfast", { baseUrl: "http://api.example.com", fetch, allowInsecureHttp: true });
    await core.send(valid);
    expect(calls).toEqual(["http://api.example.com/v1/responses"]);
  });

  test("the message does not carry the key", () => {
    const error = (() => {
      try {
        client("anyfast", { baseUrl: "http://api.example.com" });
      } catch (e) {
        return e;
      }
    })();
    expectNoKey(error);
  });
});

describe.each(styles)("%s: an invalid request is rejected before any network call", (style) => {
  test("send", async () => {
    let calls = 0;
    const { core, invalid, invalidPath } = client(style, { fetch: async () => (calls++, new Response("{}")) });
    const error = await rejection(core.send(invalid));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).issues[0]).toMatchObject({ instancePath: invalidPath });
    expect(error.message).toContain(invalidPath);
    expect(calls).toBe(0);
  });

  test("stream", async () => {
    let calls = 0;
    const { core, invalid } = client(style, { fetch: async () => (calls++, new Response("{}")) });
    await expect(collect(core.stream(invalid))).rejects.toBeInstanceOf(InvalidRequestError);
    expect(calls).toBe(0);
  });

  test("validateRequest: false sends it anyway", async () => {
    let calls = 0;
    const { core, invalid } = client(style, { fetch: async () => (calls++, new Response("{}", { status: 400 })), validateRequest: false });
    await expect(core.send(invalid)).rejects.toMatchObject({ status: 400 });
    expect(calls).toBe(1);
  });
});

describe("the API key never shows in a thrown error", () => {
  test.each(styles)("%s: every failure kind from the mock server", async (style) => {
    const server = await mockServer({ slowDelayMs: 5000 });
    const wrongKeyServer = await mockServer({ apiKey: "the-server-wants-another-key" });
    const { sleep } = recordingSleep();
    const { core, valid, invalid } = client(style, { baseUrl: server.url, sleep, maxRetries: 1 });
    const fault = (kind: string) => ({ headers: { "x-modelspec-fault": kind } });
    const errors = [
      await rejection(client(style, { baseUrl: wrongKeyServer.url }).core.send(valid)),
      await rejection(core.send(invalid)),
      await rejection(core.send(invalid, { validateRequest: false })),
      await rejection(core.send(valid, fault("rate-limit"))),
      await rejection(core.send(valid, fault("server-error"))),
      await rejection(core.send(valid, fault("unavailable"))),
      await rejection(core.send(valid, fault("malformed-json"))),
      await rejection(core.send(valid, { ...fault("slow"), timeout: 20 })),
      await rejection(core.send(valid, { signal: AbortSignal.abort() })),
      await rejection(collect(core.stream(valid, fault("cut-stream")))),
      await rejection(collect(core.stream(valid, fault("stream-error")))),
    ];
    expect(new Set(errors.map((e) => e.name)).size).toBeGreaterThanOrEqual(9);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ModelspecError);
      expectNoKey(error);
    }
  });

  test("a connection failure", async () => {
    const gone = await startMockServer({ offerings: f.offerings });
    await gone.close();
    const { core, valid } = client("runware", { baseUrl: gone.url, maxRetries: 0 });
    expectNoKey(await rejection(core.send(valid)));
  });

  test("a provider that echoes the key back is scrubbed", async () => {
    const echo: typeof fetch = async (_input, init) => {
      const auth = new Headers(init?.headers).get("authorization") ?? "";
      const body = { error: { message: `Incorrect API key provided: ${auth}`, type: "invalid_request_error", code: "invalid_api_key", param: auth } };
      return new Response(JSON.stringify(body), { status: 401, headers: { "content-type": "application/json" } });
    };
    const { core, valid } = client("anyfast", { fetch: echo });
    const error = await rejection(core.send(valid));
    expect(error.message).toContain("[redacted]");
    expectNoKey(error);
  });

  test("a fetch that throws with the key in its message and cause", async () => {
    const leaky: typeof fetch = async (_input, init) => {
      throw new Error(`boom ${JSON.stringify(init?.headers)}`, { cause: new Error(f.API_KEY) });
    };
    const { core, valid } = client("anyfast", { fetch: leaky, maxRetries: 0 });
    expectNoKey(await rejection(core.send(valid)));
  });

  test("the client object itself does not expose it", () => {
    const core = createHttpClient({ provider: "anyfast", transport: f.anyfastRest, errors: f.anyfastErrors }, { apiKey: f.API_KEY });
    expect(JSON.stringify(core) ?? "").not.toContain(f.API_KEY);
    expect(inspect(core, { depth: Infinity, showHidden: true })).not.toContain(f.API_KEY);
  });
});
