/**
 * Runware through the generated client and the generated mock: one task per request with the
 * fields the client fills, every result of `numberResults`, async delivery (success, failure,
 * deadline), stream deltas, and provider errors as typed errors.
 */
import { describe, expect, test } from "vitest";
import {
  ApiError,
  BadRequestError,
  createRunwareRestClient,
  StreamError,
  TimeoutError,
  type RunwareGpt54MiniStreamEvent,
} from "../../generated/index.js";
import { offerings, providers } from "../../generated/offerings.js";
import { API_KEY, collect, mock, recordingSleep, rejection } from "./harness.js";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const transport = providers.runware.transports[0];
const async = transport.async;
const hello = { messages: [{ role: "user" as const, content: "Say hello" }] };

function client(url: string, extra: Partial<Parameters<typeof createRunwareRestClient>[0]> = {}) {
  return createRunwareRestClient({ apiKey: API_KEY, baseUrl: url, ...extra }).gpt54Mini;
}

describe("one task per request", () => {
  test("the client fills taskType, the model and a fresh taskUUID, and sends an array of ONE task", async () => {
    const server = await mock();
    const first = await client(server.url).create(hello);
    const second = await client(server.url).create(hello);
    const sent = server.requests.map((r) => r.body as Record<string, unknown>[]);
    for (const body of sent) {
      expect(body).toHaveLength(1);
      expect(body[0]).toEqual({
        taskType: "textInference",
        model: offerings["runware/gpt-5.4-mini"].model,
        taskUUID: expect.stringMatching(UUID_V4),
        ...hello,
      });
    }
    expect(sent[0]![0]!.taskUUID).not.toBe(sent[1]![0]!.taskUUID);
    // Each result is typed and answers its own task.
    expect(first.map((r) => r.taskUUID)).toEqual([sent[0]![0]!.taskUUID]);
    expect(second.map((r) => r.taskUUID)).toEqual([sent[1]![0]!.taskUUID]);
    expect(typeof first[0]!.text).toBe("string");
  });

  test("a caller's taskUUID is kept", async () => {
    const server = await mock();
    const taskUUID = "11111111-2222-4333-8444-555555555555";
    const results = await client(server.url).create({ ...hello, taskUUID });
    expect((server.requests[0]!.body as { taskUUID: string }[])[0]!.taskUUID).toBe(taskUUID);
    expect(results.map((r) => r.taskUUID)).toEqual([taskUUID]);
  });

  test("the spec declares numberResults as the result count", () => {
    expect(transport.responseBody).toEqual({ kind: "data-array", data: "data", countField: "numberResults" });
  });

  test.each([
    ["sync", {}],
    ["async", { deliveryMethod: "async" as const }],
  ])("numberResults > 1 returns every result of the task (%s)", async (_, delivery) => {
    const runware = offerings["runware/gpt-5.4-mini"];
    const server = await mock();
    const { sleep } = recordingSleep();
    const results = await client(server.url, { sleep }).create({ ...hello, ...delivery, numberResults: 3 });
    expect(results).toHaveLength(3);
    const uuid = (server.requests[0]!.body as { taskUUID: string }[])[0]!.taskUUID;
    for (const result of results) {
      expect(result.taskUUID).toBe(uuid);
      expect(runware.validators.response(result)).toBe(true);
    }
  });
});

describe("deliveryMethod: async polls getResponse with backoff", () => {
  const polls = (server: Awaited<ReturnType<typeof mock>>) => server.requests.map((r) => (r.body as { taskType: string }[])[0]!.taskType);

  test("until success: the waits follow the spec's backoff and the results are typed", async () => {
    const server = await mock();
    const { delays, sleep } = recordingSleep();
    const results = await client(server.url, { sleep }).create(
      { ...hello, deliveryMethod: "async" },
      { headers: { "x-modelspec-pending-polls": "3" } },
    );
    expect(polls(server)).toEqual(["textInference", async.pollTaskType, async.pollTaskType, async.pollTaskType, async.pollTaskType]);
    const uuid = (server.requests[0]!.body as { taskUUID: string }[])[0]!.taskUUID;
    for (const request of server.requests.slice(1)) expect(request.body).toEqual([{ taskType: async.pollTaskType, taskUUID: uuid }]);
    const waits = [0, 1, 2, 3].map((n) => Math.min(async.initialDelayMs * async.factor ** n, async.maxDelayMs));
    expect(delays).toEqual(waits); // 1000, 1500, 2250, 3375
    expect(results).toEqual([expect.objectContaining({ taskUUID: uuid, status: "success", text: expect.any(String) })]);
  });

  test("until the task fails: a typed error with the provider's code and message", async () => {
    const server = await mock();
    const { sleep } = recordingSleep();
    const error = await rejection(
      client(server.url, { sleep }).create({ ...hello, deliveryMethod: "async" }, { headers: { "x-modelspec-fault": "task-error" } }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "task_failed", providerMessage: "The model failed to complete the task" });
    expect(polls(server)).toEqual(["textInference", async.pollTaskType, async.pollTaskType]);
  });

  test("until the deadline: TimeoutError, having polled only within it", async () => {
    const server = await mock();
    const { delays, sleep } = recordingSleep();
    const error = await rejection(
      client(server.url, { sleep }).create(
        { ...hello, deliveryMethod: "async" },
        { pollTimeout: 5000, headers: { "x-modelspec-pending-polls": "1000" } },
      ),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(delays).toEqual([1000, 1500, 2250]); // a fourth wait (3375) would pass 5000 ms
    expect(polls(server)).toEqual(["textInference", async.pollTaskType, async.pollTaskType, async.pollTaskType]);
  });
});

describe("deliveryMethod: stream", () => {
  test("yields typed deltas for the task", async () => {
    const server = await mock();
    const events: RunwareGpt54MiniStreamEvent[] = await collect(client(server.url).stream(hello));
    expect((server.requests[0]!.body as Record<string, unknown>[])[0]).toMatchObject({ deliveryMethod: "stream", taskType: "textInference" });
    const uuid = (server.requests[0]!.body as { taskUUID: string }[])[0]!.taskUUID;
    const text = events.map((event) => event.delta?.text ?? "").join("");
    expect(text.length).toBeGreaterThan(0);
    for (const event of events) expect(event.taskUUID).toBe(uuid);
    expect(events.at(-1)!.finishReason).toBe("stop");
  });

  test("an error mid-stream (`data: {errors: [...]}`) is a StreamError with the provider's fields", async () => {
    const server = await mock();
    const error = await rejection(collect(client(server.url).stream(hello, { headers: { "x-modelspec-fault": "stream-error" } })));
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({
      code: "stream_error",
      providerMessage: "The model failed mid-stream",
      requestId: expect.stringMatching(/^req_mock_/),
    });
  });
});

test("provider errors become typed errors carrying code, message, parameter and request id", async () => {
  const server = await mock();
  const error = await rejection(client(server.url).create({ ...hello, numberResults: 0 }, { validateRequest: false }));
  expect(error).toBeInstanceOf(BadRequestError);
  expect(error).toMatchObject({
    status: 400,
    code: "invalid_request",
    providerMessage: "Invalid parameter 'numberResults': must be >= 1",
    parameter: "numberResults",
    requestId: expect.stringMatching(/^req_mock_/),
  });
  expect(error.message).toBe("400 Invalid parameter 'numberResults': must be >= 1 (code invalid_request) [parameter: numberResults]");
});
