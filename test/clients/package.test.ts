/**
 * The generated package as a whole: every error kind is a class exported from it and carries what
 * happened; generated client methods are one-liners over the runtime; a new offering in a spec
 * gets its methods on the next generation with no code per model.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { packageSettings } from "../../generator/version.js";
import * as root from "../../generated/index.js";
import * as registry from "../../generated/offerings.js";
import * as runtime from "../../generated/runtime/index.js";
import { NO_CACHE } from "../../generator/cache.js";
import { clientsEmitter } from "../../generator/emit/clients.js";
import { indexesEmitter } from "../../generator/emit/indexes.js";
import { loadModel } from "../../generator/generate.js";
import { readSpecDir } from "../../generator/load.js";
import { GENERATED_DIR, SCHEMAS_DIR } from "../helpers.js";
import { API_KEY, providerErrorBody, rejection, targets } from "./harness.js";

/** A base URL no request reaches: these tests inject `fetch`. */
const NOWHERE = { url: "http://127.0.0.1:9" };
const errorsOf = (provider: string) =>
  (registry.providers as Record<string, { errors: { fields: Record<string, string | undefined> } }>)[provider]!.errors;

/** Every failure kind and its class; the HTTP status family maps statuses to ApiError subclasses. */
const ERROR_CLASSES = [
  "ModelspecError",
  "ApiError",
  "BadRequestError",
  "AuthenticationError",
  "PermissionDeniedError",
  "NotFoundError",
  "ConflictError",
  "UnprocessableEntityError",
  "RateLimitError",
  "InternalServerError",
  "ConnectionError",
  "TimeoutError",
  "AbortError",
  "StreamEndedEarlyError",
  "StreamError",
  "InvalidRequestError",
  "InvalidResponseError",
  "BindingError",
  "ConfigurationError",
  "InsecureTransportError",
] as const;

describe("typed error classes", () => {
  test.each(ERROR_CLASSES)("%s is exported from the package root and its runtime, and is a ModelspecError", (name) => {
    const Class = (root as unknown as Record<string, new (...args: never[]) => Error>)[name];
    expect(Class).toBeTypeOf("function");
    expect(Class).toBe((runtime as unknown as Record<string, unknown>)[name]);
    expect(Class!.prototype instanceof root.ModelspecError || Class === root.ModelspecError).toBe(true);
  });

  const http = targets.filter((t) => t.http);
  const statuses: [number, string][] = [
    [400, "BadRequestError"],
    [401, "AuthenticationError"],
    [403, "PermissionDeniedError"],
    [404, "NotFoundError"],
    [409, "ConflictError"],
    [422, "UnprocessableEntityError"],
    [429, "RateLimitError"],
    [500, "InternalServerError"],
    [502, "InternalServerError"],
    [418, "ApiError"],
  ];
  describe.each(http)("$name", (t) => {
    test.each(statuses)("HTTP %i → %s with the status, the provider's code and message, and the request id", async (status, name) => {
      const { fields } = errorsOf(t.offering.provider);
      const error = {
        [fields.message!]: "Quota exceeded for this key",
        ...(fields.code && { [fields.code]: "E42" }),
        ...(fields.parameter && { [fields.parameter]: "messages" }),
      };
      const body = providerErrorBody(t.offering.provider, error);
      const reply = () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "x-request-id": "req_123" } });
      const client = t.client(NOWHERE, { fetch: async () => reply(), maxRetries: 0 });
      const thrown = await rejection(client.create(t.valid));
      expect(thrown.name).toBe(name);
      expect(thrown).toBeInstanceOf(root.ApiError);
      expect(thrown).toMatchObject({
        status,
        providerMessage: "Quota exceeded for this key",
        requestId: "req_123",
        ...(fields.code && { code: "E42" }),
        ...(fields.parameter && { parameter: "messages" }),
      });
      expect(thrown.message).toContain(`${status} Quota exceeded for this key`);
    });

    test("a provider that echoes the key back, and a fetch that throws with it, are scrubbed", async () => {
      const { fields } = errorsOf(t.offering.provider);
      const echo = async (_input: RequestInfo | URL, init?: RequestInit) => {
        const auth = new Headers(init?.headers).get("authorization") ?? "";
        const body = providerErrorBody(t.offering.provider, { [fields.message!]: `Incorrect API key provided: ${auth}` });
        return new Response(JSON.stringify(body), { status: 401, headers: { "content-type": "application/json" } });
      };
      const echoed = await rejection(t.client(NOWHERE, { fetch: echo, maxRetries: 0 }).create(t.valid));
      expect(echoed.message).toContain("[redacted]");
      const leaky = async (_input: RequestInfo | URL, init?: RequestInit) => {
        throw new Error(`boom ${JSON.stringify(init?.headers)}`, { cause: new Error(API_KEY) });
      };
      const thrown = await rejection(t.client(NOWHERE, { fetch: leaky, maxRetries: 0 }).create(t.valid));
      expect(thrown).toBeInstanceOf(root.ConnectionError);
      // The harness checks every rejection of this file for the key after the last test.
    });
  });
});

describe("thin clients", () => {
  test.each(Object.keys(registry.providers))("generated/%s/client.js: every offering method is a one-liner over the runtime", async (provider) => {
    const source = await readFile(path.join(GENERATED_DIR, provider, "client.js"), "utf8");
    const methods = source.split("\n").filter((line) => /^\s+(create|stream): \(/.test(line));
    const offerings = Object.values(registry.offerings).filter((o) => o.provider === provider);
    const transports = (registry.providers as Record<string, { transports: readonly unknown[] }>)[provider]!.transports.length;
    expect(methods.length).toBeGreaterThanOrEqual(offerings.length * transports);
    for (const line of methods)
      expect(line).toMatch(/^\s+(create|stream): \(request, call\) => core\.(send|stream)\(Object\.assign\(\{ request \}, \w+\), call\),$/);
    // No transport logic per provider either: no fetch, loops, timers or error handling of its own.
    expect(source).not.toMatch(/\bfetch\(|\bfor \(|\bwhile \(|setTimeout|\bthrow\b|\btry\b/);
  });

  test("a new offering in a spec gets its client methods and registry entry on the next generation", async () => {
    const specs = await readSpecDir(SCHEMAS_DIR);
    const nano = new TextDecoder().decode(specs.get("cloudflare/gpt-5.4-nano.yaml"));
    const pico = nano.replace("slug: gpt-5.4-nano", "slug: gpt-5.4-pico").replace("model: openai/gpt-5.4-nano", "model: openai/gpt-5.4-pico");
    const withPico = new Map(specs).set("cloudflare/gpt-5.4-pico.yaml", new TextEncoder().encode(pico));
    const emit = async (files: typeof specs) => {
      const model = loadModel(files);
      const context = { cache: NO_CACHE, package: packageSettings() };
      const own = model.offerings.map((o) => indexesEmitter.emitOffering!(o, model, context));
      const emitted = (await Promise.all([clientsEmitter.emit(model, context), indexesEmitter.emit(model, context), ...own])).flat();
      return new Map(emitted.map((f) => [f.path, f.contents] as const));
    };
    const [before, after] = [await emit(specs), await emit(withPico)];

    const client = after.get("cloudflare/client.js")!;
    const declarations = after.get("cloudflare/client.d.ts")!;
    for (const factory of ["createCloudflareRestClient", "createCloudflareBindingClient"]) {
      const body = client.slice(client.indexOf(`export function ${factory}`));
      expect(body).toMatch(/gpt54Pico: \{\n\s+create: \(request, call\) => core\.send\(Object\.assign\(\{ request \}, gpt54PicoOperation\), call\),/);
      expect(body).toMatch(/\s+stream: \(request, call\) => core\.stream\(Object\.assign\(\{ request \}, gpt54PicoOperation\), call\),/);
    }
    for (const client of ["CloudflareRestClient", "CloudflareBindingClient"]) {
      const body = declarations.slice(declarations.indexOf(`export interface ${client}`));
      expect(body).toMatch(
        /readonly gpt54Pico: \{\n\s+create\(request: CloudflareGpt54PicoInput, call\?: \w+\): Promise<CloudflareGpt54PicoResponse>;\n\s+stream\(request: CloudflareGpt54PicoInput, call\?: \w+\): AsyncIterable<CloudflareGpt54PicoStreamEvent>;/,
      );
    }
    expect(client).toContain(`const gpt54PicoOperation = { model: "openai/gpt-5.4-pico"`);
    expect(after.get("offerings.js")).toContain(`"cloudflare/gpt-5.4-pico": cloudflare.offerings.gpt54Pico,`);
    // Its own entry carries a client for it alone.
    expect(after.get("cloudflare/gpt-5.4-pico/client.js")).toContain(`gpt54Pico: {`);
    expect(after.get("cloudflare/gpt-5.4-pico/client.js")).not.toContain("gpt54Mini");
    expect(after.get("cloudflare/gpt-5.4-pico/index.js")).toContain(`clientKey: "gpt54Pico",`);
    // Nothing else changed: the other providers' clients are byte-identical.
    for (const provider of ["anyfast", "runware"]) {
      for (const file of [`${provider}/client.js`, `${provider}/client.d.ts`]) expect(after.get(file), file).toBe(before.get(file));
    }
  });
});
