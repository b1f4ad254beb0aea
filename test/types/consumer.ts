/**
 * A consumer of the generated package, type-checked under `strict` by test/typecheck.test.ts.
 * Each `@ts-expect-error` is an assertion: if the generated types stopped catching that mistake,
 * the directive itself would become an error and the test would fail.
 */
import type {
  AnyfastGpt54MiniRequest,
  AnyfastGpt54MiniResponse,
  AnyfastGpt54MiniResponseOutputItem,
  AnyfastGpt54MiniStreamEvent,
  CloudflareGpt54MiniRequest,
  RunwareGpt54MiniRequest,
} from "../../generated/index.js";
import { offerings } from "../../generated/offerings.js";
import { validateRequest as validateCloudflareMini } from "../../generated/cloudflare/gpt-5.4-mini/index.js";

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

// Open enums (values the page does not spell): the known values are suggested, any string is accepted.
export const runwareUnlistedLevel: RunwareGpt54MiniRequest = {
  taskType: "textInference",
  taskUUID: "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  model: "openai:gpt@5.4-mini",
  messages: [{ role: "user", content: "Hello" }],
  settings: { thinkingLevel: "minimal", toolChoice: { type: "required" } },
};

export const runwareLevelNotAString: RunwareGpt54MiniRequest = {
  taskType: "textInference",
  taskUUID: "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  model: "openai:gpt@5.4-mini",
  messages: [{ role: "user", content: "Hello" }],
  // @ts-expect-error an open enum still takes only strings.
  settings: { thinkingLevel: 2 },
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

export const anyfastImage: AnyfastGpt54MiniRequest = {
  model: "gpt-5.4-mini",
  input: [
    {
      role: "user",
      content: [
        { type: "input_text", text: "What is in this picture?" },
        { type: "input_image", image_url: "https://example.com/cat.png", detail: "low" },
      ],
    },
  ],
};

export const anyfastVideo: AnyfastGpt54MiniRequest = {
  model: "gpt-5.4-mini",
  // @ts-expect-error the Responses API's input parts are input_text, input_image and input_file.
  input: [{ role: "user", content: [{ type: "input_video", video_url: "https://example.com/v.mp4" }] }],
};

export const anyfastBadEffort: AnyfastGpt54MiniRequest = {
  model: "gpt-5.4-mini",
  input: [{ role: "user", content: "Hello" }],
  // @ts-expect-error effort is none, low, medium, high or xhigh.
  reasoning: { effort: "max" },
};

/** Anyfast's output items narrow on `type`, like OpenAI's `ResponseOutputItem` union. */
export function outputText(response: AnyfastGpt54MiniResponse): string[] {
  const texts: string[] = [];
  for (const item of response.output) {
    if (item.type === "message") {
      for (const part of item.content) texts.push(part.type === "output_text" ? part.text : part.refusal);
    } else if (item.type === "function_call") texts.push(`${item.name}(${item.arguments})`);
    else if (item.type === "reasoning") texts.push(...item.summary.map((s) => s.text));
  }
  return texts;
}

/** The union is closed: a switch over every known `type` is exhaustive. */
export function describeItem(item: AnyfastGpt54MiniResponseOutputItem): string {
  switch (item.type) {
    case "message":
      return item.role;
    case "reasoning":
      return item.id;
    case "function_call":
      return item.call_id;
    case "web_search_call":
    case "file_search_call":
    case "computer_call":
    case "code_interpreter_call":
      return item.status;
    default: {
      const unreachable: never = item;
      return unreachable;
    }
  }
}

/** Stream events carry the same items: an added item narrows too. */
export function addedMessageParts(event: AnyfastGpt54MiniStreamEvent): number | undefined {
  if (event.type === "response.output_item.added" && event.item.type === "message") return event.item.content.length;
  return undefined;
}

// @ts-expect-error without narrowing, an output item need not have `content`.
export const unnarrowed = (response: AnyfastGpt54MiniResponse) => response.output[0]!.content;

export const notAMessage = (item: AnyfastGpt54MiniResponseOutputItem) =>
  // @ts-expect-error `function_call` items have no `content`.
  item.type === "function_call" && item.content;

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
