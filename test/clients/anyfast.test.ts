/**
 * Anyfast (OpenAI Responses API) through the generated client and mock: the typed `Response`, the
 * typed Responses stream events (narrowed by `type`, so this file's type-check is part of the test),
 * and then the official `openai` SDK (v6) pointed at the generated mock.
 */
import OpenAI from "openai";
import { describe, expect, test } from "vitest";
import {
  BadRequestError,
  createAnyfastRestClient,
  StreamError,
  type AnyfastGpt54MiniResponse,
  type AnyfastGpt54MiniStreamEvent,
} from "../../generated/index.js";
import { offerings } from "../../generated/offerings.js";
import { API_KEY, mock, rejection } from "./harness.js";

const anyfast = offerings["anyfast/gpt-5.4-mini"];
const input = [{ role: "user" as const, content: "Say hello" }];

/** The text of a Response, as the SDK's `output_text` computes it. */
function outputText(response: AnyfastGpt54MiniResponse): string {
  return response.output
    .flatMap((item) => (item.type === "message" && "content" in item ? item.content : []))
    .flatMap((part) => (part.type === "output_text" && "text" in part ? [part.text] : []))
    .join("");
}

describe("generated client", () => {
  test("create returns the typed Response, and fills the model", async () => {
    const server = await mock();
    const response = await createAnyfastRestClient({ apiKey: API_KEY, baseUrl: server.url }).gpt54Mini.create({ input }, { validateResponse: true });
    expect(server.requests[0]).toMatchObject({ path: "/v1/responses", body: { model: anyfast.model, input } });
    expect(response).toMatchObject({ object: "response", status: "completed", model: anyfast.model });
    expect(outputText(response).length).toBeGreaterThan(0);
    expect(response.usage?.total_tokens).toEqual(expect.any(Number));
  });

  test("stream yields typed Responses events, narrowed by type, ending with response.completed", async () => {
    const server = await mock();
    let text = "";
    let completed: AnyfastGpt54MiniResponse["status"] | undefined;
    const types: AnyfastGpt54MiniStreamEvent["type"][] = [];
    for await (const event of createAnyfastRestClient({ apiKey: API_KEY, baseUrl: server.url }).gpt54Mini.stream(
      { input },
      { validateResponse: true },
    )) {
      types.push(event.type);
      switch (event.type) {
        case "response.output_text.delta":
          text += event.delta;
          break;
        case "response.completed":
          completed = event.response.status;
          break;
      }
    }
    expect(types[0]).toBe("response.created");
    expect(types.at(-1)).toBe("response.completed");
    expect(types).toContain("response.output_text.delta");
    expect(completed).toBe("completed");
    expect(text.length).toBeGreaterThan(0);
  });

  test("an `error` event mid-stream is a StreamError with OpenAI's code, message and param", async () => {
    const server = await mock();
    const events: AnyfastGpt54MiniStreamEvent[] = [];
    const error = await rejection(
      (async () => {
        for await (const event of createAnyfastRestClient({ apiKey: API_KEY, baseUrl: server.url }).gpt54Mini.stream(
          { input },
          { headers: { "x-modelspec-fault": "stream-error" } },
        )) {
          events.push(event);
        }
      })(),
    );
    expect(events.length).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ code: "stream_error", providerMessage: "The model failed mid-stream", type: "error" });

    // The mock's error event names no parameter: the same stream with `param` set, through an injected fetch.
    const withParam: typeof fetch = async (url, init) => {
      const reply = await fetch(url, init);
      const text = (await reply.text()).replace('"type":"error"}', '"type":"error","param":"input"}');
      return new Response(text, { status: reply.status, headers: reply.headers });
    };
    const named = await rejection(
      (async () => {
        const client = createAnyfastRestClient({ apiKey: API_KEY, baseUrl: server.url, fetch: withParam }).gpt54Mini;
        for await (const _ of client.stream({ input }, { headers: { "x-modelspec-fault": "stream-error" } })) {
          // read to the error
        }
      })(),
    );
    expect(named).toBeInstanceOf(StreamError);
    expect(named).toMatchObject({ code: "stream_error", parameter: "input" });
  });

  test("an invalid request answered by the server: BadRequestError with param", async () => {
    const server = await mock();
    const error = await rejection(
      createAnyfastRestClient({ apiKey: API_KEY, baseUrl: server.url }).gpt54Mini.create({ input: [] }, { validateRequest: false }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, parameter: "input", type: "invalid_request_error", requestId: expect.stringMatching(/^req_mock_/) });
  });
});

describe("the official openai SDK against the generated mock", () => {
  /** The SDK's requests, checked at the server with OUR generated Anyfast request validator. */
  function expectValidRequests(server: Awaited<ReturnType<typeof mock>>, count: number) {
    expect(server.requests).toHaveLength(count);
    for (const request of server.requests) {
      expect(request.path).toBe("/v1/responses");
      expect(anyfast.validators.request(request.body), JSON.stringify(anyfast.validators.request.errors)).toBe(true);
    }
  }

  test("responses.create, plain: our Response parses unchanged (output_text computed by the SDK)", async () => {
    const server = await mock();
    const sdk = new OpenAI({ apiKey: API_KEY, baseURL: `${server.url}/v1`, maxRetries: 0 });
    const response = await sdk.responses.create({ model: anyfast.model, input });
    expect(response.output_text.length).toBeGreaterThan(0);
    expect(response.output_text).toBe(outputText(response as unknown as AnyfastGpt54MiniResponse));
    expect(response.status).toBe("completed");
    expectValidRequests(server, 1);
  });

  test("responses.create with stream: true, and responses.stream().finalResponse()", async () => {
    const server = await mock();
    const sdk = new OpenAI({ apiKey: API_KEY, baseURL: `${server.url}/v1`, maxRetries: 0 });
    const types: string[] = [];
    let deltas = "";
    for await (const event of await sdk.responses.create({ model: anyfast.model, input, stream: true })) {
      types.push(event.type);
      if (event.type === "response.output_text.delta") deltas += event.delta;
    }
    expect(types.at(-1)).toBe("response.completed");

    const stream = sdk.responses.stream({ model: anyfast.model, input });
    const final = await stream.finalResponse();
    expect(final.status).toBe("completed");
    expect(final.output_text).toBe(deltas);
    expectValidRequests(server, 2);
  });

  test("our provider-shaped error parses as the SDK's BadRequestError, naming the param", async () => {
    const server = await mock();
    const sdk = new OpenAI({ apiKey: API_KEY, baseURL: `${server.url}/v1`, maxRetries: 0 });
    const error = await rejection(sdk.responses.create({ model: anyfast.model, input: [] }));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, param: "input", code: "invalid_request", type: "invalid_request_error" });
    const unauthorized = await rejection(
      new OpenAI({ apiKey: "not-the-key", baseURL: `${server.url}/v1`, maxRetries: 0 }).responses.create({ model: anyfast.model, input }),
    );
    expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);
  });
});
