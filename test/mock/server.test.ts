/**
 * The mock server's own rules, on raw HTTP, with offerings taken from the generated registry (some
 * altered on purpose: an offering without examples, a broken example). What the generated clients
 * make of its answers is test/clients/.
 */
import { afterEach, describe, expect, test } from "vitest";
import { offerings } from "../../generated/offerings.js";
import {
  MOCK_FAULTS,
  mockOffering as packageOffering,
  startMockServer,
  type MockOffering,
  type MockServer,
  type MockServerOptions,
} from "../../generated/mock/index.js";

const KEY = "sk-mock-server-test";
const ACCOUNT = "acct-1";

/** A generated offering in the mock's shape (as startMockProviders serves it), with changes. */
function mockOffering(id: keyof typeof offerings, change: Partial<MockOffering> = {}): MockOffering {
  return { ...packageOffering(id), ...change };
}
const all = (Object.keys(offerings) as (keyof typeof offerings)[]).map((id) => mockOffering(id));

const open: MockServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});
async function serve(options: Partial<MockServerOptions> = {}) {
  const server = await startMockServer({ apiKey: KEY, offerings: all, ...options });
  open.push(server);
  return server;
}

const auth = { authorization: `Bearer ${KEY}`, "content-type": "application/json" };
const post = (url: string, body: unknown, headers: Record<string, string> = auth) =>
  fetch(url, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
const cloudflare = (model: string) => `/client/v4/accounts/${ACCOUNT}/ai/run/${model}`;
const hello = { messages: [{ role: "user", content: "Say hello" }] };
const task = (extra: object = {}) => [
  { taskType: "textInference", taskUUID: "11111111-2222-4333-8444-555555555555", model: offerings["runware/gpt-5.4-mini"].model, ...hello, ...extra },
];

describe("wire shapes", () => {
  test("Cloudflare: the success envelope, whether the model's slash is URL-encoded or not", async () => {
    const server = await serve();
    const model = offerings["cloudflare/gpt-5.4"].model;
    const bodies = [];
    for (const path of [cloudflare(model), cloudflare(encodeURIComponent(model))]) {
      const res = await post(server.url + path, hello);
      expect(res.status).toBe(200);
      bodies.push(await res.json());
    }
    expect(bodies[0]).toEqual(bodies[1]);
    expect(bodies[0]).toEqual({ result: expect.objectContaining({ model }), success: true, errors: [], messages: [] });
  });

  test("Runware: errors carry code, message, parameter, taskType and taskUUID", async () => {
    const server = await serve();
    const res = await post(`${server.url}/v1`, task({ numberResults: 0 }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errors: [
        {
          code: "invalid_request",
          message: "Invalid parameter 'numberResults': must be >= 1",
          parameter: "numberResults",
          taskType: "textInference",
          taskUUID: task()[0]!.taskUUID,
        },
      ],
    });
  });

  test("a value outside an enum: the message lists the allowed values", async () => {
    const server = await serve();
    const res = await post(`${server.url}/v1`, task({ deliveryMethod: "pigeon" }));
    const message = ((await res.json()) as { errors: { message: string }[] }).errors[0]!.message;
    expect(message).toMatch(/^Invalid parameter 'deliveryMethod': must be equal to one of the allowed values \(("\w+", )+"\w+"\)$/);
    expect(message).toContain('"stream"');
  });

  test("Anyfast: OpenAI's error shape", async () => {
    const server = await serve();
    const res = await post(`${server.url}/v1/responses`, { model: offerings["anyfast/gpt-5.4-mini"].model, input: [] });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: "invalid_request",
        message: expect.stringMatching(/^Invalid parameter 'input': /),
        type: "invalid_request_error",
        param: "input",
      },
    });
  });

  test("a missing or wrong bearer token → 401 in the provider's shape; any token when no apiKey is set", async () => {
    const server = await serve();
    const res = await post(`${server.url}/v1/responses`, {}, { "content-type": "application/json" });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { type: "authentication_error", code: "invalid_api_key" } });
    const wrong = await post(`${server.url}/v1`, task(), { authorization: "Bearer nope" });
    expect(await wrong.json()).toMatchObject({ errors: [{ code: "invalid_api_key" }] });
    const open = await serve({ apiKey: undefined });
    expect((await post(`${open.url}/v1`, task(), { authorization: "Bearer whatever" })).status).toBe(200);
  });

  test("unknown routes and models, GET, bad JSON, unknown faults", async () => {
    const server = await serve();
    expect((await post(`${server.url}/v2`, {})).status).toBe(404);
    const unknown = await post(server.url + cloudflare("@cf/none"), hello);
    const said = (await unknown.json()) as { success: boolean; errors: { message: string }[] };
    expect([unknown.status, said.success]).toEqual([404, false]);
    // Every Cloudflare offering of the registry shares this route: the list is theirs, sorted.
    const served = all.filter((o) => o.provider === "cloudflare").map((o) => JSON.stringify(o.model));
    expect(served.length).toBeGreaterThan(1);
    expect(said.errors[0]!.message).toBe(`No such model "@cf/none" on this route; it serves ${served.sort().join(", ")}`);
    const other = await post(`${server.url}/v1`, [{ ...task()[0], model: "openai:gpt@9" }]);
    expect(((await other.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      // A route with one offering takes every request as that offering's, so the model is a parameter error naming the served id.
      "Invalid parameter 'model': must be equal to constant (\"openai:gpt@5.4-mini\")",
    );
    expect((await fetch(`${server.url}/v1`, { headers: auth })).status).toBe(405);
    expect((await post(`${server.url}/v1`, "{not json")).status).toBe(400);
    const explode = await post(`${server.url}/v1`, task(), { ...auth, "x-modelspec-fault": "explode" });
    expect(explode.status).toBe(400);
    expect(await explode.json()).toMatchObject({
      errors: [{ code: "invalid_fault", message: `Unknown x-modelspec-fault value "explode"; expected one of ${MOCK_FAULTS.join(", ")}` }],
    });
  });

  test("stream framing: data-only lines ending in [DONE], or typed event: lines", async () => {
    const server = await serve();
    const runware = await (await post(`${server.url}/v1`, task({ deliveryMethod: "stream" }))).text();
    expect(runware.trim().split("\n\n").at(-1)).toBe("data: [DONE]");
    expect(runware).not.toContain("event:");
    const anyfast = await (await post(`${server.url}/v1/responses`, { model: "gpt-5.4-mini", stream: true, input: hello.messages })).text();
    expect(anyfast.split("\n\n")[0]).toMatch(/^event: response\.created\ndata: \{/);
  });

  test("rate-limit: Retry-After and retry-after-ms, or Retry-After verbatim", async () => {
    const server = await serve();
    const both = await post(`${server.url}/v1`, task(), { ...auth, "x-modelspec-fault": "rate-limit", "x-modelspec-retry-after-ms": "2500" });
    expect([both.status, both.headers.get("retry-after"), both.headers.get("retry-after-ms")]).toEqual([429, "3", "2500"]);
    const date = "Wed, 21 Oct 2037 07:28:00 GMT";
    const verbatim = await post(`${server.url}/v1`, task(), { ...auth, "x-modelspec-fault": "rate-limit", "x-modelspec-retry-after": date });
    expect([verbatim.headers.get("retry-after"), verbatim.headers.get("retry-after-ms")]).toEqual([date, null]);
  });

  test("fault-count is per server and per fault key", async () => {
    const once = (server: { url: string }, key: string) =>
      post(`${server.url}/v1`, task(), {
        ...auth,
        "x-modelspec-fault": "server-error",
        "x-modelspec-fault-count": "1",
        "x-modelspec-fault-key": key,
      });
    const server = await serve();
    expect([(await once(server, "a")).status, (await once(server, "a")).status, (await once(server, "b")).status]).toEqual([500, 200, 500]);
    // Another server has counted nothing: its first request with key "a" fails again.
    const other = await serve();
    expect([(await once(other, "a")).status, (await once(other, "a")).status]).toEqual([500, 200]);
  });

  test("the server records what it saw (bodies, never headers)", async () => {
    const server = await serve();
    await post(`${server.url}/v1`, task());
    expect(server.requests).toEqual([
      { method: "POST", path: "/v1", offering: "runware/openai:gpt@5.4-mini", stream: false, status: 200, aborted: false, body: task() },
    ]);
    expect(JSON.stringify(server.requests)).not.toContain(KEY);
  });
});

describe("answers from examples", () => {
  test("an offering without examples borrows its provider's, renamed to the model asked for", async () => {
    const bare = mockOffering("cloudflare/gpt-5.4-nano", { examples: [] });
    const server = await serve({ offerings: [bare, mockOffering("cloudflare/gpt-5.4")] });
    const res = await post(server.url + cloudflare(bare.model), hello);
    const { result } = (await res.json()) as { result: { id: string; model: string } };
    expect(result.model).toBe(bare.model);
    expect(result.id).toBe("chatcmpl-example-gpt-5-4-nano-usage"); // the lender's "chatcmpl-example-gpt-5-4-usage"
    expect(bare.validators!.response!(result)).toBe(true);
    const stream = await (await post(server.url + cloudflare(bare.model), { ...hello, stream: true })).text();
    const models = [...stream.matchAll(/"model":"([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(models)).toEqual(new Set([bare.model]));
    expect(stream).toContain("data: [DONE]");
  });

  test("with nothing to borrow, 501 names the offering", async () => {
    const alone = await serve({ offerings: [mockOffering("cloudflare/gpt-5.4-nano", { examples: [] })] });
    const res = await post(alone.url + cloudflare(offerings["cloudflare/gpt-5.4-nano"].model), hello);
    expect(res.status).toBe(501);
    expect(JSON.stringify(await res.json())).toContain("no example response for openai/gpt-5.4-nano");
  });

  test("an example that fails the response validator is reported, not served", async () => {
    const broken = mockOffering("anyfast/gpt-5.4-mini", { examples: [{ name: "broken", request: {}, response: { object: "not-a-response" } }] });
    const server = await serve({ offerings: [broken] });
    const res = await post(`${server.url}/v1/responses`, { model: "gpt-5.4-mini", input: hello.messages });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Mock example "broken" fails the response validator/);
  });
});

describe("close() and idle()", () => {
  test("close ends held requests and their timers, frees the port, and is idempotent", async () => {
    const server = await startMockServer({ offerings: all, slowDelayMs: 60_000 });
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const pending = post(`${server.url}/v1`, task(), { authorization: "Bearer x", "x-modelspec-fault": "slow" }).then(
      (r) => r.text(),
      (e: unknown) => e,
    );
    while (server.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await server.close();
    expect(await pending).toBeInstanceOf(Error); // the held request was cut, not left hanging
    expect(timers()).toBeLessThanOrEqual(before);
    await expect(post(`${server.url}/v1`, task())).rejects.toThrow();
    await server.close();
  });

  test("idle resolves once every reply is finished or its connection closed", async () => {
    const server = await serve();
    await server.idle(); // nothing in flight
    const held = post(`${server.url}/v1`, task(), { ...auth, "x-modelspec-fault": "slow", "x-modelspec-fault-delay-ms": "60000" });
    void held.catch(() => {});
    while (server.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    let idle = false;
    const waiting = server.idle().then(() => (idle = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);
    await server.close(); // cuts the held request
    await waiting;
    expect(idle).toBe(true);
  });
});
