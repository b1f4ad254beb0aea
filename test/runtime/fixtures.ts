/**
 * Hand-written descriptors, validators and examples in the three provider styles (the generated
 * ones do not exist yet): an envelope + path-param REST API (Cloudflare), a task-array API with
 * async delivery (Runware) and the OpenAI Responses API (Anyfast).
 */
import type { ErrorDescriptor, HttpTransportDescriptor, BindingTransportDescriptor, ValidationIssue, Validator } from "../../generator/runtime/index.js";
import type { MockOffering } from "../../generator/runtime/mock-server.js";

export const API_KEY = "sk-test-7f3a9c1e5b2d4f6a8c0e-SECRET";

/** An ajv-like validator from a function listing the problems. */
export function validator(check: (data: unknown) => ValidationIssue[]): Validator {
  const validate: Validator = (data) => {
    const issues = check(data);
    validate.errors = issues.length ? issues : null;
    return issues.length === 0;
  };
  return validate;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const issue = (instancePath: string, message: string, keyword = "type", params: Obj = {}): ValidationIssue => ({ instancePath, message, keyword, params });
const required = (path: string, name: string) => issue(path, `must have required property '${name}'`, "required", { missingProperty: name });

function checkMessages(messages: unknown, roles: string[], path = "/messages"): ValidationIssue[] {
  if (!Array.isArray(messages) || messages.length === 0) return [issue(path, "must be a non-empty array")];
  const issues: ValidationIssue[] = [];
  messages.forEach((m, i) => {
    if (!isObj(m)) return issues.push(issue(`${path}/${i}`, "must be object"));
    if (!roles.includes(m.role as string)) issues.push(issue(`${path}/${i}/role`, "must be equal to one of the allowed values", "enum"));
    if (typeof m.content !== "string") issues.push(issue(`${path}/${i}/content`, "must be string"));
  });
  return issues;
}

// ------------------------------------------------------------------------------------------------
// Cloudflare-style: envelope, `{accountId}` and `{model}` in the path, `data: [DONE]` streams.

export const cloudflareStreaming = {
  format: "sse",
  enable: { field: "stream", value: true },
  doneSentinel: "[DONE]",
  terminalEventTypes: [],
  errorEventTypes: [],
  errorField: "errors",
} as const;

export const cloudflareRest = {
  kind: "http",
  id: "rest",
  baseUrl: "https://api.cloudflare.com",
  method: "POST",
  path: "/client/v4/accounts/{accountId}/ai/run/{model}",
  pathParams: [{ name: "accountId" }],
  auth: { scheme: "bearer", header: "Authorization" },
  requestBody: { kind: "plain" },
  responseBody: { kind: "envelope", result: "result", success: "success" },
  streaming: cloudflareStreaming,
} as const satisfies HttpTransportDescriptor;

export const cloudflareBinding = { kind: "workers-binding", id: "binding", streaming: cloudflareStreaming } as const satisfies BindingTransportDescriptor;

export const cloudflareErrors = {
  pointer: "/errors",
  fields: { code: "code", message: "message" },
  schema: {
    type: "object",
    required: ["result", "success", "errors", "messages"],
    properties: {
      result: { type: "null" },
      success: { const: false },
      errors: { type: "array", items: { $ref: "#/$defs/error" } },
      messages: { type: "array" },
    },
    $defs: { error: { type: "object", properties: { code: { type: "integer" }, message: { type: "string" } } } },
  },
} as const;

export const CLOUDFLARE_MODEL = "@cf/openai/gpt-5.4-mini";

export const cloudflareValidators = {
  request: validator((d) => {
    if (!isObj(d)) return [issue("", "must be object")];
    const issues = d.messages === undefined ? [required("", "messages")] : checkMessages(d.messages, ["system", "user", "assistant"]);
    if (d.stream !== undefined && typeof d.stream !== "boolean") issues.push(issue("/stream", "must be boolean"));
    return issues;
  }),
  response: validator((d) => (isObj(d) && Array.isArray(d.choices) ? [] : [required("", "choices")])),
  stream: validator((d) => (isObj(d) && d.object === "chat.completion.chunk" ? [] : [issue("/object", "must be equal to constant", "const")])),
};

const chunk = (content: string, finish: string | null = null) => ({
  id: "chatcmpl-1",
  object: "chat.completion.chunk",
  choices: [{ index: 0, delta: { content }, finish_reason: finish }],
});

export const cloudflareOffering: MockOffering = {
  provider: "cloudflare",
  model: CLOUDFLARE_MODEL,
  transports: [cloudflareRest, cloudflareBinding],
  errors: cloudflareErrors,
  validators: cloudflareValidators,
  examples: [
    {
      name: "hello",
      request: { messages: [{ role: "user", content: "Say hello" }] },
      response: {
        id: "chatcmpl-1",
        object: "chat.completion",
        choices: [{ index: 0, message: { role: "assistant", content: "Hello!" }, finish_reason: "stop" }],
      },
      events: [chunk("Hel"), chunk("lo"), chunk("!"), chunk("", "stop")],
    },
  ],
};

// ------------------------------------------------------------------------------------------------
// Runware-style: a task array, `{ data: [...] }` results, async delivery polled with getResponse.

export const runwareRest = {
  kind: "http",
  id: "rest",
  baseUrl: "https://api.runware.ai",
  method: "POST",
  path: "/v1",
  pathParams: [],
  auth: { scheme: "bearer", header: "Authorization" },
  requestBody: { kind: "task-array", uuidField: "taskUUID" },
  responseBody: { kind: "data-array", data: "data" },
  streaming: {
    format: "sse",
    enable: { field: "deliveryMethod", value: "stream" },
    doneSentinel: "[DONE]",
    terminalEventTypes: [],
    errorEventTypes: [],
    errorField: "errors",
  },
  async: {
    enable: { field: "deliveryMethod", value: "async" },
    pollTaskType: "getResponse",
    statusField: "status",
    pendingStatus: "processing",
    initialDelayMs: 1000,
    factor: 1.5,
    maxDelayMs: 10000,
  },
} as const satisfies HttpTransportDescriptor;

export const runwareErrors = {
  pointer: "/errors",
  fields: { code: "code", message: "message", parameter: "parameter" },
  schema: {
    type: "object",
    required: ["errors"],
    properties: {
      errors: {
        type: "array",
        items: {
          type: "object",
          properties: { code: { type: "string" }, message: { type: "string" }, parameter: { type: "string" }, taskType: { type: "string" }, taskUUID: { type: "string" } },
        },
      },
    },
  },
} as const;

export const RUNWARE_MODEL = "openai:gpt@5.4-mini";
export const runwareFixed = { taskType: "textInference", model: RUNWARE_MODEL } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const runwareValidators = {
  request: validator((d) => {
    if (!isObj(d)) return [issue("", "must be object")];
    const issues: ValidationIssue[] = [];
    if (d.taskType !== "textInference") issues.push(issue("/taskType", "must be equal to constant", "const"));
    if (typeof d.taskUUID !== "string" || !UUID.test(d.taskUUID)) issues.push(issue("/taskUUID", 'must match format "uuid"', "format"));
    if (d.model !== RUNWARE_MODEL) issues.push(issue("/model", "must be equal to constant", "const"));
    issues.push(...checkMessages(d.messages, ["user", "assistant"]));
    if (d.deliveryMethod !== undefined && !["sync", "async", "stream"].includes(d.deliveryMethod as string)) {
      issues.push(issue("/deliveryMethod", "must be equal to one of the allowed values", "enum"));
    }
    if (d.numberResults !== undefined && !(Number.isInteger(d.numberResults) && (d.numberResults as number) >= 1)) {
      issues.push(issue("/numberResults", "must be >= 1", "minimum"));
    }
    return issues;
  }),
  response: validator((d) => (isObj(d) && typeof d.text === "string" && typeof d.taskUUID === "string" ? [] : [required("", "text")])),
  stream: validator((d) => (isObj(d) && isObj(d.delta) && typeof d.taskUUID === "string" ? [] : [required("", "delta")])),
};

const runwareResult = (text: string) => ({ taskType: "textInference", taskUUID: "00000000-0000-4000-8000-000000000000", text, finishReason: "stop" });
const runwareDelta = (text: string, finishReason: string | null = null) => ({
  taskType: "textInference",
  taskUUID: "00000000-0000-4000-8000-000000000000",
  delta: { text },
  finishReason,
});

export const runwareOffering: MockOffering = {
  provider: "runware",
  model: RUNWARE_MODEL,
  transports: [runwareRest],
  errors: runwareErrors,
  validators: runwareValidators,
  examples: [
    {
      name: "hello",
      request: { taskType: "textInference", model: RUNWARE_MODEL, messages: [{ role: "user", content: "Say hello" }] },
      response: runwareResult("Hello!"),
      events: [runwareDelta("Hel"), runwareDelta("lo"), runwareDelta("!", "stop")],
    },
    {
      name: "two-results",
      request: { taskType: "textInference", model: RUNWARE_MODEL, numberResults: 2, messages: [{ role: "user", content: "Two greetings" }] },
      response: { data: [runwareResult("Hello!"), runwareResult("Hi!")] },
    },
  ],
};

// ------------------------------------------------------------------------------------------------
// Anyfast-style: the OpenAI Responses API, typed `event:` streams ending on `response.completed`.

export const anyfastRest = {
  kind: "http",
  id: "responses",
  baseUrl: "https://www.anyfast.ai",
  method: "POST",
  path: "/v1/responses",
  auth: { scheme: "bearer", header: "Authorization" },
  requestBody: { kind: "plain" },
  responseBody: { kind: "plain" },
  streaming: {
    format: "sse",
    enable: { field: "stream", value: true },
    terminalEventTypes: ["response.completed", "response.failed", "response.incomplete"],
    errorEventTypes: ["error"],
  },
} as const satisfies HttpTransportDescriptor;

export const anyfastErrors = {
  pointer: "/error",
  fields: { code: "code", message: "message", parameter: "param", type: "type" },
  schema: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        properties: { message: { type: "string" }, type: { type: "string" }, code: { type: ["string", "null"] }, param: { type: ["string", "null"] } },
      },
    },
  },
} as const satisfies ErrorDescriptor & { schema: unknown };

export const ANYFAST_MODEL = "gpt-5.4-mini";

export const anyfastValidators = {
  request: validator((d) => {
    if (!isObj(d)) return [issue("", "must be object")];
    const issues: ValidationIssue[] = [];
    if (d.model !== ANYFAST_MODEL) issues.push(issue("/model", "must be equal to constant", "const"));
    issues.push(...checkMessages(d.input, ["user", "assistant", "system"], "/input"));
    return issues;
  }),
  response: validator((d) => (isObj(d) && d.object === "response" ? [] : [issue("/object", "must be equal to constant", "const")])),
  stream: validator((d) => (isObj(d) && typeof d.type === "string" ? [] : [required("", "type")])),
};

const anyfastResponse = (status: string, text: string) => ({
  id: "resp_1",
  object: "response",
  created_at: 1767225600,
  model: ANYFAST_MODEL,
  status,
  error: null,
  incomplete_details: null,
  output: text
    ? [{ id: "msg_1", type: "message", role: "assistant", status: "completed", content: [{ type: "output_text", text, annotations: [] }] }]
    : [],
  usage: {
    input_tokens: 5,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: 2,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 7,
  },
});

export const anyfastOffering: MockOffering = {
  provider: "anyfast",
  model: ANYFAST_MODEL,
  transports: [anyfastRest],
  errors: anyfastErrors,
  validators: anyfastValidators,
  examples: [
    {
      name: "hello",
      request: { model: ANYFAST_MODEL, input: [{ role: "user", content: "Say hello" }] },
      response: anyfastResponse("completed", "Hello!"),
      events: [
        { type: "response.created", sequence_number: 0, response: anyfastResponse("in_progress", "") },
        { type: "response.output_text.delta", sequence_number: 1, item_id: "msg_1", output_index: 0, content_index: 0, delta: "Hel" },
        { type: "response.output_text.delta", sequence_number: 2, item_id: "msg_1", output_index: 0, content_index: 0, delta: "lo!" },
        { type: "response.completed", sequence_number: 3, response: anyfastResponse("completed", "Hello!") },
      ],
    },
  ],
};

export const offerings = [cloudflareOffering, runwareOffering, anyfastOffering];

export const ACCOUNT_ID = "acc_123";
