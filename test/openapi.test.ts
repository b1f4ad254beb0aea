/**
 * Schemas for other tools: the content-addressed JSON Schema files and each provider's OpenAPI
 * 3.1 document, checked with tools nobody here wrote. The documents must pass a maintained OpenAPI
 * validator (@readme/openapi-parser), and the types openapi-typescript makes from them must accept
 * every example of every offering, through the operation's own request and reply bodies.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import openapiTS from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { createAjv } from "../generator/ajv.js";
import type { CatalogEntry } from "../generator/emit/catalog.js";
import { openApiDocument } from "../generator/emit/openapi.js";
import { jsonText, literal } from "../generator/escape.js";
import { loadModel } from "../generator/generate.js";
import { readSpecDir } from "../generator/load.js";
import type { HttpTransport, Json, JsonObject, OfferingSpec } from "../generator/model.js";
import { GENERATED_DIR, MINIMAL_SPECS, SCHEMAS_DIR, textFiles, typecheck, withTempDir } from "./helpers.js";

const model = loadModel(await readSpecDir(SCHEMAS_DIR));
const readJson = <T = JsonObject>(file: string) => JSON.parse(readFileSync(path.join(GENERATED_DIR, file), "utf8")) as T;
const catalog = readJson<CatalogEntry[]>("catalog.json");
const providers = model.providers.map((p) => p.id);
const roles = ["request", "response", "stream"] as const;

describe("JSON Schema files", () => {
  it("each catalog entry names its three files, each named by the SHA-256 of its canonical JSON", () => {
    // Canonical JSON written here, not the generator's: keys sorted at every level, no spaces.
    const sortedJson = (value: unknown): string =>
      Array.isArray(value)
        ? `[${value.map(sortedJson).join(",")}]`
        : value !== null && typeof value === "object"
          ? `{${Object.keys(value)
              .sort()
              .map((key) => `${JSON.stringify(key)}:${sortedJson((value as Record<string, unknown>)[key])}`)
              .join(",")}}`
          : JSON.stringify(value);
    for (const entry of catalog) {
      expect([entry.schemas.request, entry.schemas.response], entry.id).not.toContain(null);
      const streams = model.offerings.find((o) => o.id === entry.id)!.stream !== undefined;
      expect(entry.schemas.stream !== null, entry.id).toBe(streams);
      for (const role of roles) {
        const file = entry.schemas[role];
        if (file === null) continue;
        expect(file).toMatch(new RegExp(`^${entry.provider}/schemas/${role}-[0-9a-f]{12}\\.json$`));
        const hash = createHash("sha256")
          .update(sortedJson(readJson(file)))
          .digest("hex")
          .slice(0, 12);
        expect(file.endsWith(`-${hash}.json`), file).toBe(true);
      }
    }
  });

  it("one file per distinct schema: the Cloudflare offerings (one API) share three files, and no file is unnamed", () => {
    for (const provider of providers) {
      const named = new Set(catalog.filter((e) => e.provider === provider).flatMap((e) => roles.map((r) => e.schemas[r]).filter((f) => f !== null)));
      const written = readdirSync(path.join(GENERATED_DIR, provider, "schemas")).map((f) => `${provider}/schemas/${f}`);
      expect(written.sort()).toEqual([...named].sort());
    }
    expect(readdirSync(path.join(GENERATED_DIR, "cloudflare", "schemas"))).toHaveLength(3);
    expect(catalog.filter((e) => e.provider === "cloudflare").length).toBeGreaterThan(1);
  });

  it("each file compiles with ajv (2020-12, strict) and accepts its offering's examples", () => {
    for (const offering of model.offerings) {
      const entry = catalog.find((e) => e.id === offering.id)!;
      const ajv = createAjv();
      const check = (role: (typeof roles)[number], value: Json) => {
        const file = entry.schemas[role]!;
        let validator = ajv.getSchema(file);
        if (!validator) {
          ajv.addSchema(readJson(file), file);
          validator = ajv.getSchema(file)!;
        }
        expect(validator(value), `${offering.id} ${role}: ${JSON.stringify(validator.errors)}`).toBe(true);
      };
      for (const example of offering.examples) {
        check("request", example.request);
        if (example.response) check("response", example.response);
        for (const event of example.events ?? []) check("stream", event);
      }
    }
  });

  it("the catalog names the provider page's address where the seed gives one", () => {
    expect(catalog.map((e) => [e.id, e.source.url])).toEqual(model.offerings.map((o) => [o.id, o.source.url ?? null]));
    // Seed 004 is the one page that gives its address.
    expect(catalog.find((e) => e.id === "anyfast/gpt-5.4-mini")?.source.url).toBe(
      "https://docs.anyfast.ai/api-reference/model-api/openai/gpt-5-4-mini",
    );
  });
});

describe("OpenAPI documents", () => {
  const documents = new Map<string, JsonObject>(providers.map((p) => [p, readJson(`${p}/openapi.json`)]));

  it.each(providers)("%s/openapi.json is valid OpenAPI 3.1 (@readme/openapi-parser)", async (provider) => {
    const document = documents.get(provider)!;
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("has the transports' paths, auth, bodies and event streams", () => {
    const cloudflare = documents.get("cloudflare")! as unknown as {
      paths: Record<string, { post: JsonObject }>;
      components: JsonObject;
      servers: JsonObject[];
    };
    // One path per offering, `{model}` filled with its model id.
    expect(Object.keys(cloudflare.paths)).toEqual(
      model.offerings.filter((o) => o.provider === "cloudflare").map((o) => `/client/v4/accounts/{accountId}/ai/run/${o.model}`),
    );
    expect(cloudflare.servers).toEqual([{ url: "https://api.cloudflare.com" }]);
    const mini = cloudflare.paths["/client/v4/accounts/{accountId}/ai/run/openai/gpt-5.4-mini"]!.post;
    expect(mini.parameters).toMatchObject([{ name: "accountId", in: "path", required: true }]);
    expect(mini.security).toEqual([{ bearerAuth: [] }]);
    expect(cloudflare.components.securitySchemes).toEqual({ bearerAuth: { type: "http", scheme: "bearer" } });
    expect(mini.responses).toMatchObject({
      "200": {
        content: {
          "application/json": {
            schema: { properties: { result: { $ref: "#/components/schemas/CloudflareGpt54MiniResponse" }, success: { const: true } } },
          },
          "text/event-stream": { schema: { $ref: "#/components/schemas/CloudflareGpt54MiniStreamEvent" } },
        },
      },
      default: { content: { "application/json": { schema: { $ref: "#/components/schemas/CloudflareError" } } } },
    });
    // Equal schemas are written once; the other offerings' names are aliases.
    expect((cloudflare.components.schemas as JsonObject).CloudflareGpt54MiniRequest).toEqual({ $ref: "#/components/schemas/CloudflareGpt54Request" });
    expect(JSON.stringify(cloudflare)).not.toContain("#/$defs/");

    const runware = documents.get("runware")! as unknown as { paths: Record<string, { post: { requestBody: JsonObject; responses: JsonObject } }> };
    expect(runware.paths["/v1"]!.post.requestBody).toMatchObject({
      content: { "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/RunwareGpt54MiniRequest" } } } },
    });
    expect(runware.paths["/v1"]!.post.responses["200"]).toMatchObject({
      content: {
        "application/json": { schema: { properties: { data: { type: "array", items: { $ref: "#/components/schemas/RunwareGpt54MiniResponse" } } } } },
      },
    });
  });

  it("openapi-typescript's types accept every example through each operation's bodies, and reject a request without its required fields", async () => {
    await withTempDir(async (dir) => {
      const checks: string[] = [];
      for (const provider of model.providers) {
        const document = documents.get(provider.id)! as unknown as { paths: Record<string, { post: { "x-modelspec-offerings": string[] } }> };
        await writeFile(path.join(dir, `${provider.id}.ts`), await openapiTS(structuredClone(document) as never));
        const transport = provider.transports.find((t): t is HttpTransport => t.kind === "http")!;
        checks.push(
          `import type { components as ${provider.typePrefix}Components, paths as ${provider.typePrefix}Paths } from "./${provider.id}.js";`,
        );
        for (const offering of model.offerings.filter((o) => o.provider === provider.id)) {
          const route = Object.keys(document.paths).find((p) => document.paths[p]!.post["x-modelspec-offerings"].includes(offering.id))!;
          checks.push(
            ...exampleChecks(
              offering,
              transport,
              `${provider.typePrefix}Paths[${literal(route)}]["post"]`,
              `${provider.typePrefix}Components["schemas"]`,
            ),
          );
        }
      }
      await writeFile(path.join(dir, "examples.ts"), checks.join("\n"));
      const compilerOptions = {
        strict: true,
        noEmit: true,
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "Bundler",
        types: [],
        skipLibCheck: false,
      };
      await writeFile(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["examples.ts"] }));
      const result = await typecheck(path.join(dir, "tsconfig.json"));
      expect(result.output).toBe("");
      expect(result.code).toBe(0);
      expect(checks.filter((c) => c.startsWith("export const")).length).toBeGreaterThan(40);
    });
  });

  it("hoists $defs beside their schema and rewrites only $refs in schema positions, not enum data", () => {
    const specs = {
      ...MINIMAL_SPECS,
      "acme/tiny.yaml": MINIMAL_SPECS["acme/tiny.yaml"]!.replace(
        "temperature: { type: number, minimum: 0, maximum: 2 }",
        'temperature: { type: number, minimum: 0, maximum: 2 }\n      mode: { enum: [{ $ref: "#/$defs/Message" }, plain] }',
      ).replace('    temperature: { inferred: "fixture" }', '    temperature: { inferred: "fixture" }\n    mode: documented'),
    };
    const tiny = loadModel(textFiles(specs));
    const document = openApiDocument(tiny.providers[0]!, tiny.offerings, "1.2.3") as {
      info: JsonObject;
      components: { schemas: Record<string, JsonObject> };
    };
    expect(document.info.version).toBe("1.2.3");
    const request = document.components.schemas.AcmeTinyRequest!;
    expect((request.properties as JsonObject).messages).toMatchObject({ items: { $ref: "#/components/schemas/AcmeTinyRequestMessage" } });
    expect((request.properties as JsonObject).mode).toEqual({ enum: [{ $ref: "#/$defs/Message" }, "plain"] });
    expect(document.components.schemas.AcmeTinyRequestMessage).toMatchObject({ required: ["role", "content"] });
    expect(request.$defs).toBeUndefined();
  });
});

describe("OpenAPI from specs in memory", () => {
  const second = `  - id: eu
    kind: http
    description: EU region.
    provenance: documented
    baseUrl: https://eu.acme.example
    method: POST
    path: /v1/eu/chat
    auth: { scheme: bearer, header: X-Api-Key }
    requestBody: { kind: plain }
    responseBody: { kind: plain }
`;

  it("two transports: a path each with its own server, one security scheme each, each schema written once", async () => {
    const tiny = loadModel(textFiles({ ...MINIMAL_SPECS, "acme/provider.yaml": MINIMAL_SPECS["acme/provider.yaml"]! + second }));
    const document = openApiDocument(tiny.providers[0]!, tiny.offerings, "0.0.1") as {
      paths: Record<string, JsonObject>;
      components: Record<string, JsonObject>;
    };
    expect(Object.keys(document.paths)).toEqual(["/v1/chat/acme-tiny-1", "/v1/eu/chat"]);
    expect(document.paths["/v1/eu/chat"]).toMatchObject({
      servers: [{ url: "https://eu.acme.example" }],
      post: { security: [{ xApiKeyHeader: [] }] },
    });
    expect(document.components.securitySchemes).toEqual({
      bearerAuth: { type: "http", scheme: "bearer" },
      xApiKeyHeader: { type: "apiKey", in: "header", name: "X-Api-Key", description: "The key, sent as `X-Api-Key: Bearer <key>`." },
    });
    expect(Object.keys(document.components.schemas!)).toEqual(["AcmeError", "AcmeTinyRequest", "AcmeTinyRequestMessage", "AcmeTinyResponse"]);
    expect((await validate(structuredClone(document) as never)).valid).toBe(true);
  });

  it("a second transport on the same path is left out, and the description says so", () => {
    const same = second.replace("path: /v1/eu/chat", "path: /v1/chat/{model}");
    const tiny = loadModel(textFiles({ ...MINIMAL_SPECS, "acme/provider.yaml": MINIMAL_SPECS["acme/provider.yaml"]! + same }));
    const document = openApiDocument(tiny.providers[0]!, tiny.offerings, "0.0.1") as { paths: JsonObject; info: JsonObject };
    expect(Object.keys(document.paths)).toEqual(["/v1/chat/acme-tiny-1"]);
    expect(document.info.description).toContain("Not listed, because an earlier transport has the same path: `eu` (`/v1/chat/acme-tiny-1`).");
  });
});

describe("jsonText", () => {
  it("is indented JSON with a final newline, and line separators, controls and </script written as escapes", () => {
    const value = { text: "a\u2028b\u0085c\u202ed</script>" };
    const text = jsonText(value);
    expect(text).toBe('{\n  "text": "a\\u2028b\\u0085c\\u202ed<\\/script>"\n}\n');
    expect(JSON.parse(text)).toEqual(value);
  });
});

/** `export const` lines assigning each example, in its wire shape, to the operation's body types and the named schemas. */
function exampleChecks(offering: OfferingSpec, transport: HttpTransport, operation: string, schemas: string): string[] {
  const out: string[] = [];
  const name = (what: string, i: number) => `${offering.typeStem}${what}${i}`;
  const requestBody = `${operation}["requestBody"]["content"]["application/json"]`;
  const replyBody = `${operation}["responses"]["200"]["content"]["application/json"]`;
  const eventBody = `${operation}["responses"]["200"]["content"]["text/event-stream"]`;
  offering.examples.forEach((example, i) => {
    const body = transport.requestBody.kind === "task-array" ? [example.request] : example.request;
    out.push(`export const ${name("Body", i)}: ${requestBody} = ${literal(body)};`);
    out.push(`export const ${name("Request", i)}: ${schemas}[${literal(offering.request.typeName)}] = ${literal(example.request)};`);
    if (example.response) {
      const reply = transport.responseBody;
      const wire =
        reply.kind === "envelope"
          ? { [reply.result]: example.response, [reply.success]: true }
          : reply.kind === "data-array"
            ? { [reply.data]: [example.response] }
            : example.response;
      out.push(`export const ${name("Reply", i)}: ${replyBody} = ${literal(wire)};`);
    }
    for (const [j, event] of (example.events ?? []).entries()) out.push(`export const ${name(`Event${j}_`, i)}: ${eventBody} = ${literal(event)};`);
  });
  if (Array.isArray(offering.request.schema.required) && offering.request.schema.required.length > 0) {
    out.push(
      "// @ts-expect-error a request without its required fields",
      `export const ${name("Empty", 0)}: ${schemas}[${literal(offering.request.typeName)}] = {};`,
    );
  }
  return out;
}
