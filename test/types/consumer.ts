/**
 * A consumer of the generated package, type-checked under `strict` by test/typecheck.test.ts.
 * Each `@ts-expect-error` is an assertion: if the generated types stopped catching that mistake,
 * the directive itself would become an error and the test would fail.
 */
import { offerings, type CloudflareGpt54MiniRequest, type RunwareGpt54MiniRequest, type AnyfastGpt54MiniRequest } from "../../generated/index.js";
import validateCloudflareMini from "../../generated/cloudflare/gpt-5.4-mini/request.validator.js";

export const cloudflare: CloudflareGpt54MiniRequest = {
  messages: [{ role: "user", content: "Hello" }],
  max_tokens: 500,
  temperature: 0.3,
  stream_options: { include_usage: true },
};

export const misspelled: CloudflareGpt54MiniRequest = {
  messages: [{ role: "user", content: "Hello" }],
  // @ts-expect-error `max_token` is not a parameter, although the page leaves the object open.
  max_token: 500,
};

export const badRole: CloudflareGpt54MiniRequest = {
  // @ts-expect-error Cloudflare's roles are system, developer, user, assistant and tool.
  messages: [{ role: "robot", content: "Hello" }],
};

export const runware: RunwareGpt54MiniRequest = {
  taskType: "textInference",
  taskUUID: "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  model: "openai:gpt@5.4-mini",
  messages: [{ role: "user", content: "Hello" }],
  settings: { temperature: 0.7, maxTokens: 256, thinkingLevel: "low", toolChoice: { type: "auto" } },
};

export const runwareWrongModel: RunwareGpt54MiniRequest = {
  taskType: "textInference",
  taskUUID: "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  // @ts-expect-error the model id is a fixed value.
  model: "openai:gpt@5.4",
  messages: [{ role: "user", content: "Hello" }],
};

export const anyfast: AnyfastGpt54MiniRequest = {
  model: "gpt-5.4-mini",
  input: [{ role: "user", content: "Hello" }],
  reasoning: { effort: "xhigh", summary: "auto" },
};

export const anyfastBadEffort: AnyfastGpt54MiniRequest = {
  model: "gpt-5.4-mini",
  input: [{ role: "user", content: "Hello" }],
  // @ts-expect-error effort is none, low, medium, high or xhigh.
  reasoning: { effort: "max" },
};

/** A validator narrows unknown data to the request type. */
export function narrow(data: unknown): CloudflareGpt54MiniRequest | undefined {
  if (validateCloudflareMini(data)) return data;
  const paths: string[] | undefined = validateCloudflareMini.errors?.map((e) => e.instancePath);
  void paths;
  return undefined;
}

/** The registry keeps literal ids and limits. */
export const window: 128000 = offerings["cloudflare/gpt-5.4-mini"].catalog.contextWindow;
// @ts-expect-error no such offering.
export const missing = offerings["cloudflare/gpt-6"];
