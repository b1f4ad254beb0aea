/**
 * A local server that speaks each provider's wire format, driven by the same descriptors as the
 * clients: routes from `transport.path`, bodies from the request/response descriptors, errors in the
 * provider's own envelope, answers from the spec examples. Node-only (node:http); not exported by
 * index.ts. Prints nothing.
 *
 * Faults, chosen per request with the `x-modelspec-fault` header (the list is MOCK_FAULTS):
 *   rate-limit    429 with `Retry-After` and `retry-after-ms` (x-modelspec-retry-after-ms, default
 *                 retryAfterMs); `x-modelspec-retry-after: V` sends `Retry-After: V` alone instead
 *   server-error  500                      unavailable  503
 *   slow          answers normally after a delay (x-modelspec-fault-delay-ms, default slowDelayMs)
 *   cut-stream    a stream that stops before its final event
 *   malformed-json  a 200 whose body (or one stream event) is not JSON
 *   stream-error  a mid-stream error event in the provider's shape
 *   task-error    the task fails inside a 200: the provider's error body (for async delivery, the
 *                 poll that would have delivered the result answers an item with the failed status)
 * `x-modelspec-fault-count: N` faults only the first N such requests (counted per server and per
 * `x-modelspec-fault-key`, default the fault name), so retries can be seen to succeed.
 * `x-modelspec-event-delay-ms` spaces stream events (default eventDelayMs).
 * `x-modelspec-pending-polls: N` keeps an async task pending for N polls (default 1).
 *
 * An offering without examples of its own borrows its provider's others; the borrowed answer is
 * renamed to the model that was asked for (its `model` fields, and the model's name in its `id`s)
 * and must still pass that offering's validators.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { binaryAnswer } from "./mock-binary.js";
import type { ErrorDescriptor, HttpTransportDescriptor, TransportDescriptor, Validators, ValidationIssue } from "./types.js";
import { getPointer, isObject } from "./util.js";

type JsonRecord = Record<string, unknown>;

/** JSON objects; typed `object` because the generated examples carry the offerings' interfaces, which have no index signature. */
export interface MockExample {
  name?: string;
  request: object;
  /** The unwrapped answer (the envelope's result, one data item, or the plain body); an already wrapped body is sent as is. */
  response?: object;
  events?: readonly object[];
}

export interface MockOffering {
  /** Provider id, e.g. `runware`. */
  provider: string;
  /** The model id as the provider writes it. */
  model: string;
  /** The provider's transports; only `http` ones are served. */
  transports: readonly TransportDescriptor[];
  /** The error descriptor; its `schema` (optional) decides array vs object and fills required fields. */
  errors: ErrorDescriptor & { schema?: unknown };
  validators?: Validators;
  examples: readonly MockExample[];
  /** Set when the answer is bytes: served from the example's `{ contentType, base64 }` or as a placeholder (mock-binary.ts). */
  binaryResponse?: { readonly contentType: string } | undefined;
}

export interface MockServerOptions {
  port?: number;
  host?: string;
  /** When set, the bearer token must equal it; otherwise any non-empty token is accepted. */
  apiKey?: string;
  offerings: readonly MockOffering[];
  /** Delay of the `slow` fault, in ms. Default 2000. */
  slowDelayMs?: number;
  /** Delay the `rate-limit` fault asks for, in ms. Default 1000. */
  retryAfterMs?: number;
  /** Pause between stream events, in ms. Default 0. */
  eventDelayMs?: number;
}

/** What the server saw, for tests. Never holds headers (they carry the key). */
export interface MockRequestRecord {
  method: string;
  path: string;
  /** `provider/model` once routed. */
  offering?: string;
  fault?: string;
  stream: boolean;
  status?: number;
  /** The client went away before the reply was finished (a cancelled stream, a timeout). */
  aborted: boolean;
  /** The parsed JSON body, as received (bodies hold no credentials; headers, which do, are not kept). */
  body?: unknown;
}

export interface MockServer {
  url: string;
  port: number;
  requests: MockRequestRecord[];
  /** Resolves once no request is in flight (every reply finished or its connection closed). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Every value the `x-modelspec-fault` header takes. */
export const MOCK_FAULTS = [
  "rate-limit",
  "server-error",
  "unavailable",
  "slow",
  "cut-stream",
  "malformed-json",
  "stream-error",
  "task-error",
] as const;
export type MockFault = (typeof MOCK_FAULTS)[number];
const FAULTS = new Set<string>(MOCK_FAULTS);

interface Route {
  pattern: RegExp;
  hasModel: boolean;
  transport: HttpTransportDescriptor;
  offerings: MockOffering[];
}

interface Job {
  offering: MockOffering;
  transport: HttpTransportDescriptor;
  task: JsonRecord;
  polls: number;
  /** Polls answered "pending" before the outcome. */
  pendingPolls: number;
  fails: boolean;
}

/** What went wrong, before it is dressed in the provider's error envelope. */
interface Failure {
  status: number;
  code: string;
  type: string;
  message: string;
  parameter?: string;
}

/** The `task-error` fault: the model failed the task (reported inside a 200). */
const TASK_FAILED: Failure = { status: 500, code: "task_failed", type: "server_error", message: "The model failed to complete the task" };

export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const host = options.host ?? "127.0.0.1";
  const routes = buildRoutes(options.offerings);
  const timers = new Set<{ timer: ReturnType<typeof setTimeout>; done: () => void }>();
  const faultCounts = new Map<string, number>();
  const jobs = new Map<string, Job>();
  const requests: MockRequestRecord[] = [];
  let requestCounter = 0;
  let closed = false;
  let inFlight = 0;
  const idleWaiters: (() => void)[] = [];

  /** A tracked timer: close() clears it; resolves false when the reply is gone or the server closed. */
  function pause(ms: number, res: ServerResponse): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(!res.destroyed && !closed);
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => finish(), ms),
        done: () => finish(),
      };
      const finish = () => {
        clearTimeout(entry.timer);
        timers.delete(entry);
        res.off("close", finish);
        resolve(!res.destroyed && !closed);
      };
      timers.add(entry);
      res.once("close", finish);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, record: MockRequestRecord) {
    res.setHeader("x-request-id", `req_mock_${++requestCounter}`);
    const raw = await readBody(req);
    const path = (req.url ?? "/").split("?")[0]!;
    const matched = routes.map((route) => ({ route, match: route.pattern.exec(path) })).filter((m) => m.match);
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
    const fault = takeFault(req, record);
    if (fault === "invalid") {
      const asked = JSON.stringify(String(req.headers["x-modelspec-fault"]).slice(0, 100));
      const message = `Unknown x-modelspec-fault value ${asked}; expected one of ${MOCK_FAULTS.join(", ")}`;
      return fail({ status: 400, code: "invalid_fault", type: "invalid_request_error", message });
    }
    if (fault === "rate-limit") {
      const verbatim = req.headers["x-modelspec-retry-after"];
      if (typeof verbatim === "string") res.setHeader("retry-after", verbatim);
      else {
        const ms = numberHeader(req, "x-modelspec-retry-after-ms") ?? options.retryAfterMs ?? 1000;
        res.setHeader("retry-after-ms", String(ms));
        res.setHeader("retry-after", String(Math.ceil(ms / 1000)));
      }
      return fail({ status: 429, code: "rate_limit_exceeded", type: "rate_limit_error", message: "Rate limit reached" }, task);
    }
    if (fault === "server-error") return fail({ status: 500, code: "server_error", type: "server_error", message: "Internal server error" }, task);
    if (fault === "unavailable")
      return fail({ status: 503, code: "service_unavailable", type: "server_error", message: "Service unavailable" }, task);
    if (fault === "slow") {
      const ms = numberHeader(req, "x-modelspec-fault-delay-ms") ?? options.slowDelayMs ?? 2000;
      if (!(await pause(ms, res))) return;
    }

    const a = transport.async;
    const taskTypeField = a?.taskTypeField ?? "taskType";
    if (a && transport.requestBody.kind === "task-array" && task[taskTypeField] === a.pollTaskType) {
      return poll(res, record, transport, task, fail);
    }

    const validate = offering.validators?.request;
    if (validate && !validate(task)) {
      return fail({ status: 400, type: "invalid_request_error", ...describeIssue(validate.errors?.[0]) }, task);
    }

    const isAsync = a !== undefined && transport.requestBody.kind === "task-array" && sameJson(task[a.enable.field], a.enable.value);
    if (fault === "task-error" && !isAsync) return sendJson(res, record, 200, errorBody(offering, transport, TASK_FAILED, task));
    if (isStream) return stream(req, res, record, offering, transport, task, fault, fail);

    if (isAsync && transport.requestBody.kind === "task-array") {
      const uuid = String(task[transport.requestBody.uuidField]);
      const pendingPolls = numberHeader(req, "x-modelspec-pending-polls") ?? 1;
      jobs.set(uuid, { offering, transport, task, polls: 0, pendingPolls, fails: fault === "task-error" });
      return sendJson(
        res,
        record,
        200,
        wrap(offering, transport, [{ [taskTypeField]: task[taskTypeField], [transport.requestBody.uuidField]: uuid }]),
      );
    }

    if (offering.binaryResponse) {
      const binary = binaryAnswer(offering.binaryResponse, bestExample(offering, task, "response", []));
      return sendText(res, record, 200, binary.contentType, binary.bytes);
    }
    const answer = answerFor(offering, options.offerings, transport, task);
    if ("status" in answer) return fail(answer, task);
    if (fault === "malformed-json") return sendText(res, record, 200, "application/json", JSON.stringify(answer.body).slice(0, 20));
    return sendJson(res, record, 200, answer.body);
  }

  function poll(
    res: ServerResponse,
    record: MockRequestRecord,
    transport: HttpTransportDescriptor,
    task: JsonRecord,
    fail: (f: Failure, task?: JsonRecord) => void,
  ) {
    const a = transport.async!;
    const uuidField = transport.requestBody.kind === "task-array" ? transport.requestBody.uuidField : "taskUUID";
    const uuid = String(task[uuidField]);
    const job = jobs.get(uuid);
    if (!job)
      return fail({ status: 400, code: "unknown_task", type: "invalid_request_error", message: `No task ${uuid}`, parameter: uuidField }, task);
    job.polls += 1;
    if (job.polls <= job.pendingPolls) {
      const taskTypeField = a.taskTypeField ?? "taskType";
      const pending = { [taskTypeField]: job.task[taskTypeField], [uuidField]: uuid, [a.statusField]: a.pendingStatus };
      return sendJson(res, record, 200, wrap(job.offering, transport, [pending]));
    }
    jobs.delete(uuid);
    if (job.fails) {
      // A failed task is an item with the failed status and the provider's error fields.
      const failed = { ...errorObject(job.offering, transport, TASK_FAILED, job.task), [a.statusField]: a.failedStatus };
      return sendJson(res, record, 200, wrap(job.offering, transport, [failed]));
    }
    const answer = answerFor(job.offering, options.offerings, transport, job.task, { [a.statusField]: "success" });
    if ("status" in answer) return fail(answer, job.task);
    return sendJson(res, record, 200, answer.body);
  }

  async function stream(
    req: IncomingMessage,
    res: ServerResponse,
    record: MockRequestRecord,
    offering: MockOffering,
    transport: HttpTransportDescriptor,
    task: JsonRecord,
    fault: string | undefined,
    fail: (f: Failure, task?: JsonRecord) => void,
  ) {
    const streaming = transport.streaming!;
    const example = bestExample(offering, task, "events", options.offerings);
    if (!example)
      return fail({ status: 501, code: "no_example", type: "server_error", message: `The mock has no stream example for ${offering.model}` }, task);
    const events = (example.events as readonly JsonRecord[]).map((event) => echo(transport, event, task));
    const broken = events.findIndex((event) => offering.validators?.stream && !offering.validators.stream(event));
    if (broken >= 0) {
      const issue = describeIssue(offering.validators!.stream!.errors?.[0]);
      return fail(
        {
          status: 500,
          code: "bad_example",
          type: "server_error",
          message: `Mock example "${example.name ?? "?"}" event ${broken} fails the stream validator: ${issue.message}`,
        },
        task,
      );
    }
    const typed = (streaming.terminalEventTypes?.length ?? 0) + (streaming.errorEventTypes?.length ?? 0) > 0;
    const frame = (event: JsonRecord) => {
      const data = `data: ${JSON.stringify(event)}\n\n`;
      return typed && typeof event.type === "string" ? `event: ${event.type}\n${data}` : data;
    };

    // A faulty stream sends the first half (never the final event), then its fault.
    const faulty = fault === "cut-stream" || fault === "stream-error" || fault === "malformed-json";
    const count = faulty ? Math.min(Math.ceil(events.length / 2), events.length - 1) : events.length;
    const delay = numberHeader(req, "x-modelspec-event-delay-ms") ?? options.eventDelayMs ?? 0;
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    record.status = 200;
    for (let i = 0; i < count; i++) {
      if (i > 0 && !(await pause(delay, res))) return;
      res.write(frame(events[i]!));
    }
    if (faulty && !(await pause(delay, res))) return;
    if (fault === "malformed-json") res.write(`data: {"truncated": \n\n`);
    if (fault === "stream-error") {
      const failure: Failure = { status: 500, code: "stream_error", type: "server_error", message: "The model failed mid-stream" };
      const errorEvent = streamErrorEvent(offering, transport, failure, task);
      if (errorEvent) res.write(frame(errorEvent));
    }
    if (!faulty && streaming.doneSentinel !== undefined) res.write(`data: ${streaming.doneSentinel}\n\n`);
    res.end();
  }

  function takeFault(req: IncomingMessage, record: MockRequestRecord): string | undefined {
    const kind = req.headers["x-modelspec-fault"];
    if (typeof kind !== "string" || kind === "") return undefined;
    if (!FAULTS.has(kind)) return "invalid";
    const limit = numberHeader(req, "x-modelspec-fault-count");
    if (limit !== undefined) {
      const keyHeader = req.headers["x-modelspec-fault-key"];
      const key = `${kind}|${typeof keyHeader === "string" ? keyHeader : ""}`;
      const seen = faultCounts.get(key) ?? 0;
      if (seen >= limit) return undefined;
      faultCounts.set(key, seen + 1);
    }
    record.fault = kind;
    return kind;
  }

  const server = createServer((req, res) => {
    const record: MockRequestRecord = { method: req.method ?? "", path: (req.url ?? "/").split("?")[0]!, stream: false, aborted: false };
    requests.push(record);
    inFlight += 1;
    res.on("close", () => {
      if (!res.writableFinished) record.aborted = true;
      inFlight -= 1;
      if (inFlight === 0) for (const wake of idleWaiters.splice(0)) wake();
    });
    handle(req, res, record).catch(() => {
      if (!res.headersSent && !res.destroyed) sendJson(res, record, 500, { error: "mock server failure" });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    requests,
    idle() {
      return inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const entry of [...timers]) entry.done();
      jobs.clear();
      for (const wake of idleWaiters.splice(0)) wake();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await stopped;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Routing

function buildRoutes(offerings: readonly MockOffering[]): Route[] {
  const routes = new Map<string, Route>();
  for (const offering of offerings) {
    for (const transport of offering.transports) {
      if (transport.kind !== "http") continue;
      const key = `${offering.provider}|${transport.id}|${transport.path}`;
      let route = routes.get(key);
      if (!route) {
        const source = transport.path
          .split(/(\{[^}]+\})/)
          .map((part) => (part === "{model}" ? "(.+)" : /^\{[^}]+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
          .join("");
        route = { pattern: new RegExp(`^${source}/?$`), hasModel: transport.path.includes("{model}"), transport, offerings: [] };
        routes.set(key, route);
      }
      route.offerings.push(offering);
    }
  }
  return [...routes.values()];
}

/** A route whose path pattern matched the request path, with the match (its `{model}` segment). */
type RouteMatch = { route: Route; match: RegExpExecArray | null };

/** The route and offering for a request: by the `{model}` path segment, else by the body's model field. */
function pickOffering(matched: RouteMatch[], body: unknown): { route: Route; offering?: MockOffering } {
  for (const { route, match } of matched) {
    if (route.hasModel) {
      const model = safeDecode(match![1]!);
      const offering = route.offerings.find((o) => o.model === model);
      if (offering) return { route, offering };
      continue;
    }
    const task = firstTask(body);
    const values = isObject(task) ? Object.values(task) : [];
    const offering = route.offerings.find((o) => values.includes(o.model)) ?? (route.offerings.length === 1 ? route.offerings[0] : undefined);
    if (offering) return { route, offering };
  }
  return { route: matched[0]!.route };
}

/** The model a request asked for: the path's model segment, or the body's `model` field. */
function requestedModel(matched: RouteMatch[], body: unknown): string | undefined {
  const routed = matched.find((m) => m.route.hasModel);
  if (routed) return safeDecode(routed.match![1]!);
  const task = firstTask(body);
  return isObject(task) && typeof task.model === "string" ? task.model : undefined;
}

/** The body's first task (task-array bodies), or the body itself. */
function firstTask(body: unknown): unknown {
  return Array.isArray(body) ? body.find(isObject) : body;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// ---------------------------------------------------------------------------------------------
// Answers

/** The example answer for a request, wrapped in the transport envelope, or why there is none. */
function answerFor(
  offering: MockOffering,
  siblings: readonly MockOffering[],
  transport: HttpTransportDescriptor,
  task: JsonRecord,
  extra: JsonRecord = {},
): { body: unknown } | Failure {
  const example = bestExample(offering, task, "response", siblings);
  if (!example) return { status: 501, code: "no_example", type: "server_error", message: `The mock has no example response for ${offering.model}` };
  const response = example.response as JsonRecord;
  const shape = transport.responseBody;
  const wrapped =
    (shape.kind === "envelope" && shape.result in response && shape.success in response) ||
    (shape.kind === "data-array" && Array.isArray(response[shape.data]));
  const items: JsonRecord[] = wrapped
    ? shape.kind === "data-array"
      ? (response[(shape as { data: string }).data] as unknown[]).filter(isObject)
      : [response[(shape as { result: string }).result] as JsonRecord]
    : [response];
  // A top-level array answer (classification, detection) is sent as it is.
  const answers = repeat(items, resultCount(shape, task)).map((item) => (Array.isArray(item) ? item : { ...echo(transport, item, task), ...extra }));
  const validate = offering.validators?.response;
  const bad = answers.findIndex((item) => validate && !validate(item));
  if (bad >= 0) {
    const issue = describeIssue(validate!.errors?.[0]);
    return {
      status: 500,
      code: "bad_example",
      type: "server_error",
      message: `Mock example "${example.name ?? "?"}" fails the response validator: ${issue.message}`,
    };
  }
  if (wrapped && shape.kind === "envelope") return { body: response };
  return { body: shape.kind === "data-array" ? wrap(offering, transport, answers) : wrap(offering, transport, answers[0]!) };
}

/** How many result items the task asks for (`numberResults: n`), when the transport names such a field. */
function resultCount(shape: HttpTransportDescriptor["responseBody"], task: JsonRecord): number {
  const value = shape.kind === "data-array" && shape.countField !== undefined ? task[shape.countField] : undefined;
  return typeof value === "number" && Number.isInteger(value) && value > 1 ? Math.min(value, 100) : 1;
}

/** The example's items, cycled to `count` when more are asked for than the example holds. */
function repeat(items: JsonRecord[], count: number): JsonRecord[] {
  if (items.length === 0 || count <= items.length) return items;
  return Array.from({ length: count }, (_, i) => items[i % items.length]!);
}

/** A result in the transport's success envelope. */
function wrap(offering: MockOffering, transport: HttpTransportDescriptor, result: unknown): unknown {
  const shape = transport.responseBody;
  if (shape.kind === "plain") return result;
  if (shape.kind === "data-array") return { [shape.data]: result };
  // The success envelope carries the error envelope's other required fields, empty (`errors: []`, `messages: []`).
  const body = fillRequired({}, offering.errors.schema);
  const top = offering.errors.pointer.split("/")[1];
  if (top && pointsToArray(offering.errors)) body[top] = [];
  return { ...body, [shape.result]: result, [shape.success]: true };
}

/** Task-array transports echo the task's UUID into every result and event. */
function echo(transport: HttpTransportDescriptor, item: JsonRecord, task: JsonRecord): JsonRecord {
  if (transport.requestBody.kind !== "task-array") return structuredClone(item);
  const field = transport.requestBody.uuidField;
  return { ...structuredClone(item), [field]: task[field] };
}

/**
 * The example whose request shares the most top-level values with this one (ties go to the first).
 * An offering without such examples borrows its provider's others (the wire shape is the same),
 * renamed to the offering that was asked for; the validators still check what is sent.
 */
function bestExample(
  offering: MockOffering,
  task: JsonRecord,
  want: "response" | "events",
  siblings: readonly MockOffering[],
): MockExample | undefined {
  const own = offering.examples.filter((example) => example[want]);
  const lenders = own.length > 0 ? [offering] : siblings.filter((o) => o.provider === offering.provider && o !== offering);
  let best: { example: MockExample; lender: MockOffering } | undefined;
  let bestScore = -1;
  for (const lender of lenders) {
    for (const example of lender.examples) {
      if (!example[want]) continue;
      const score = Object.entries(example.request).filter(([key, value]) => sameJson(task[key], value)).length;
      if (score > bestScore) [best, bestScore] = [{ example, lender }, score];
    }
  }
  if (!best || best.lender === offering) return best?.example;
  return renamed(best.example, best.lender.model, offering.model);
}

/**
 * A borrowed example as the borrower's: every `model` string names the borrower, and the lender's
 * model name inside an `id` (`chatcmpl-example-gpt-5-4-usage`) becomes the borrower's.
 */
function renamed(example: MockExample, from: string, to: string): MockExample {
  const name = (model: string) => model.split(/[/:@]/).at(-1)!;
  const spellings = [...new Set([name(from), name(from).replace(/\./g, "-")])];
  const replacements = spellings.map((spelling) => [spelling, spelling === name(from) ? name(to) : name(to).replace(/\./g, "-")] as const);
  const rewrite = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => rewrite(item));
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, k)]));
    if (typeof value !== "string") return value;
    if (key === "model") return to;
    if (key === "id") return replacements.reduce((text, [a, b]) => text.split(a).join(b), value);
    return value;
  };
  return {
    ...example,
    ...(example.response && { response: rewrite(example.response) as JsonRecord }),
    ...(example.events && { events: example.events.map((event) => rewrite(event) as JsonRecord) }),
  };
}

// ---------------------------------------------------------------------------------------------
// Errors in the provider's shape

/** The provider's error body for a failure, built from its error descriptor (and schema, if given). */
function errorBody(offering: MockOffering, transport: HttpTransportDescriptor, failure: Failure, task?: JsonRecord): unknown {
  const { pointer, schema } = offering.errors;
  const error = errorObject(offering, transport, failure, task);
  if (pointer === "") return error;
  const body = fillRequired({}, schema);
  setPointer(body, pointer, pointsToArray(offering.errors) ? [error] : error);
  const shape = transport.responseBody;
  if (shape.kind === "envelope") Object.assign(body, { [shape.result]: null, [shape.success]: false });
  return body;
}

/** Whether the error pointer holds an array of errors: per the schema, else by the name (`errors` vs `error`). */
function pointsToArray(errors: MockOffering["errors"]): boolean {
  const target = schemaAt(errors.schema, errors.pointer);
  return target ? target.type === "array" || target.items !== undefined : /s$/.test(errors.pointer);
}

function errorObject(offering: MockOffering, transport: HttpTransportDescriptor, failure: Failure, task?: JsonRecord): JsonRecord {
  const { fields, pointer, schema } = offering.errors;
  let itemSchema = schemaAt(schema, pointer);
  if (itemSchema && (itemSchema.type === "array" || itemSchema.items)) itemSchema = deref(schema, itemSchema.items);
  const props = isObject(itemSchema?.properties) ? itemSchema.properties : {};
  const out: JsonRecord = {};
  // Task-array providers name the task an error belongs to: copy task fields the error schema declares.
  if (task && transport.requestBody.kind === "task-array") {
    for (const key of Object.keys(props)) if (key in task) out[key] = task[key];
    out[transport.requestBody.uuidField] = task[transport.requestBody.uuidField];
  }
  if (fields.code) {
    const codeType = deref(schema, props[fields.code])?.type;
    const numeric =
      codeType === "integer" || codeType === "number" || (Array.isArray(codeType) && (codeType.includes("integer") || codeType.includes("number")));
    out[fields.code] = numeric ? failure.status : failure.code;
  }
  out[fields.message] = failure.message;
  if (fields.type) out[fields.type] = failure.type;
  if (fields.parameter && failure.parameter !== undefined) out[fields.parameter] = failure.parameter;
  else if (fields.parameter && fieldAllowsNull(deref(schema, props[fields.parameter]))) out[fields.parameter] = null;
  return out;
}

/** The error event a stream carries, per the streaming descriptor; undefined when it declares none. */
function streamErrorEvent(offering: MockOffering, transport: HttpTransportDescriptor, failure: Failure, task: JsonRecord): JsonRecord | undefined {
  const streaming = transport.streaming!;
  const eventType = streaming.errorEventTypes?.[0];
  // The event's own `type` wins over an error-type field of the same name (OpenAI's `error` event).
  if (eventType !== undefined) return { ...errorObject(offering, transport, failure, task), type: eventType };
  const field = streaming.errorField;
  if (field === undefined) return undefined;
  if (offering.errors.pointer === `/${field}`)
    return errorBody(offering, { ...transport, responseBody: { kind: "plain" } }, failure, task) as JsonRecord;
  return { [field]: [errorObject(offering, transport, failure, task)] };
}

/** `{ code, message, parameter }` naming the failing field of the first validation issue. */
function describeIssue(issue: ValidationIssue | undefined): { code: string; message: string; parameter?: string } {
  if (!issue) return { code: "invalid_request", message: "The request is invalid" };
  const segments = issue.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const extra = issue.params?.missingProperty ?? issue.params?.additionalProperty;
  if (typeof extra === "string") segments.push(extra);
  const parameter = segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path ? `${path}.${s}` : s), "");
  let what =
    issue.keyword === "required" ? "is required" : issue.keyword === "additionalProperties" ? "is not allowed" : (issue.message ?? "is invalid");
  // ajv says "must be equal to one of the allowed values" without them: name them.
  const allowed = issue.params?.allowedValues ?? (issue.params && "allowedValue" in issue.params ? [issue.params.allowedValue] : undefined);
  if (Array.isArray(allowed)) what += ` (${allowed.map((v) => JSON.stringify(v)).join(", ")})`.slice(0, 300);
  return {
    code: "invalid_request",
    message: parameter ? `Invalid parameter '${parameter}': ${what}` : `Invalid request: ${what}`,
    ...(parameter && { parameter }),
  };
}

// ---------------------------------------------------------------------------------------------
// Small JSON Schema helpers (only local `#/...` refs, which is what bundled specs use)

function deref(root: unknown, schema: unknown): JsonRecord | undefined {
  for (let s = schema, depth = 0; depth < 20; depth++) {
    if (!isObject(s)) return undefined;
    if (typeof s.$ref !== "string" || !s.$ref.startsWith("#")) return s;
    s = getPointer(root, s.$ref.slice(1));
  }
  return undefined;
}

function schemaAt(root: unknown, pointer: string): JsonRecord | undefined {
  let s = deref(root, root);
  for (const segment of pointer.split("/").slice(1)) {
    if (!s) return undefined;
    const props = isObject(s.properties) ? s.properties : {};
    s = deref(root, /^\d+$/.test(segment) && s.items ? s.items : props[segment]);
  }
  return s;
}

/**
 * Fills the required top-level properties of an object schema with empty values of their type, and
 * its declared array properties with `[]` (Cloudflare's envelope always carries `messages: []`).
 */
function fillRequired(body: JsonRecord, schema: unknown): JsonRecord {
  const s = deref(schema, schema);
  if (!s) return body;
  const props = isObject(s.properties) ? s.properties : {};
  const typeOf = (name: string) => {
    const type = deref(schema, props[name])?.type;
    return Array.isArray(type) ? type[0] : type;
  };
  for (const name of Object.keys(props)) if (!(name in body) && typeOf(name) === "array") body[name] = [];
  for (const name of Array.isArray(s.required) ? s.required : []) {
    if (typeof name !== "string" || name in body) continue;
    body[name] = emptyValueOf(typeOf(name));
  }
  return body;
}

/** The placeholder `fillRequired` gives a required field of this JSON Schema type. */
function emptyValueOf(type: unknown): unknown {
  switch (type) {
    case "array":
      return [];
    case "object":
      return {};
    case "boolean":
      return false;
    case "string":
      return "";
    case "number":
    case "integer":
      return 0;
    default:
      return null;
  }
}

function fieldAllowsNull(schema: JsonRecord | undefined): boolean {
  return schema?.type === "null" || (Array.isArray(schema?.type) && schema.type.includes("null"));
}

function setPointer(body: JsonRecord, pointer: string, value: unknown): void {
  const keys = pointer.split("/").slice(1);
  let target = body;
  for (const key of keys.slice(0, -1)) {
    if (!isObject(target[key])) target[key] = {};
    target = target[key] as JsonRecord;
  }
  target[keys.at(-1)!] = value;
}

// ---------------------------------------------------------------------------------------------
// I/O

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, record: MockRequestRecord, status: number, body: unknown): void {
  sendText(res, record, status, "application/json", JSON.stringify(body));
}

function sendText(res: ServerResponse, record: MockRequestRecord, status: number, type: string, text: string | Uint8Array): void {
  if (res.destroyed) return;
  record.status = status;
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function numberHeader(req: IncomingMessage, name: string): number | undefined {
  const value = req.headers[name];
  const n = typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
