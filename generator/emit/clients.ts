/**
 * Clients emitter: one module per provider with a factory per transport. Each offering gets a
 * member whose methods are one-liners over the hand-written runtime (`runtime/`): they name the
 * model, the types, the fixed fields and the validators; retries, timeouts, errors and streaming
 * live once in the runtime. Everything comes from the specs, so a new offering gets its methods
 * on the next `npm run generate`.
 */
import { camelIdentifier, docComment, literal, NameScope, pascalIdentifier, propertyKey } from "../escape.js";
import type { Emitter, GeneratedFile, Json, JsonObject, Model, OfferingSpec, ProviderSpec, Transport } from "../model.js";
import { isObject, setOwn } from "../schema-walk.js";
import { offeringDir, providerDir, relativeImport, RUNTIME_DIR, validatorFile } from "./paths.js";

export const clientsEmitter: Emitter = {
  name: "clients",
  emit(model: Model): GeneratedFile[] {
    // A provider with no offerings yet still gets its (empty) clients: the indexes export them for every provider.
    return model.providers.flatMap((provider) => [providerModule(provider), providerClient(provider, model.offerings.filter((o) => o.provider === provider.id))]);
  },
};

/** Top-level request fields with a fixed value (`taskType: textInference`, the model id): the client fills them. */
export function fixedFields(offering: OfferingSpec): JsonObject {
  const fixed: JsonObject = {};
  const properties = offering.request.schema.properties;
  if (!isObject(properties)) return fixed;
  for (const key of Object.keys(properties)) {
    const property = properties[key];
    // setOwn: a `__proto__` key must stay a field to send, not become the prototype.
    if (isObject(property) && property.const !== undefined) setOwn(fixed, key, property.const as Json);
  }
  return fixed;
}

/**
 * Each transport's client factory, by transport id (`createCloudflareRestClient`). Claimed first in
 * the client module's scope, so the provider index can name them without parsing the module.
 */
export function clientFactoryNames(provider: ProviderSpec, scope = new NameScope(CLIENT_MODULE_RESERVED)): Map<string, string> {
  return new Map(provider.transports.map((t) => [t.id, scope.claim(`create${provider.typePrefix}${pascalIdentifier(t.id, "Transport")}Client`)]));
}

/** Each offering's key on its provider's clients (`gpt54Mini`), by offering id. */
export function clientKeys(offerings: readonly OfferingSpec[]): Map<string, string> {
  const scope = new NameScope();
  return new Map(offerings.map((o) => [o.id, scope.claim(camelIdentifier(o.slug, "offering"))]));
}

const CLIENT_MODULE_RESERVED = ["provider", "Optional"];

/** What a create call of an HTTP transport resolves to, for its doc comment. */
function resultsText(body: Extract<Transport, { kind: "http" }>["responseBody"]): string {
  if (body.kind !== "data-array") return "the typed response";
  if (body.countField === undefined) return "every result item of the task";
  return `every result item of the task, the request's \`${body.countField}\` of them (default 1); with async delivery the client polls until all have arrived`;
}

/** `<provider>/provider.ts`: the wire descriptors (everything but prose), the one copy clients and the mock server read. */
function providerModule(provider: ProviderSpec): GeneratedFile {
  const descriptor = {
    id: provider.id,
    name: provider.name,
    docsUrl: provider.docsUrl,
    transports: provider.transports.map(({ description: _description, provenance: _provenance, ...wire }) => wire),
    errors: { pointer: provider.errors.pointer, fields: provider.errors.fields, schema: provider.errors.schema },
    retryStatuses: provider.retryStatuses,
  };
  const contents = [docComment([`${provider.name}: transports, error envelope and retry statuses, as the spec declares them.`]), `export const provider = ${literal(descriptor)} as const;`, ""];
  return { path: `${providerDir(provider)}/provider.ts`, contents: contents.join("\n"), specs: [provider.specFile] };
}

/** How a client names one offering: its member, its operation constant, its input type. */
interface Member {
  member: string;
  operation: string;
  input: string;
  fixed: JsonObject;
}

function providerClient(provider: ProviderSpec, offerings: OfferingSpec[]): GeneratedFile {
  const path = `${providerDir(provider)}/client.ts`;
  const scope = new NameScope(CLIENT_MODULE_RESERVED);
  const factories = clientFactoryNames(provider, scope);
  const keys = clientKeys(offerings);
  const runtime = relativeImport(path, `${RUNTIME_DIR}/index.ts`);
  const lines: string[] = [];
  const imports = new Set<string>();
  const typeImports: string[] = [];
  const validatorImports: string[] = [];
  const members = new Map<OfferingSpec, Member>();

  for (const offering of offerings) {
    const types = relativeImport(path, `${offeringDir(offering)}/types.ts`);
    const names = [offering.request.typeName, offering.response.typeName, ...(offering.stream ? [offering.stream.typeName] : [])];
    typeImports.push(`import type { ${names.join(", ")} } from ${literal(types)};`);
    const operation = scope.claim(`${camelIdentifier(offering.slug, "offering")}Operation`);
    const roles = (["request", "response", "stream"] as const).filter((r) => r !== "stream" || offering.stream);
    const locals = roles.map((role) => {
      const local = scope.claim(`validate${pascalIdentifier(offering.slug, "Offering")}${pascalIdentifier(role)}`);
      validatorImports.push(`import ${local} from ${literal(relativeImport(path, validatorFile(offering, role)))};`);
      return `${role}: ${local}`;
    });
    const fixed = fixedFields(offering);
    lines.push(docComment([`What every call of ${offering.name} sends besides the request: the model id, the fixed fields and the validators.`]));
    lines.push(`const ${operation} = { model: ${literal(offering.model)}, fixed: ${literal(fixed)}, validators: { ${locals.join(", ")} } } as const;`);
    const input = scope.claim(`${offering.typeStem}Input`);
    members.set(offering, { member: keys.get(offering.id)!, operation, input, fixed });
  }

  const body: string[] = [];
  body.push("/** The request with the fields the client fills itself made optional. */");
  body.push("type Optional<T, K extends PropertyKey> = Omit<T, K> & Partial<Pick<T, Extract<K, keyof T>>>;", "");
  body.push(...lines, "");

  for (const [offering, { input, fixed }] of members) {
    const transports = provider.transports;
    const filled = [...Object.keys(fixed), ...transports.flatMap((t) => (t.kind === "http" && t.requestBody.kind === "task-array" ? [t.requestBody.uuidField] : []))];
    const unique = [...new Set(filled)].sort();
    body.push(docComment([`What a caller passes for ${offering.name} (${offering.model}); the client fills ${unique.length ? unique.join(", ") : "nothing"}.`]));
    body.push(`export type ${input} = ${unique.length ? `Optional<${offering.request.typeName}, ${unique.map(literal).join(" | ")}>` : offering.request.typeName};`, "");
  }

  provider.transports.forEach((transport, index) => body.push(...transportFactory(provider, transport, index, factories.get(transport.id)!, members, scope, imports)));

  const header = [
    `import { ${[...imports].sort().join(", ")} } from ${literal(runtime)};`,
    `import { provider } from "./provider.js";`,
    ...typeImports,
    ...validatorImports,
    "",
  ];
  return { path, contents: [...header, ...body].join("\n"), specs: [provider.specFile, ...offerings.map((o) => o.specFile)] };
}

function transportFactory(
  provider: ProviderSpec,
  transport: Transport,
  index: number,
  factory: string,
  members: Map<OfferingSpec, Member>,
  scope: NameScope,
  imports: Set<string>,
): string[] {
  const stem = `${provider.typePrefix}${pascalIdentifier(transport.id, "Transport")}`;
  const descriptor = `provider.transports[${index}]`;
  const out: string[] = [];
  const streams = transport.streaming !== undefined;
  const memberLines = (call: string, many: boolean) =>
    [...members].flatMap(([offering, { member, operation: base, input }]) => {
      const operation = `{ ...${base}, request }`;
      const result = many ? `${offering.response.typeName}[]` : offering.response.typeName;
      return [
        docComment([`${offering.name} (${offering.model}). ${offering.contextWindow === null ? "No context window stated" : `Context window ${offering.contextWindow} tokens`}${offering.maxOutputTokens ? `, up to ${offering.maxOutputTokens} output tokens` : ""}.`]),
        `${propertyKey(member)}: {`,
        `  create: (request: ${input}, call?: ${call}) => core.send<${result}>(${operation}, call),`,
        ...(streams && offering.stream ? [`  stream: (request: ${input}, call?: ${call}) => core.stream<${offering.stream.typeName}>(${operation}, call),`] : []),
        "},",
      ];
    });

  if (transport.kind === "http") {
    imports.add("createHttpClient").add("type ClientOptions").add("type CallOptions");
    const options = scope.claim(`${stem}Options`);
    const pathParams = transport.pathParams.map((p) => `  ${docComment([p.description])}\n  ${propertyKey(p.name)}: string;`);
    out.push(
      docComment([`Options for ${provider.name} over ${transport.id}: the API key, and where to send requests.`]),
      pathParams.length ? `export type ${options} = ClientOptions & {\n${pathParams.join("\n")}\n};` : `export type ${options} = ClientOptions;`,
      "",
      docComment([transport.description, "", `Results: ${resultsText(transport.responseBody)}.`]),
      `export function ${factory}(options: ${options}) {`,
      `  const core = createHttpClient({ provider: provider.id, transport: ${descriptor}, errors: provider.errors, retryStatuses: provider.retryStatuses }, options);`,
      "  return {",
      ...memberLines("CallOptions", transport.responseBody.kind === "data-array").map((l) => `    ${l}`),
      "  };",
      "}",
      "",
    );
  } else {
    imports.add("createBindingClient").add("type BindingClientOptions").add("type BindingCallOptions");
    out.push(
      docComment([transport.description]),
      `export function ${factory}(options: BindingClientOptions) {`,
      `  const core = createBindingClient({ provider: provider.id, transport: ${descriptor}, errors: provider.errors }, options);`,
      "  return {",
      ...memberLines("BindingCallOptions", false).map((l) => `    ${l}`),
      "  };",
      "}",
      "",
    );
  }
  return out;
}
