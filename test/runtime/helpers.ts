/** Shared test setup: a mock server per test (always closed) and clients in the three styles. */
import { inspect } from "node:util";
import { afterEach, expect } from "vitest";
import { createHttpClient, type ClientOptions, type Operation } from "../../generator/runtime/index.js";
import { startMockServer, type MockServer, type MockServerOptions } from "../../generator/runtime/mock-server.js";
import * as f from "./fixtures.js";

const open: MockServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

/** A mock server on 127.0.0.1:0 serving the fixtures; closed after the test. */
export async function mockServer(options: Partial<MockServerOptions> = {}): Promise<MockServer> {
  const server = await startMockServer({ apiKey: f.API_KEY, offerings: f.offerings, ...options });
  open.push(server);
  return server;
}

/** Records the delays the client asked for and returns at once. */
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

export type Style = "cloudflare" | "runware" | "anyfast";
export const styles: Style[] = ["cloudflare", "runware", "anyfast"];

/** A client core and a valid operation (and an invalid one) for a provider style. */
export function client(style: Style, options: Partial<ClientOptions> & { accountId?: string } = {}) {
  const common = { apiKey: f.API_KEY, accountId: f.ACCOUNT_ID, ...options };
  if (style === "cloudflare") {
    const core = createHttpClient({ provider: "cloudflare", transport: f.cloudflareRest, errors: f.cloudflareErrors }, common);
    const op = (request: object): Operation => ({ model: f.CLOUDFLARE_MODEL, request, validators: f.cloudflareValidators });
    return {
      core,
      op,
      valid: op({ messages: [{ role: "user", content: "Say hello" }] }),
      invalid: op({ messages: [{ role: "robot", content: "Say hello" }] }),
      invalidPath: "/messages/0/role",
    };
  }
  if (style === "runware") {
    const core = createHttpClient(
      { provider: "runware", transport: f.runwareRest, errors: f.runwareErrors, retryStatuses: [408, 429, 500, 502, 503, 504] },
      common,
    );
    const op = (request: object): Operation => ({ model: f.RUNWARE_MODEL, request, fixed: f.runwareFixed, validators: f.runwareValidators });
    return {
      core,
      op,
      valid: op({ messages: [{ role: "user", content: "Say hello" }] }),
      invalid: op({ messages: [{ role: "system", content: "Say hello" }] }),
      invalidPath: "/messages/0/role",
    };
  }
  const core = createHttpClient({ provider: "anyfast", transport: f.anyfastRest, errors: f.anyfastErrors }, common);
  const op = (request: object): Operation => ({ model: f.ANYFAST_MODEL, request, fixed: { model: f.ANYFAST_MODEL }, validators: f.anyfastValidators });
  return {
    core,
    op,
    valid: op({ input: [{ role: "user", content: "Say hello" }] }),
    invalid: op({ input: [] }),
    invalidPath: "/input",
  };
}

export async function collect<E>(events: AsyncIterable<E>): Promise<E[]> {
  const out: E[] = [];
  for await (const event of events) out.push(event);
  return out;
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

/** Asserts the key appears nowhere in what a thrown error shows: message, stack, toString, JSON, inspect. */
export function expectNoKey(error: unknown, key = f.API_KEY): void {
  const err = error as Error;
  const views = [
    String(err),
    err.message,
    err.stack ?? "",
    JSON.stringify(err),
    JSON.stringify(Object.entries(err)),
    inspect(err, { depth: Infinity, showHidden: true }),
  ];
  for (const view of views) expect(view).not.toContain(key);
}

export async function until(condition: () => boolean, ms = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}
