/**
 * OpenAPI emitter: one OpenAPI 3.1 document per provider, `<provider>/openapi.json`, for tools
 * that read OpenAPI (openapi-typescript, Swagger UI, API gateways).
 *
 * - Paths come from the provider's HTTP transports: `{model}` is filled with each offering's
 *   model id, as the clients fill it (a path without `{model}` serves all its offerings in one
 *   operation whose body is any of theirs). Other `{names}` are path parameters.
 * - Auth is a security scheme (`http`/`bearer` on `Authorization`, else an `apiKey` header).
 * - Request bodies and replies follow the transport's envelopes (`task-array`, `envelope`,
 *   `data-array`); a streaming transport's 200 reply also has `text/event-stream`, whose schema
 *   is one event (the `data:` line of each event), as OpenAI's own document writes it.
 * - Schemas are the published JSON Schemas under `components/schemas`, named like the generated
 *   TypeScript types; their `$defs` become components of their own (`#/$defs/Message` →
 *   `#/components/schemas/<Type>Message`), since `#` in a document means the document. An
 *   offering whose schema equals an earlier one's is an alias (`$ref`) to it.
 * Workers bindings are not HTTP and have no operations; the document's description says so.
 * Prose the generator writes around spec text goes through `markdownText`/`markdownCode`.
 */
import { unescapePointerToken } from "../runtime/json.js";
import { jsonText, markdownCode, markdownText, NameScope, pascalIdentifier, camelIdentifier } from "../escape.js";
import type {
  BundledSchema,
  Emitter,
  GeneratedFile,
  HttpTransport,
  Json,
  JsonObject,
  Model,
  OfferingSpec,
  ProviderSpec,
  Streaming,
} from "../model.js";
import { binaryResponse } from "../response-body.js";
import { cloneJson, isObject, keywordShape, setOwn, withoutAnnotations } from "../schema-walk.js";
import { publishedOf } from "./schema-files.js";
import { openApiFile } from "./paths.js";
import { recallFile } from "../recall.js";

export const OPENAPI_VERSION = "3.1.0";

export const openApiEmitter: Emitter = {
  name: "openapi",
  emit(model: Model, context): GeneratedFile[] {
    const version = context.package.version;
    return model.providers.map((provider) => {
      const offerings = model.offerings.filter((o) => o.provider === provider.id);
      const make = (): GeneratedFile => ({
        path: openApiFile(provider),
        contents: jsonText(openApiDocument(provider, offerings, version)),
        specs: [provider.specFile, ...offerings.map((o) => o.specFile)],
      });
      // A document is made from its provider and offerings alone: a run recalls it while their fingerprints hold.
      const members = offerings.map((o) => o.fingerprint);
      return members.includes(undefined) ? make() : recallFile(context, JSON.stringify(["openapi", provider, version, members]), make);
    });
  },
};

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

/** The whole document of one provider. */
export function openApiDocument(provider: ProviderSpec, offerings: readonly OfferingSpec[], version: string): JsonObject {
  const components = new Components();
  const http = provider.transports.filter((t): t is HttpTransport => t.kind === "http");
  const others = provider.transports.filter((t) => t.kind !== "http");
  const baseUrls = [...new Set(http.map((t) => t.baseUrl))];
  const errorName = components.add(`${provider.typePrefix}Error`, withoutAnnotations(provider.errors.schema));
  const securitySchemes: JsonObject = {};
  const securityScope = new NameScope();
  const paths: JsonObject = {};
  const operationIds = new NameScope();
  const skipped: string[] = [];

  for (const transport of http) {
    const scheme = securityScheme(transport);
    let schemeName = Object.keys(securitySchemes).find((name) => JSON.stringify(securitySchemes[name]) === JSON.stringify(scheme));
    if (!schemeName) {
      schemeName = securityScope.claim(scheme.type === "http" ? "bearerAuth" : `${camelIdentifier(transport.auth.header, "key")}Header`);
      securitySchemes[schemeName] = scheme;
    }
    for (const [path, served] of operationPaths(transport, offerings)) {
      if (Object.hasOwn(paths, path)) {
        skipped.push(`${markdownCode(transport.id)} (${markdownCode(path)})`);
        continue;
      }
      const names = served.map((o) => ({
        offering: o,
        request: components.schema(o.request),
        response: components.schema(o.response),
        stream: o.stream ? components.schema(o.stream) : undefined,
      }));
      const operationId = operationIds.claim(camelIdentifier(`${transport.id} ${served.length === 1 ? served[0]!.slug : "offerings"}`, "operation"));
      const item: JsonObject = { post: operation(transport, names, { operationId, security: schemeName, errorName }) };
      if (baseUrls.length > 1) item.servers = [{ url: transport.baseUrl }];
      setOwn(paths, path, item);
    }
  }

  const description = [
    `${markdownText(provider.name)}: its HTTP transports and offerings, generated by modelspec from the specs. Schemas are JSON Schema 2020-12; each offering's are also in \`schemas/\` beside this file.`,
    ...others.map((t) => `The ${markdownCode(t.id)} transport (${markdownText(t.kind)}) is not HTTP and has no operations here.`),
    ...(skipped.length ? [`Not listed, because an earlier transport has the same path: ${skipped.join(", ")}.`] : []),
  ].join("\n\n");

  return {
    openapi: OPENAPI_VERSION,
    info: { title: `${provider.name} (modelspec)`, version, description },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    externalDocs: { url: provider.docsUrl },
    ...(baseUrls.length > 0 ? { servers: baseUrls.map((url) => ({ url })) } : {}),
    paths,
    components: { schemas: components.schemas, ...(Object.keys(securitySchemes).length ? { securitySchemes } : {}) },
  };
}

function securityScheme(transport: HttpTransport): JsonObject {
  if (transport.auth.header.toLowerCase() === "authorization") return { type: "http", scheme: "bearer" };
  return {
    type: "apiKey",
    in: "header",
    name: transport.auth.header,
    description: `The key, sent as ${markdownCode(`${transport.auth.header}: Bearer <key>`)}.`,
  };
}

/** Each path of a transport and the offerings it serves, in offering order. */
export function operationPaths(transport: HttpTransport, offerings: readonly OfferingSpec[]): [string, OfferingSpec[]][] {
  if (!transport.path.includes("{model}")) return offerings.length ? [[transport.path, [...offerings]]] : [];
  // As the clients build URLs: each `/`-separated part of the model id percent-encoded, `@` and `:` kept.
  const segment = (part: string) => encodeURIComponent(part).replace(/%40/g, "@").replace(/%3A/gi, ":");
  return offerings.map((o) => [transport.path.replace(/\{model\}/g, o.model.split("/").map(segment).join("/")), [o]]);
}

interface Served {
  offering: OfferingSpec;
  request: string;
  response: string;
  stream: string | undefined;
}

function operation(transport: HttpTransport, served: Served[], names: { operationId: string; security: string; errorName: string }): JsonObject {
  const one = <K extends "request" | "response" | "stream">(key: K): JsonObject => {
    const refs = served.flatMap((s) => (s[key] ? [ref(s[key]!)] : []));
    return refs.length === 1 ? refs[0]! : { anyOf: refs };
  };
  const templateParams = [...transport.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).filter((name) => name !== "model");
  const parameters = [...new Set(templateParams)].map((name) => {
    const declared = transport.pathParams.find((p) => p.name === name);
    return { name, in: "path", required: true, schema: { type: "string" }, ...(declared ? { description: markdownText(declared.description) } : {}) };
  });
  const title = served.map((s) => `${s.offering.name} (${s.offering.model})`).join(", ");
  const streams = transport.streaming && served.some((s) => s.stream);

  const examples: JsonObject = {};
  for (const { offering } of served) {
    for (const example of offering.examples) {
      const key = served.length === 1 ? example.name : `${offering.slug}.${example.name}`;
      setOwn(examples, key, { summary: example.title, value: wrapRequest(transport, example.request) });
    }
  }
  // A binary answer (an image, audio) is its media type's bytes, not JSON (see response-body.ts).
  const binaries = served.map((s) => binaryResponse(s.offering.response.schema));
  const content: JsonObject = binaries.every((b) => b) ? {} : { "application/json": { schema: replyBody(transport, one("response")) } };
  for (const type of new Set(binaries.flatMap((b) => (b ? [b.contentType] : []))))
    setOwn(content, type, { schema: { type: "string", contentMediaType: type } });
  if (streams) content["text/event-stream"] = { schema: one("stream") };

  return {
    operationId: names.operationId,
    summary: title,
    description: operationNotes(transport).join("\n\n"),
    tags: [transport.id],
    ...(parameters.length ? { parameters } : {}),
    security: [{ [names.security]: [] }],
    requestBody: {
      required: true,
      content: { "application/json": { schema: requestBody(transport, one("request")), ...(Object.keys(examples).length ? { examples } : {}) } },
    },
    responses: {
      "200": {
        description: streams
          ? "The result, or with streaming on, a stream of server-sent events: each event's `data:` line is one JSON value of the `text/event-stream` schema."
          : "The result.",
        content,
      },
      default: { description: "An error, in the provider's error body.", content: { "application/json": { schema: ref(names.errorName) } } },
    },
    "x-modelspec-offerings": served.map((s) => s.offering.id),
  };
}

/**
 * What the operation does, in sentences made from the transport's settings (spec values in code
 * spans). The spec's own prose description is Markdown the generator does not vouch for, so it is left out.
 */
function operationNotes(transport: HttpTransport): string[] {
  const code = (value: Json) => markdownCode(JSON.stringify(value));
  const setting = (s: Streaming["enable"]) => markdownCode(`${s.field}: ${JSON.stringify(s.value)}`);
  const notes = [`${markdownCode(`POST ${transport.baseUrl}${transport.path}`)} with ${markdownCode(`${transport.auth.header}: Bearer <key>`)}.`];
  if (transport.requestBody.kind === "task-array")
    notes.push(`The body is an array of tasks, each with a fresh ${code(transport.requestBody.uuidField)}.`);
  const reply = transport.responseBody;
  if (reply.kind === "envelope") notes.push(`The reply wraps the result: ${code(reply.result)} holds it and ${code(reply.success)} is true.`);
  if (reply.kind === "data-array") {
    const count = reply.countField === undefined ? "" : `, as many as the request's ${code(reply.countField)} asks for`;
    notes.push(`The reply's ${code(reply.data)} array holds one item per result${count}.`);
  }
  if (transport.streaming) {
    const s = transport.streaming;
    const ends = [
      ...(s.doneSentinel !== undefined ? [`a ${markdownCode(`data: ${s.doneSentinel}`)} line`] : []),
      ...(s.terminalEventTypes.length ? [`an event of type ${s.terminalEventTypes.map((t) => markdownCode(t)).join(", ")}`] : []),
    ];
    notes.push(
      `Streaming: with ${setting(s.enable)} in the request the reply is \`text/event-stream\`${ends.length ? `, ending with ${ends.join(" or ")}` : ""}.`,
    );
  }
  if (transport.async) {
    const a = transport.async;
    notes.push(
      `Async delivery: with ${setting(a.enable)} the reply only acknowledges the task; results are polled with a ${code(a.pollTaskType)} task.`,
    );
  }
  return notes;
}

function requestBody(transport: HttpTransport, schema: JsonObject): JsonObject {
  return transport.requestBody.kind === "task-array" ? { type: "array", minItems: 1, items: schema } : schema;
}

function wrapRequest(transport: HttpTransport, request: JsonObject): Json {
  return transport.requestBody.kind === "task-array" ? [cloneJson(request)] : cloneJson(request);
}

function replyBody(transport: HttpTransport, schema: JsonObject): JsonObject {
  const body = transport.responseBody;
  const object = (field: string, value: JsonObject, extra: JsonObject = {}): JsonObject => {
    const properties: JsonObject = {};
    setOwn(properties, field, value);
    for (const key of Object.keys(extra)) setOwn(properties, key, extra[key]!);
    return { type: "object", required: [field, ...Object.keys(extra)], properties };
  };
  if (body.kind === "envelope") {
    const success: JsonObject = {};
    setOwn(success, body.success, { const: true });
    return object(body.result, schema, success);
  }
  if (body.kind === "data-array") return object(body.data, { type: "array", items: schema });
  return schema;
}

/**
 * `components/schemas`: each bundled schema under its type name, its `$defs` hoisted beside it
 * and every `$ref` pointed at them; a schema equal to an earlier one becomes a `$ref` alias.
 */
class Components {
  readonly schemas: JsonObject = {};
  private readonly scope = new NameScope();
  private readonly byHash = new Map<string, string>();
  private readonly bySection = new Map<BundledSchema, string>();

  /** Adds an offering's schema (once, however many transports serve it); returns its component name. */
  schema(section: BundledSchema): string {
    const known = this.bySection.get(section);
    if (known) return known;
    const name = this.named(section);
    this.bySection.set(section, name);
    return name;
  }

  private named(section: BundledSchema): string {
    const { schema, hash } = publishedOf(section);
    const first = this.byHash.get(hash);
    if (first) return this.alias(section.typeName, first);
    const name = this.add(section.typeName, schema);
    this.byHash.set(hash, name);
    return name;
  }

  private alias(typeName: string, target: string): string {
    const name = this.scope.claim(pascalIdentifier(typeName, "Schema"));
    setOwn(this.schemas, name, ref(target));
    return name;
  }

  /** Adds a self-contained schema (refs `#...` relative to its root) under `name` (or `name2`, ...). */
  add(typeName: string, schema: JsonObject): string {
    const name = this.scope.claim(pascalIdentifier(typeName, "Schema"));
    const defs = isObject(schema.$defs) ? (schema.$defs as JsonObject) : {};
    const defNames = new Map(Object.keys(defs).map((def) => [def, this.scope.claim(`${name}${pascalIdentifier(def, "Def")}`)]));
    const rewrite = (target: string): string => {
      if (!target.startsWith("#")) return target;
      const pointer = target.slice(1);
      const def = /^\/\$defs\/([^/]*)(.*)$/.exec(pointer);
      const defName = def ? defNames.get(unescapePointerToken(def[1]!)) : undefined;
      return defName ? `#/components/schemas/${defName}${def![2]}` : `#/components/schemas/${name}${pointer}`;
    };
    const { $defs: _defs, $schema: _schema, ...root } = schema;
    setOwn(this.schemas, name, withRefs(root, rewrite));
    for (const [def, defName] of defNames) setOwn(this.schemas, defName, withRefs(defs[def]!, rewrite));
    return name;
  }
}

/** A copy of a schema with every `$ref` (in schema positions only, not in `enum`/`const` data) rewritten. */
function withRefs(node: Json, rewrite: (target: string) => string): Json {
  if (!isObject(node)) return cloneJson(node);
  const out: JsonObject = {};
  for (const key of Object.keys(node)) {
    const value = node[key] as Json;
    if (key === "$ref" && typeof value === "string") {
      setOwn(out, key, rewrite(value));
      continue;
    }
    switch (keywordShape(key)) {
      case "schema":
        setOwn(out, key, withRefs(value, rewrite));
        break;
      case "schema-map": {
        const members: JsonObject = {};
        for (const name of Object.keys(value as JsonObject)) setOwn(members, name, withRefs((value as JsonObject)[name]!, rewrite));
        setOwn(out, key, members);
        break;
      }
      case "schema-list":
        setOwn(
          out,
          key,
          (value as Json[]).map((item) => withRefs(item, rewrite)),
        );
        break;
      default:
        setOwn(out, key, cloneJson(value));
    }
  }
  return out;
}
