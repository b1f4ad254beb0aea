/**
 * The per-capability factories of an offering's entry are typed as its client's methods: the
 * README's "Bundle size" example, and what a wrong request or option costs at compile time.
 */
import type { CloudflareGpt54MiniResponse, CloudflareGpt54MiniStreamEvent } from "@modelspec/models";
import { createCloudflareRestCreate, createCloudflareRestStream, validateResponse } from "@modelspec/models/cloudflare/gpt-5.4-mini";
import { createRunwareRestCreate } from "@modelspec/models/runware/gpt-5.4-mini";

export async function createAlone(): Promise<string | null | undefined> {
  const create = createCloudflareRestCreate({ apiKey: process.env.CLOUDFLARE_API_TOKEN!, accountId: process.env.CLOUDFLARE_ACCOUNT_ID! });
  const reply: CloudflareGpt54MiniResponse = await create({ messages: [{ role: "user", content: "Hello" }] }, { timeout: 30_000 });
  return reply.choices[0]?.message.content;
}

export async function* streamAlone(): AsyncGenerator<CloudflareGpt54MiniStreamEvent> {
  const stream = createCloudflareRestStream({ apiKey: "k", accountId: "a", validateResponse: false });
  yield* stream({ messages: [{ role: "user", content: "Hello" }] });
}

export function checked() {
  return createCloudflareRestCreate({ apiKey: "k", accountId: "a", validateResponse: true, validators: { response: validateResponse } });
}

export async function runware(): Promise<number> {
  const create = createRunwareRestCreate({ apiKey: "k" });
  // Runware answers with every result of the task: an array.
  const results = await create({ messages: [{ role: "user", content: "Hi" }], numberResults: 2 });
  return results.length;
}

export function mistakes() {
  // @ts-expect-error: the account id is required for Cloudflare's REST path
  createCloudflareRestCreate({ apiKey: "k" });
  const create = createCloudflareRestCreate({ apiKey: "k", accountId: "a" });
  // @ts-expect-error: a misspelled parameter is a compile error
  void create({ messages: [], max_token: 1 });
}
