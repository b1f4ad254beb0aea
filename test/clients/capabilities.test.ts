/**
 * The per-capability factories of each offering's entry (`createCloudflareRestCreate`,
 * `createCloudflareRestStream`, the same for every transport): against the generated mock they
 * answer as the offering's client does, check requests before sending, refuse response validation
 * without its validator, and time out, retry and report errors through the same core.
 */
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ConfigurationError, InvalidRequestError, InvalidResponseError, RateLimitError } from "../../generated/index.js";
import { providers } from "../../generated/offerings.js";
import { GENERATED_DIR } from "../helpers.js";
import { API_KEY, ACCOUNT_ID, collect, fakeAi, mock, targets } from "./harness.js";

type Call = Record<string, unknown>;
type Create = (request: object, call?: Call) => Promise<unknown>;
type Stream = (request: object, call?: Call) => AsyncIterable<unknown>;

describe.each(targets)("$name", (t) => {
  async function factories() {
    const module = (await import(path.join(GENERATED_DIR, t.offering.id, "index.js"))) as Record<string, unknown>;
    const index = targets.filter((x) => x.offering.id === t.offering.id).indexOf(t);
    const client = Object.keys(module).filter((k) => /^create\w+Client$/.test(k))[index]!;
    const create = module[client.replace(/Client$/, "Create")] as (options: Call) => Create;
    const stream = module[client.replace(/Client$/, "Stream")] as ((options: Call) => Stream) | undefined;
    return { create, stream, module };
  }
  const options = (server: { url: string }, extra: Call = {}): Call =>
    t.http
      ? { apiKey: API_KEY, baseUrl: server.url, accountId: ACCOUNT_ID, ...extra }
      : { binding: fakeAi(server, providers[t.offering.provider]!.transports), ...extra };

  test("create alone answers as the client's create, and sends nothing for an invalid request", async () => {
    const server = await mock();
    const { create } = await factories();
    const alone = await create(options(server))(t.valid);
    const viaClient = await t.client(server).create(t.valid);
    // Task ids and timestamps the mock makes per request aside, the two answers have the same shape.
    expect(Object.keys(alone as object).sort()).toEqual(Object.keys(viaClient as object).sort());
    await expect(create(options(server))(t.invalid)).rejects.toBeInstanceOf(InvalidRequestError);
    expect(server.requests.length).toBe(2);
  });

  test("response validation needs its validator, and takes the entry's", async () => {
    const server = await mock();
    const { create, module } = await factories();
    expect(() => create(options(server, { validateResponse: true }))).toThrow(ConfigurationError);
    const checked = create(options(server, { validateResponse: true, validators: { response: module.validateResponse } }));
    await expect(checked(t.valid)).resolves.toBeDefined();
    // The validator given is the one that judges: one that refuses everything fails the same answer.
    const refusing = Object.assign(() => false, { errors: [{ instancePath: "", message: "refused by the test's validator" }] });
    const refused = create(options(server, { validateResponse: true, validators: { response: refusing } }));
    await expect(refused(t.valid)).rejects.toThrow(InvalidResponseError);
    await expect(refused(t.valid)).rejects.toThrow("refused by the test's validator");
  });

  test.runIf(t.http)("retries a rate limit through the same core, then reports it typed", async () => {
    const server = await mock();
    const { create } = await factories();
    const sleeps: number[] = [];
    const call = create(options(server, { maxRetries: 1, sleep: async (ms: number) => void sleeps.push(ms) }));
    const hooks = t.hooks({ "x-modelspec-fault": "rate-limit", "x-modelspec-retry-after-ms": "5" });
    await expect(call(t.valid, hooks)).rejects.toBeInstanceOf(RateLimitError);
    expect(sleeps).toEqual([5]);
    expect(server.requests.length).toBe(2);
  });

  test.runIf(t.streams)("stream alone yields the events the client's stream does", async () => {
    const server = await mock();
    const { stream } = await factories();
    expect(stream).toBeTypeOf("function");
    const alone = await collect(stream!(options(server))(t.valid, { validateResponse: false }));
    const viaClient = await collect(t.client(server).stream!(t.valid));
    expect(alone.length).toBeGreaterThan(1);
    // The same events in the same order (ids and timestamps the mock makes per request aside), each a valid event.
    const shapes = (events: unknown[]) =>
      events.map((event) =>
        Object.keys(event as object)
          .sort()
          .join(","),
      );
    expect(shapes(alone)).toEqual(shapes(viaClient));
    if (t.streamValidator) for (const event of alone) expect(t.streamValidator(event), JSON.stringify(event)).toBe(true);
  });
});
