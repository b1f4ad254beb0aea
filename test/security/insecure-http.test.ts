/**
 * Secrets and network hygiene, through the generated clients as users import them: an API key is
 * never sent over plain http:// to a host that is not loopback unless the caller opts in with
 * `allowInsecureHttp: true`; the refusal comes before any request, as a typed error, and the key
 * appears nowhere in that error. The injected `fetch` records calls and never touches the network.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { importGenerated } from "../helpers.js";

const KEY = "sk-live-5f3c1e9a7b2d4c6e8f0a1b3c5d7e9f00";

type Create = (request: object, call?: object) => Promise<unknown>;
type Factory = (options: Record<string, unknown>) => Record<string, { create: Create }>;

// The root's factories, and the registry from its own entry.
const root: Record<string, unknown> & { offerings: Record<string, { examples: { request: object }[] }> } = {
  ...(await importGenerated<Record<string, unknown>>("index.js")),
  ...(await importGenerated<{ offerings: Record<string, { examples: { request: object }[] }> }>("offerings.js")),
};
const runtime = await importGenerated<{ InsecureTransportError: new (...args: never[]) => Error; ModelspecError: new (...args: never[]) => Error }>(
  "runtime/index.js",
);

interface Registry {
  offerings: Record<string, { id: string; provider: string; clientKey: string; examples: { request: object }[] }>;
  providers: Record<string, { transports: { id: string; kind: string; pathParams?: { name: string }[] }[] }>;
}
const registry = root as unknown as Registry & Record<string, { clients: Record<string, Factory> }>;

/**
 * Each generated HTTP client (every HTTP transport of every provider, read from the registry), with
 * its provider's first offering and a valid request from that spec's examples.
 */
const clients = Object.entries(registry.providers).flatMap(([id, provider]) => {
  const offering = Object.values(registry.offerings).find((o) => o.provider === id);
  if (!offering) return []; // a provider with no offering yet has no client member to call
  return provider.transports
    .filter((t) => t.kind === "http")
    .map((t) => {
      const create = registry[id]!.clients[t.id]!;
      return {
        factory: create.name,
        member: offering.clientKey,
        offering: offering.id,
        // Path parameters (Cloudflare's accountId) are required options; any value does.
        options: Object.fromEntries((t.pathParams ?? []).map((p) => [p.name, "acct-1"])),
        create,
        request: offering.examples[0]!.request,
      };
    });
});

function recordingFetch() {
  const calls: { url: string; headers: Headers }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers) });
    return new Response(JSON.stringify({ error: { message: "no" } }), { status: 400, headers: { "content-type": "application/json" } });
  };
  return { calls, fetch };
}

function construct(client: (typeof clients)[number], baseUrl: string, extra: Record<string, unknown> = {}) {
  const { calls, fetch } = recordingFetch();
  let error: unknown;
  let made: ReturnType<Factory> | undefined;
  try {
    made = client.create({ apiKey: KEY, baseUrl, fetch, maxRetries: 0, ...client.options, ...extra });
  } catch (e) {
    error = e;
  }
  return { calls, made, error };
}

/** Every way an error is shown or logged. */
function renderings(error: unknown): Record<string, string> {
  const e = error as Error;
  return {
    message: e.message,
    stack: String(e.stack),
    json: JSON.stringify(e),
    ownProperties: JSON.stringify(Object.getOwnPropertyNames(e).map((k) => [k, String((e as unknown as Record<string, unknown>)[k])])),
    string: String(e),
    inspect: inspect(e, { depth: 10, showHidden: true }),
    cause: String((e as { cause?: unknown }).cause ?? ""),
  };
}

const REFUSED = [
  "http://api.example.com",
  "HTTP://API.EXAMPLE.COM/v1",
  "http://10.0.0.1:8080",
  "http://localhost.example.com",
  "http://127.0.0.1.example.com",
  "http://localhost@api.example.com",
  "http://127.0.0.1:80@api.example.com",
];
// The URL parser lower-cases hosts and shortens IPv6 (`[0:0:0:0:0:0:0:1]` is `[::1]`); all of 127.0.0.0/8 is loopback.
const LOOPBACK = [
  "http://127.0.0.1:8787",
  "http://127.0.0.1",
  "http://127.0.0.2:1",
  "http://localhost",
  "http://LOCALHOST:3000",
  "http://[::1]",
  "http://[::1]:9",
  "http://[0:0:0:0:0:0:0:1]:9",
];

describe("the clients above", () => {
  it("are every generated client that sends a key over HTTP (one per http transport); the rest are Workers bindings, which send no key", () => {
    const providers = root.providers as Record<string, { transports: { id: string; kind: string }[] }>;
    const http = Object.entries(providers).flatMap(([id, p]) => p.transports.filter((t) => t.kind === "http").map(() => id));
    expect(clients.map((c) => c.offering.split("/")[0]).sort()).toEqual(http.sort());
    const bindings = Object.values(providers).flatMap((p) => p.transports.filter((t) => t.kind !== "http"));
    const others = Object.keys(root).filter((name) => /^create\w+Client$/.test(name) && !clients.some((c) => c.factory === name));
    expect(others).toHaveLength(bindings.length);
    for (const name of others) expect(name).toMatch(/Binding/);
  });
});

describe.each(clients)("$factory ($offering)", (client) => {
  it.each(REFUSED)("refuses %s with InsecureTransportError before any request", (baseUrl) => {
    const { calls, made, error } = construct(client, baseUrl);
    expect(made).toBeUndefined();
    expect(error).toBeInstanceOf(runtime.InsecureTransportError);
    expect(error).toBeInstanceOf(runtime.ModelspecError);
    expect((error as Error).message).toMatch(/http:\/\//);
    expect(calls).toEqual([]);
  });

  it("never carries the key in the refusal: message, stack, JSON, String, inspect", () => {
    const { error } = construct(client, "http://api.example.com");
    expect(error).toBeInstanceOf(runtime.InsecureTransportError);
    for (const [form, text] of Object.entries(renderings(error))) {
      expect(text, form).not.toContain(KEY);
      expect(text, form).not.toContain(KEY.slice(0, 12));
    }
  });

  it.each(LOOPBACK)("sends to loopback %s", async (baseUrl) => {
    const { calls, made, error } = construct(client, baseUrl);
    expect(error).toBeUndefined();
    await made![client.member]!.create(client.request).catch(() => undefined);
    expect(calls).toHaveLength(1);
    expect(new URL(calls[0]!.url).origin).toBe(new URL(baseUrl).origin);
    expect(calls[0]!.headers.get("authorization")).toBe(`Bearer ${KEY}`);
  });

  it("sends to a non-loopback http:// host only with allowInsecureHttp: true", async () => {
    const { calls, made, error } = construct(client, "http://api.example.com", { allowInsecureHttp: true });
    expect(error).toBeUndefined();
    await made![client.member]!.create(client.request).catch(() => undefined);
    expect(calls.map((c) => new URL(c.url).origin)).toEqual(["http://api.example.com"]);
    expect(construct(client, "http://api.example.com", { allowInsecureHttp: false }).error).toBeInstanceOf(runtime.InsecureTransportError);
  });

  it("refuses just the same when the key comes as `token` (the alias)", () => {
    const { calls, fetch } = recordingFetch();
    const create = () => client.create({ token: KEY, baseUrl: "http://api.example.com", fetch, ...client.options });
    expect(create).toThrow(runtime.InsecureTransportError);
    expect(calls).toEqual([]);
  });

  it("sends to https:// without opting in", async () => {
    const { calls, made } = construct(client, "https://api.example.com");
    await made![client.member]!.create(client.request).catch(() => undefined);
    expect(calls).toHaveLength(1);
  });
});

describe.each(clients)("$offering does not follow redirects", (client) => {
  /** Two real servers on 127.0.0.1: the configured one redirects to the other, which counts what reaches it. */
  async function redirectingPair(status: number) {
    const reached: (string | undefined)[] = [];
    const elsewhere = createServer((request, response) => {
      reached.push(request.headers.authorization ?? request.headers["x-api-key"]?.toString());
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((done) => elsewhere.listen(0, "127.0.0.1", done));
    const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/steal`;
    let hits = 0;
    const configured = createServer((_request, response) => {
      hits++;
      response.writeHead(status, { location: target }).end();
    });
    await new Promise<void>((done) => configured.listen(0, "127.0.0.1", done));
    const close = () => Promise.all([elsewhere, configured].map((s) => new Promise((done) => s.close(done))));
    return { baseUrl: `http://127.0.0.1:${(configured.address() as AddressInfo).port}`, target, reached, hits: () => hits, close };
  }

  it.each([301, 302, 307, 308])("a %i is an ApiError naming the address, not retried, and the key never reaches it", async (status) => {
    const pair = await redirectingPair(status);
    try {
      const made = client.create({ apiKey: KEY, baseUrl: pair.baseUrl, maxRetries: 2, ...client.options });
      const error = await made[client.member]!.create(client.request).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(runtime.ModelspecError);
      expect(error).toMatchObject({ name: "ApiError", status });
      expect((error as Error).message).toContain(`redirected to "${pair.target}"`);
      expect((error as Error).message).toContain("set baseUrl to the final address");
      expect(pair.hits()).toBe(1);
      expect(pair.reached).toEqual([]);
    } finally {
      await pair.close();
    }
  });
});
