/**
 * The README's examples for the generated package, compiled under `strict` by
 * test/clients/types.test.ts (and the root tsconfig), so they stay true. Each block between
 * `readme:NAME:start` and `readme:NAME:end` is what the README shows. Never run: it would need keys.
 */
// readme:imports:start
import {
  ApiError,
  createAnyfastRestClient,
  createCloudflareRestClient,
  createRunwareRestClient,
  RateLimitError,
  StreamEndedEarlyError,
  TimeoutError,
} from "@modelspec/models";
import { startMockProviders } from "@modelspec/models/mock";
// readme:imports:end

export async function cloudflareRest(): Promise<void> {
  // readme:cloudflare-rest:start
  const cf = createCloudflareRestClient({ apiKey: process.env.CLOUDFLARE_API_TOKEN!, accountId: process.env.CLOUDFLARE_ACCOUNT_ID! });
  const reply = await cf.gpt54Mini.create({ messages: [{ role: "user", content: "Hello" }], max_tokens: 200 });
  console.log(reply.choices[0]?.message.content);
  // readme:cloudflare-rest:end
  // readme:cloudflare-rest-stream:start
  for await (const chunk of cf.gpt54Mini.stream({ messages: [{ role: "user", content: "Hello" }] })) {
    process.stdout.write(chunk.choices[0]?.delta.content ?? "");
  }
  // readme:cloudflare-rest-stream:end
}

export async function runware(): Promise<void> {
  // readme:runware:start
  const runware = createRunwareRestClient({ apiKey: process.env.RUNWARE_API_KEY! });
  const results = await runware.gpt54Mini.create({ messages: [{ role: "user", content: "Hello" }], numberResults: 2 });
  for (const result of results) console.log(result.taskUUID, result.text);
  const [late] = await runware.gpt54Mini.create({ messages: [{ role: "user", content: "Hello" }], deliveryMethod: "async" });
  console.log(late?.text); // polled with getResponse until done
  // readme:runware:end
  // readme:runware-stream:start
  for await (const event of runware.gpt54Mini.stream({ messages: [{ role: "user", content: "Hello" }] })) {
    process.stdout.write(event.delta?.text ?? "");
  }
  // readme:runware-stream:end
}

export async function anyfast(): Promise<void> {
  // readme:anyfast:start
  const anyfast = createAnyfastRestClient({ apiKey: process.env.ANYFAST_API_KEY! });
  const response = await anyfast.gpt54Mini.create({ input: [{ role: "user", content: "Hello" }], reasoning: { effort: "low" } });
  for (const item of response.output)
    if (item.type === "message") for (const part of item.content) if (part.type === "output_text") console.log(part.text);
  console.log(response.status, response.usage?.total_tokens);
  // readme:anyfast:end
  // readme:anyfast-stream:start
  for await (const event of anyfast.gpt54Mini.stream({ input: [{ role: "user", content: "Hello" }] })) {
    if (event.type === "response.output_text.delta") process.stdout.write(event.delta);
    else if (event.type === "response.completed") console.log("\n", event.response.usage);
  }
  // readme:anyfast-stream:end
}

export async function errors(): Promise<void> {
  const anyfast = createAnyfastRestClient({ apiKey: process.env.ANYFAST_API_KEY! });
  // readme:errors:start
  try {
    await anyfast.gpt54Mini.create(
      { input: [{ role: "user", content: "Hello" }] },
      { timeout: 30_000, maxRetries: 4, signal: AbortSignal.timeout(120_000) },
    );
  } catch (error) {
    if (error instanceof RateLimitError) console.log("still rate limited after the retries", error.requestId);
    else if (error instanceof ApiError) console.log(error.status, error.code, error.providerMessage, error.parameter);
    else if (error instanceof TimeoutError || error instanceof StreamEndedEarlyError) console.log(error.message);
    else throw error;
  }
  // readme:errors:end
}

// A test file (vitest or node:test) using the local provider server. Top-level code in a test, hence the function.
export async function mockInTests(expect: (value: unknown) => { rejects: { toBeInstanceOf(type: unknown): Promise<void> } }): Promise<void> {
  // readme:mock:start
  const server = await startMockProviders({ apiKey: "test-key" }); // 127.0.0.1, a free port
  const client = createAnyfastRestClient({ apiKey: "test-key", baseUrl: server.url, maxRetries: 0 });
  const ok = await client.gpt54Mini.create({ input: [{ role: "user", content: "Hi" }] }); // answered from the spec's examples
  const limited = client.gpt54Mini.create({ input: [{ role: "user", content: "Hi" }] }, { headers: { "x-modelspec-fault": "rate-limit" } });
  await expect(limited).rejects.toBeInstanceOf(RateLimitError);
  console.log(ok.status, server.requests.length); // what the server saw: path, status, body (never headers)
  await server.close();
  // readme:mock:end
}
