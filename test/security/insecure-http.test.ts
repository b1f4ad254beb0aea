/**
 * Secrets and network hygiene, through the generated clients as users import them: an API key is
 * never sent over plain http:// to a host that is not loopback unless the caller opts in with
 * `allowInsecureHttp: true`; the refusal comes before any request, as a typed error, and the key
 * appears nowhere in that error. The injected `fetch` records calls and never touches the network.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { importGenerated } from "../helpers.js";

const KEY = "sk-live-5f3c1e9a7b2d4c6e8f0a1b3c5d7e9f00";

type Create = (request: object, call?: object) => Promise<unknown>;
type Factory = (options: Record<string, unknown>) => Record<string, { create: Create }>;

const root = await importGenerated<Record<string, unknown> & { offerings: Record<string, { examples: { request: object }[] }> }>("index.js");
const runtime = await importGenerated<{ InsecureTransportError: new (...args: never[]) => Error; ModelspecError: new (...args: never[]) => Error }>("runtime/index.js");

/** Each generated HTTP client, with one of its offerings and a valid request from the spec's examples. */
const clients = [
  { factory: "createAnyfastRestClient", member: "gpt54Mini", offering: "anyfast/gpt-5.4-mini", options: {} },
  { factory: "createCloudflareRestClient", member: "gpt54Mini", offering: "cloudflare/gpt-5.4-mini", options: { accountId: "acct-1" } },
  { factory: "createRunwareRestClient", member: "gpt54Mini", offering: "runware/gpt-5.4-mini", options: {} },
].map((c) => ({ ...c, create: root[c.factory] as Factory, request: root.offerings[c.offering]!.examples[0]!.request }));

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
const LOOPBACK = ["http://127.0.0.1:8787", "http://127.0.0.1", "http://localhost", "http://localhost:3000", "http://[::1]", "http://[::1]:9"];

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

  it("sends to https:// without opting in", async () => {
    const { calls, made } = construct(client, "https://api.example.com");
    await made![client.member]!.create(client.request).catch(() => undefined);
    expect(calls).toHaveLength(1);
  });
});
