/**
 * Shared setup for the suites that drive the GENERATED package (generated/index.js, generated/mock/index.js)
 * against the generated mock server on 127.0.0.1:0.
 *
 * Importing this module, a test file gets, without asking:
 * - every mock server it started closed after each test;
 * - an afterAll check that the file left no server, socket, timer or child process running
 *   (process.getActiveResourcesInfo() before and after);
 * - an afterAll check that the API key appears in nothing the file saw: every error that went
 *   through `rejection()` (message, stack, toString, JSON, util.inspect, own properties and cause
 *   chain) and everything written to the console, stdout or stderr while it ran.
 */
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import * as generated from "../../generated/offerings.js";
import { providers, type Offering } from "../../generated/offerings.js";
import { startMockProviders, type MockServer, type MockServerOptions } from "../../generated/mock/index.js";
import type { TransportDescriptor, Validator } from "../../generated/runtime/index.js";

export const API_KEY = "sk-modelspec-test-3b9f1c7e5a2d4f60-SECRET";
export const ACCOUNT_ID = "acct-test";

// ------------------------------------------------------------------------------------------------
// Mock servers, closed after every test

const open = new Set<MockServer>();
afterEach(async () => {
  await Promise.all([...open].map((server) => server.close()));
  open.clear();
});

/** The generated mock (`startMockProviders`) on 127.0.0.1:0, requiring API_KEY; closed after the test. */
export async function mock(options: Omit<MockServerOptions, "offerings"> = {}): Promise<MockServer> {
  const server = await startMockProviders({ apiKey: API_KEY, ...options });
  open.add(server);
  return server;
}

// ------------------------------------------------------------------------------------------------
// Nothing left running

/** Resource kinds a test could leave behind: servers, sockets, timers, child processes and their pipes. */
const WATCHED = new Set(["TCPServerWrap", "TCPSocketWrap", "Timeout", "Immediate", "ProcessWrap", "PipeWrap"]);

function resourceCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) if (WATCHED.has(kind)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

function leaks(before: Map<string, number>): string[] {
  return [...resourceCounts()].filter(([kind, n]) => n > (before.get(kind) ?? 0)).map(([kind, n]) => `${kind}: ${before.get(kind) ?? 0} → ${n}`);
}

let resourcesBefore = new Map<string, number>();
beforeAll(() => {
  resourcesBefore = resourceCounts();
});
afterAll(async () => {
  // Closed sockets are released on a later turn of the event loop: give it a few, without timers.
  for (let turn = 0; turn < 200 && leaks(resourcesBefore).length > 0; turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(leaks(resourcesBefore), "resources this file left running").toEqual([]);
});

// ------------------------------------------------------------------------------------------------
// The key never shows

const thrown: unknown[] = [];
const written: string[] = [];
const restore: (() => void)[] = [];

beforeAll(() => {
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write;
    stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      written.push(String(chunk));
      return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof stream.write;
    restore.push(() => (stream.write = original));
  }
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      written.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 10, showHidden: true }))).join(" "));
      original.apply(console, args);
    };
    restore.push(() => (console[method] = original));
  }
});

afterAll(() => {
  for (const undo of restore.splice(0)) undo();
  for (const error of thrown) expectNoKey(error);
  for (const text of written) expect(text).not.toContain(API_KEY);
});

/** Every way an error is shown or logged, its cause chain included. */
export function renderings(error: unknown): string[] {
  const views: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 10; depth++) {
    const record = e as Record<string, unknown> & Error;
    views.push(
      String(e),
      typeof record.message === "string" ? record.message : "",
      typeof record.stack === "string" ? record.stack : "",
      safeJson(e),
      safeJson(Object.getOwnPropertyNames(Object(e)).map((k) => [k, String(record[k])])),
      inspect(e, { depth: Infinity, showHidden: true }),
    );
    e = e instanceof Error ? e.cause : undefined;
  }
  return views;
}

export function expectNoKey(error: unknown, key = API_KEY): void {
  for (const view of renderings(error)) expect(view).not.toContain(key);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

/** The rejection of a promise (the test fails when it resolves); recorded for the key check. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    thrown.push(error);
    return error as Error;
  }
  throw new Error("expected a rejection");
}

// ------------------------------------------------------------------------------------------------
// Small tools

export async function collect<E>(events: AsyncIterable<E>): Promise<E[]> {
  const out: E[] = [];
  for await (const event of events) out.push(event);
  return out;
}

/** Records the delays a client asked for and returns at once (no real waiting). */
export function recordingSleep() {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms: number, signal?: AbortSignal) => {
      delays.push(ms);
      signal?.throwIfAborted();
    },
  };
}

/** Waits, turn by turn of the event loop and without timers, until `condition` holds. */
export async function until(condition: () => boolean, what = "condition"): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > 10_000) throw new Error(`${what} not met`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Every `model` string anywhere in a value. */
export function modelFields(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) modelFields(item, out);
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "model" && typeof item === "string") out.push(item);
      else modelFields(item, out);
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Targets: every offering of the generated registry × every transport of its provider

type Json = Record<string, unknown>;
type Call = Record<string, unknown>;

/** One offering's methods on a generated client (`client[offering.clientKey]`). */
export interface OfferingMethods {
  create(request: object, call?: Call): Promise<unknown>;
  stream?(request: object, call?: Call): AsyncIterable<unknown>;
}

export interface Target {
  /** `cloudflare/gpt-5.4-mini over rest` */
  name: string;
  offering: Offering;
  transport: TransportDescriptor;
  http: boolean;
  /** The generated client for this target, talking to `server` (a binding goes through a fake env.AI). */
  client(server: Pick<MockServer, "url">, options?: Call & { binding?: FakeAi }): OfferingMethods;
  /** Call options that select a mock fault hook (request headers, or the binding's extraHeaders). */
  hooks(headers: Record<string, string>): Call;
  /** A valid request built from the spec's examples, without the fields the client fills. */
  valid: Json;
  /** `valid` with its first array-valued field replaced by a number, which the validator rejects. */
  invalid: Json;
  invalidField: string;
  retryStatuses: readonly number[] | undefined;
  /** The offering's stream-event validator; undefined for an offering that does not stream. */
  streamValidator: Validator | undefined;
  /** Whether this target streams: the transport declares streaming and the offering has stream events. */
  streams: boolean;
}

type Factory = (options: Call) => Record<string, OfferingMethods>;

/** What `targetsOf` reads from a generated `index.js`: the registries and each provider's client factories. */
export interface GeneratedIndex {
  offerings: Record<string, Offering>;
  providers: Record<string, { transports: readonly TransportDescriptor[]; retryStatuses?: readonly number[] }>;
}

/** Every offering × transport of a generated package (the committed one, or a generation in a temporary folder). */
export function targetsOf(index: GeneratedIndex): Target[] {
  const namespaces = index as unknown as Record<string, { clients: Record<string, Factory> }>;
  return Object.values(index.offerings).flatMap((offering) => targetsFor(offering, index.providers[offering.provider]!, namespaces));
}

export const targets: Target[] = targetsOf(generated as unknown as GeneratedIndex);

function targetsFor(
  offering: Offering,
  provider: GeneratedIndex["providers"][string],
  namespaces: Record<string, { clients: Record<string, Factory> }>,
): Target[] {
  return provider.transports.map((transport: TransportDescriptor): Target => {
    const factory = namespaces[offering.provider]!.clients[transport.id]!;
    const http = transport.kind === "http";
    const valid = validRequest(offering, transport, provider.transports);
    const field = Object.keys(valid).find((key) => Array.isArray(valid[key]));
    if (!field) throw new Error(`${offering.id}: no array field in the example request to break`);
    return {
      name: `${offering.id} over ${transport.id}`,
      offering,
      transport,
      http,
      client(server, options = {}) {
        const { binding, ...rest } = options;
        const made = http
          ? factory({ apiKey: API_KEY, baseUrl: server.url, ...pathParamsOf(transport), ...rest })
          : factory({ binding: binding ?? fakeAi(server, provider.transports), ...rest });
        return made[offering.clientKey]!;
      },
      hooks: (headers) => (http ? { headers } : { extraHeaders: headers }),
      valid,
      invalid: { ...valid, [field]: 42 },
      invalidField: field,
      retryStatuses: provider.retryStatuses,
      streamValidator: (offering.validators as { stream?: Validator }).stream,
      streams: transport.streaming !== undefined && (offering.validators as { stream?: Validator }).stream !== undefined,
    };
  });
}

function pathParamsOf(transport: TransportDescriptor): Record<string, string> {
  if (transport.kind !== "http") return {};
  return Object.fromEntries((transport.pathParams ?? []).map((p) => [p.name, p.name === "accountId" ? ACCOUNT_ID : `test-${p.name}`]));
}

/** The first example request that is neither streaming nor async, less what the client fills. */
function validRequest(offering: Offering, transport: TransportDescriptor, transports: readonly TransportDescriptor[]): Json {
  const switches = transports.flatMap((t) => [t.streaming?.enable, t.kind === "http" ? t.async?.enable : undefined]).filter((s) => s !== undefined);
  const plain = offering.examples
    .map((e) => e.request as unknown as Json)
    .find((request) => !switches.some((s) => JSON.stringify(request[s.field]) === JSON.stringify(s.value)));
  const request = { ...(plain ?? (offering.examples[0]!.request as unknown as Json)) };
  for (const s of switches) delete request[s.field];
  if (transport.kind === "http" && transport.requestBody.kind === "task-array") delete request[transport.requestBody.uuidField];
  return request;
}

/** A provider's error body holding `error` at its error pointer (in an array where its schema has one). */
export function providerErrorBody(provider: string, error: Record<string, unknown>): unknown {
  const { pointer, schema } = providers[provider as keyof typeof providers].errors as { pointer: string; schema?: unknown };
  const keys = pointer.split("/").slice(1);
  const isArray = (depth: number) => {
    let node = schema as Record<string, unknown> | undefined;
    for (const key of keys.slice(0, depth + 1)) node = (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[key];
    return node?.type === "array";
  };
  return keys.reduceRight<unknown>((inner, key, depth) => ({ [key]: isArray(depth) ? [inner] : inner }), error);
}

// ------------------------------------------------------------------------------------------------
// A fake `env.AI` backed by the mock server

export interface FakeAi {
  run(model: string, inputs: Record<string, unknown>, options?: object): Promise<unknown>;
  calls: { model: string; inputs: Record<string, unknown>; options: Record<string, unknown> }[];
}

/**
 * Shaped like `env.AI`: `run(model, inputs, options)` sends the inputs to the provider's HTTP route
 * on the mock, returns the unwrapped output (or the SSE body as a ReadableStream when the inputs
 * stream), and throws like the binding when the provider reports an error. `options.extraHeaders`
 * reach the mock, so fault hooks work through it; `options.signal` cancels the request.
 */
export function fakeAi(server: Pick<MockServer, "url">, transports: readonly TransportDescriptor[]): FakeAi {
  const rest = transports.find((t) => t.kind === "http");
  if (rest?.kind !== "http") throw new Error("the fake binding needs an HTTP transport to forward to");
  const calls: FakeAi["calls"] = [];
  return {
    calls,
    async run(model, inputs, options = {}) {
      const opts = options as Record<string, unknown> & { signal?: AbortSignal; extraHeaders?: Record<string, string> };
      calls.push({ model, inputs, options: opts });
      const path = rest.path.replace(/\{([^}]+)\}/g, (_, name: string) => (name === "model" ? model : (pathParamsOf(rest)[name] ?? name)));
      const response = await fetch(server.url + path, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${API_KEY}`, ...opts.extraHeaders },
        body: JSON.stringify(inputs),
        ...(opts.signal && { signal: opts.signal }),
      });
      if ((response.headers.get("content-type") ?? "").includes("text/event-stream") && response.body) return response.body;
      const text = await response.text();
      const body = JSON.parse(text) as Json; // a malformed body throws here, as the binding would
      const shape = rest.responseBody;
      const failed = !response.ok || (shape.kind === "envelope" && body[shape.success] === false);
      if (failed) {
        const first = (body.errors as Json[] | undefined)?.[0];
        throw new Error(`${String(first?.code ?? response.status)}: ${String(first?.message ?? text)}`);
      }
      return shape.kind === "envelope" ? body[shape.result] : body;
    },
  };
}
