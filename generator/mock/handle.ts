/**
 * One request, start to finish: route it, check the bearer token and the body, apply the fault it
 * asks for (its row in faults.ts says what that does), then answer from the spec's examples as
 * JSON, as an event stream (stream.ts), or as an async task that is polled for.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpTransportDescriptor } from "../runtime/types.js";
import { isObject } from "../runtime/json.js";
import { taskFields } from "../runtime/payload.js";
import { answerFor, bestExample, wrap } from "./answers.js";
import { binaryAnswer } from "./binary.js";
import type { Fail, MockContext } from "./context.js";
import { describeIssue, errorBody, errorObject } from "./errors.js";
import { type Failure, takeFault, unknownFault } from "./faults.js";
import { numberHeader, readBody, sendJson, sendText } from "./io.js";
import { pickOffering, requestedModel } from "./routes.js";
import { type JsonRecord, sameJson } from "./schema.js";
import { sendStream } from "./stream.js";
import { MOCK_DEFAULTS, type MockOffering, type MockRequestRecord } from "./types.js";

export async function handleRequest(ctx: MockContext, req: IncomingMessage, res: ServerResponse, record: MockRequestRecord): Promise<void> {
  const { options } = ctx;
  res.setHeader("x-request-id", ctx.nextRequestId());
  const raw = await readBody(req);
  const path = (req.url ?? "/").split("?")[0]!;
  const matched = ctx.routes.map((route) => ({ route, match: route.pattern.exec(path) })).filter((m) => m.match);
  if (matched.length === 0) return sendJson(res, record, 404, { error: `no route for ${path}` });
  if (req.method !== "POST") return sendJson(res, record, 405, { error: "only POST is served" });

  let body: unknown;
  let parseFailed = false;
  try {
    body = JSON.parse(raw);
    record.body = body;
  } catch {
    parseFailed = true;
  }
  const { route, offering } = pickOffering(matched, body);
  const transport = route.transport;
  const fail = (f: Failure, task?: JsonRecord, reference: MockOffering = offering ?? route.offerings[0]!) =>
    sendJson(res, record, f.status, errorBody(reference, transport, f, task));

  const header = (transport.auth.header ?? "authorization").toLowerCase();
  const auth = req.headers[header];
  const token = typeof auth === "string" && auth.startsWith("Bearer ") ? auth.slice(7) : "";
  if (!token || (options.apiKey !== undefined && token !== options.apiKey)) {
    return fail({ status: 401, code: "invalid_api_key", type: "authentication_error", message: "Missing or invalid API key" });
  }
  if (parseFailed) return fail({ status: 400, code: "invalid_json", type: "invalid_request_error", message: "The request body is not valid JSON" });
  if (!offering) {
    const served = [...new Set(matched.flatMap((m) => m.route.offerings.map((o) => JSON.stringify(o.model))))].sort().join(", ");
    const asked = requestedModel(matched, body);
    const message = `No such model${asked === undefined ? "" : ` ${JSON.stringify(asked.slice(0, 200))}`} on this route; it serves ${served}`;
    return fail({ status: 404, code: "model_not_found", type: "invalid_request_error", message, parameter: "model" });
  }
  record.offering = `${offering.provider}/${offering.model}`;

  let task: JsonRecord;
  if (transport.requestBody.kind === "task-array") {
    const tasks = Array.isArray(body) ? body.filter(isObject) : [];
    if (tasks.length === 0)
      return fail({ status: 400, code: "invalid_request", type: "invalid_request_error", message: "The body must be an array of tasks" });
    task = tasks[0]!;
  } else {
    if (!isObject(body))
      return fail({ status: 400, code: "invalid_request", type: "invalid_request_error", message: "The body must be a JSON object" });
    task = body;
  }

  const isStream = transport.streaming !== undefined && sameJson(task[transport.streaming.enable.field], transport.streaming.enable.value);
  record.stream = isStream;
  const fault = takeFault(req.headers, ctx.faultCounts);
  if (fault === "invalid") return fail(unknownFault(req.headers["x-modelspec-fault"]));
  if (fault) record.fault = fault.name;
  const effect = fault?.effect;
  if (effect?.kind === "reply") {
    if (effect.retryAfter) setRetryAfter(req, res, options.retryAfterMs ?? MOCK_DEFAULTS.retryAfterMs);
    return fail(effect.failure, task);
  }
  if (effect?.kind === "delay") {
    const ms = numberHeader(req.headers, "x-modelspec-fault-delay-ms") ?? options.slowDelayMs ?? MOCK_DEFAULTS.slowDelayMs;
    if (!(await ctx.pause(ms, res))) return;
  }

  const a = transport.async;
  const taskTypeField = taskFields(transport).taskType;
  if (a && transport.requestBody.kind === "task-array" && task[taskTypeField] === a.pollTaskType) {
    return poll(ctx, res, record, transport, task, fail);
  }

  const validate = offering.validators?.request;
  if (validate && !validate(task)) {
    return fail({ status: 400, type: "invalid_request_error", ...describeIssue(validate.errors?.[0]) }, task);
  }

  const isAsync = a !== undefined && transport.requestBody.kind === "task-array" && sameJson(task[a.enable.field], a.enable.value);
  if (effect?.kind === "task-failed" && !isAsync) return sendJson(res, record, 200, errorBody(offering, transport, effect.failure, task));
  if (isStream) return sendStream(ctx, req, res, record, offering, transport, task, effect, fail);

  if (isAsync && transport.requestBody.kind === "task-array") {
    const uuid = String(task[transport.requestBody.uuidField]);
    const pendingPolls = numberHeader(req.headers, "x-modelspec-pending-polls") ?? MOCK_DEFAULTS.pendingPolls;
    ctx.jobs.set(uuid, { offering, transport, task, polls: 0, pendingPolls, ...(effect?.kind === "task-failed" && { failure: effect.failure }) });
    return sendJson(res, record, 200, wrap(offering, transport, [{ [taskTypeField]: task[taskTypeField], [transport.requestBody.uuidField]: uuid }]));
  }

  if (offering.binaryResponse) {
    const binary = binaryAnswer(offering.binaryResponse, bestExample(offering, task, "response", []));
    return sendText(res, record, 200, binary.contentType, binary.bytes);
  }
  const answer = answerFor(offering, options.offerings, transport, task);
  if ("status" in answer) return fail(answer, task);
  if (effect?.kind === "malformed") return sendText(res, record, 200, "application/json", JSON.stringify(answer.body).slice(0, 20));
  return sendJson(res, record, 200, answer.body);
}

/** The `rate-limit` fault's headers: `Retry-After` verbatim when asked for, else both forms of the delay. */
function setRetryAfter(req: IncomingMessage, res: ServerResponse, defaultMs: number): void {
  const verbatim = req.headers["x-modelspec-retry-after"];
  if (typeof verbatim === "string") res.setHeader("retry-after", verbatim);
  else {
    const ms = numberHeader(req.headers, "x-modelspec-retry-after-ms") ?? defaultMs;
    res.setHeader("retry-after-ms", String(ms));
    res.setHeader("retry-after", String(Math.ceil(ms / 1000)));
  }
}

/** A poll for an async task: pending for its first polls, then its result (or its failure, for `task-error`). */
function poll(ctx: MockContext, res: ServerResponse, record: MockRequestRecord, transport: HttpTransportDescriptor, task: JsonRecord, fail: Fail) {
  const a = transport.async!;
  const { taskType: taskTypeField, uuid: uuidField } = taskFields(transport);
  const uuid = String(task[uuidField]);
  const job = ctx.jobs.get(uuid);
  if (!job) return fail({ status: 400, code: "unknown_task", type: "invalid_request_error", message: `No task ${uuid}`, parameter: uuidField }, task);
  job.polls += 1;
  if (job.polls <= job.pendingPolls) {
    const pending = { [taskTypeField]: job.task[taskTypeField], [uuidField]: uuid, [a.statusField]: a.pendingStatus };
    return sendJson(res, record, 200, wrap(job.offering, transport, [pending]));
  }
  ctx.jobs.delete(uuid);
  if (job.failure) {
    // A failed task is an item with the failed status and the provider's error fields.
    const failed = { ...errorObject(job.offering, transport, job.failure, job.task), [a.statusField]: a.failedStatus };
    return sendJson(res, record, 200, wrap(job.offering, transport, [failed]));
  }
  const answer = answerFor(job.offering, ctx.options.offerings, transport, job.task, { [a.statusField]: "success" });
  if ("status" in answer) return fail(answer, job.task);
  return sendJson(res, record, 200, answer.body);
}
