/**
 * Client options of the generated clients: the key (required, never exposed), path parameters, the
 * fixed fields, and the streaming switch that only `stream()` may set.
 */
import { inspect } from "node:util";
import { expect, test } from "vitest";
import { ConfigurationError, createAnyfastRestClient, createCloudflareRestClient, createRunwareRestClient } from "../../generated/index.js";
import { offerings } from "../../generated/offerings.js";
import { ACCOUNT_ID, API_KEY, collect, mock, rejection, targets } from "./harness.js";

const input = [{ role: "user" as const, content: "Hi" }];

test.each(targets.filter((t) => t.http))("$name: no key is a ConfigurationError at creation; `token` is an alias", async (t) => {
  const make = (options: Record<string, unknown>) => () => t.client({ url: "http://127.0.0.1:9" }, options);
  expect(make({ apiKey: undefined })).toThrow(ConfigurationError);
  expect(make({ apiKey: undefined })).toThrow(/the apiKey option is required/);
  // The mock answers 401 to any other key: a call through `token` alone is sent with it.
  const server = await mock();
  await expect(t.client(server, { apiKey: undefined, token: API_KEY }).create(t.valid)).resolves.toBeDefined();
  await expect(t.client(server, { apiKey: undefined, token: "sk-not-the-key" }).create(t.valid)).rejects.toMatchObject({ status: 401 });
});

test("Cloudflare's accountId may also come from pathParams", async () => {
  const server = await mock();
  await createCloudflareRestClient({ apiKey: API_KEY, baseUrl: server.url, pathParams: { accountId: "other" } } as never).gpt54.create({
    messages: input,
  });
  expect(server.requests[0]!.path).toBe(`/client/v4/accounts/other/ai/run/${offerings["cloudflare/gpt-5.4"].model}`);
  expect(() => createCloudflareRestClient({ apiKey: API_KEY, accountId: "" })).toThrow(/accountId option is required/);
});

test("the fixed fields win over the caller's (the model of an Anyfast offering)", async () => {
  const server = await mock();
  await createAnyfastRestClient({ apiKey: API_KEY, baseUrl: server.url }).gpt54Mini.create(
    { model: "gpt-4" as never, input },
    { validateRequest: false },
  );
  expect(server.requests[0]!.body).toMatchObject({ model: offerings["anyfast/gpt-5.4-mini"].model });
});

test("create() refuses a request that switches streaming on; stream() sets the switch itself, lazily", async () => {
  const server = await mock();
  const anyfast = createAnyfastRestClient({ apiKey: API_KEY, baseUrl: server.url }).gpt54Mini;
  expect(await rejection(anyfast.create({ input, stream: true }))).toMatchObject({
    name: "ConfigurationError",
    message: expect.stringContaining("call stream() instead"),
  });
  const runware = createRunwareRestClient({ apiKey: API_KEY, baseUrl: server.url }).gpt54Mini;
  await expect(runware.create({ messages: input, deliveryMethod: "stream" })).rejects.toThrow(/call stream\(\) instead/);
  expect(server.requests).toEqual([]);

  const stream = anyfast.stream({ input });
  expect(server.requests).toEqual([]); // nothing is sent until iteration starts
  await collect(stream);
  await collect(runware.stream({ messages: input }));
  expect(server.requests.map((r) => r.body)).toEqual([
    expect.objectContaining({ stream: true }),
    [expect.objectContaining({ deliveryMethod: "stream" })],
  ]);
});

test("a client object shows no key: JSON, util.inspect", () => {
  const clients = [
    createAnyfastRestClient({ apiKey: API_KEY }),
    createRunwareRestClient({ apiKey: API_KEY }),
    createCloudflareRestClient({ apiKey: API_KEY, accountId: ACCOUNT_ID }),
  ];
  for (const client of clients) {
    expect(JSON.stringify(client) ?? "").not.toContain(API_KEY);
    expect(inspect(client, { depth: Infinity, showHidden: true })).not.toContain(API_KEY);
  }
});
