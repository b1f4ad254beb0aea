/**
 * `responseBody.countField`: a data-array transport names the request field that asks for several
 * results, and the runtime holds the reply to it. A fake fetch plays a provider that delivers the
 * results of an async task one poll at a time, or a sync reply that is short of results.
 */
import { describe, expect, test } from "vitest";
import { createHttpClient, InvalidResponseError, type HttpTransportDescriptor } from "../../generator/runtime/index.js";

const UUID = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

const transport: HttpTransportDescriptor = {
  kind: "http",
  id: "rest",
  baseUrl: "https://tasks.example",
  method: "POST",
  path: "/v1",
  auth: { scheme: "bearer" },
  requestBody: { kind: "task-array", uuidField: "id" },
  responseBody: { kind: "data-array", data: "data", countField: "copies" },
  async: {
    enable: { field: "delivery", value: "later" },
    pollTaskType: "poll",
    statusField: "status",
    pendingStatus: "busy",
    failedStatus: "failed",
    initialDelayMs: 10,
    factor: 1,
    maxDelayMs: 10,
  },
};

/** A fetch that answers each request with the next reply body (as `{ data: [...] }`), recording the bodies it got. */
function scripted(replies: unknown[][]) {
  const sent: unknown[] = [];
  const fetch = (async (_url: string, init?: RequestInit) => {
    sent.push(JSON.parse(String(init?.body)));
    const data = replies.shift() ?? [];
    return new Response(JSON.stringify({ data }), { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

function client(fetch: typeof globalThis.fetch, { counted = true } = {}) {
  const responseBody = counted ? transport.responseBody : ({ kind: "data-array", data: "data" } as const);
  return createHttpClient(
    { provider: "tasks", transport: { ...transport, responseBody }, errors: { pointer: "/errors", fields: { message: "message" } } },
    { apiKey: "k", fetch, sleep: async () => {} },
  );
}

const item = (n: number, status = "done") => ({ id: UUID, status, text: `result ${n}` });

describe("async delivery waits for as many results as were asked for", () => {
  test("polls past a reply that holds only some of the results", async () => {
    const { fetch, sent } = scripted([[{ id: UUID }], [item(1)], [item(1), item(2)], [item(1), item(2), item(3)]]);
    const results = await client(fetch).send<unknown[]>({ model: "m", request: { id: UUID, delivery: "later", copies: 3 } });
    expect(results).toEqual([item(1), item(2), item(3)]);
    expect(sent).toHaveLength(4); // the task, then three polls
  });

  test("one result is enough when the count field is not set", async () => {
    const { fetch, sent } = scripted([[{ id: UUID }], [item(1)]]);
    expect(await client(fetch).send({ model: "m", request: { id: UUID, delivery: "later" } })).toEqual([item(1)]);
    expect(sent).toHaveLength(2);
  });

  test("a pending item keeps it polling even when enough items came", async () => {
    const { fetch } = scripted([[{ id: UUID }], [item(1), item(2, "busy")], [item(1), item(2)]]);
    expect(await client(fetch).send({ model: "m", request: { id: UUID, delivery: "later", copies: 2 } })).toEqual([item(1), item(2)]);
  });
});

describe("a synchronous reply holds every result", () => {
  test("all of them are returned", async () => {
    const { fetch } = scripted([[item(1), item(2)]]);
    expect(await client(fetch).send({ model: "m", request: { id: UUID, copies: 2 } })).toEqual([item(1), item(2)]);
  });

  test("fewer than asked for is an InvalidResponseError", async () => {
    const { fetch } = scripted([[item(1)]]);
    const error = await client(fetch)
      .send({ model: "m", request: { id: UUID, copies: 3 } })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe("tasks: asked for 3 results, the reply has 1");
  });

  test("without a countField the runtime has no count to hold the reply to", async () => {
    const { fetch } = scripted([[item(1)]]);
    expect(await client(fetch, { counted: false }).send({ model: "m", request: { id: UUID, copies: 3 } })).toEqual([item(1)]);
  });
});
