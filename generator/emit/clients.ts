/**
 * Clients emitter: one module per provider with a factory per transport. Each offering gets a
 * member whose methods are one-liners over the hand-written runtime (`runtime/`): they name the
 * model, the types, the fixed fields and the validators; retries, timeouts, errors and streaming
 * live once in the runtime. Everything comes from the specs, so a new offering gets its methods
 * on the next `npm run generate`.
 */
import { docComment, literal, NameScope, pascalIdentifier, propertyKey } from "../escape.js";
import type { ClientNames, Emitter, GeneratedFile, Json, JsonObject, Model, OfferingSpec, ProviderSpec, SchemaRole, Transport } from "../model.js";
import { recallMadeFrom } from "../recall.js";
import { binaryResponse } from "../response-body.js";
import { isObject, setOwn } from "../schema-walk.js";
import { indent, literalType, ModuleText } from "./module.js";
import { offeringDir, providerDir, relativeImport, RUNTIME_DIR } from "./paths.js";
import { sections, validatorFiles } from "./shared.js";

export const clientsEmitter: Emitter = {
  name: "clients",
  emit(model: Model, context): GeneratedFile[] {
    // A provider with no offerings yet still gets its (empty) clients: the indexes export them for every provider.
    return model.providers.flatMap((provider) => {
      const offerings = model.offerings.filter((o) => o.provider === provider.id);
      // The descriptors are made from the provider alone, its clients from it and its offerings.
      return [
        ...recallMadeFrom(context, ["provider-module", provider], [], () => providerModule(provider)),
        ...recallMadeFrom(context, ["clients", provider], offerings, () => providerClient(provider, offerings, validatorFiles(model))),
      ];
    });
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

/** The alias the caller's input types use: the fields the client fills made optional. */
export const OPTIONAL_ALIAS = "type Optional<T, K extends PropertyKey> = Omit<T, K> & Partial<Pick<T, Extract<K, keyof T>>>;";

/** What a caller passes for an offering (`<Offering>Input`): its request less what the client fills (fixed fields, the task UUID). */
export function inputDeclaration(provider: ProviderSpec, offering: OfferingSpec, input: string): string[] {
  const filled = [
    ...Object.keys(fixedFields(offering)),
    ...provider.transports.flatMap((t) => (t.kind === "http" && t.requestBody.kind === "task-array" ? [t.requestBody.uuidField] : [])),
  ];
  const unique = [...new Set(filled)].sort();
  return [
    docComment([`What a caller passes for ${offering.name} (${offering.model}); the client fills ${unique.length ? unique.join(", ") : "nothing"}.`]),
    `export type ${input} = ${unique.length ? `Optional<${offering.request.typeName}, ${unique.map(literal).join(" | ")}>` : offering.request.typeName};`,
  ];
}

/** What an offering's create resolves to over a transport: bytes, its results (a data array) or its response. */
export function resultType(offering: OfferingSpec, transport: Transport): string {
  if (binaryResponse(offering.response.schema) !== undefined) return "BinaryBody";
  const many = transport.kind === "http" && transport.responseBody.kind === "data-array";
  return many ? `${offering.response.typeName}[]` : offering.response.typeName;
}

/** Names the client module uses besides the model's: its import of the descriptors and a helper type. */
const CLIENT_MODULE_RESERVED = ["wire", "Optional"];

/** What a create call of an HTTP transport resolves to, for its doc comment. */
function resultsText(body: Extract<Transport, { kind: "http" }>["responseBody"]): string {
  if (body.kind !== "data-array") return "the typed response";
  if (body.countField === undefined) return "every result item of the task";
  return `every result item of the task, the request's \`${body.countField}\` of them (default 1); with async delivery the client polls until all have arrived`;
}

/**
 * `<provider>/provider.js`: the wire descriptors (everything but prose), the one copy clients and
 * the mock server read. `wire` is what a client calls with (transports, the error pointer and fields,
 * retry statuses); `provider` adds the name, the docs address and the error schema (the mock's and
 * the registry's), built in a function marked pure so that a bundle of a client alone drops it.
 */
function providerModule(provider: ProviderSpec): GeneratedFile[] {
  const transports = provider.transports.map(({ description: _description, provenance: _provenance, ...wire }) => wire);
  const wire = {
    id: provider.id,
    transports,
    errors: { pointer: provider.errors.pointer, fields: provider.errors.fields },
    retryStatuses: provider.retryStatuses,
  };
  const full = [
    "({",
    `  id: wire.id,`,
    `  name: ${literal(provider.name)},`,
    `  docsUrl: ${literal(provider.docsUrl)},`,
    "  transports: wire.transports,",
    `  errors: { pointer: wire.errors.pointer, fields: wire.errors.fields, schema: ${literal(provider.errors.schema, 2).replace(/\n/g, "\n  ")} },`,
    "  retryStatuses: wire.retryStatuses,",
    "})",
  ].join("\n");
  // Its type, like its value, is the wire's with the prose added: the descriptors are spelled once.
  const fullType = [
    "{",
    "  readonly id: typeof wire.id;",
    `  readonly name: ${literalType(provider.name)};`,
    `  readonly docsUrl: ${literalType(provider.docsUrl)};`,
    "  readonly transports: typeof wire.transports;",
    `  readonly errors: typeof wire.errors & { readonly schema: ${literalType(provider.errors.schema, 1)} };`,
    "  readonly retryStatuses: typeof wire.retryStatuses;",
    "}",
  ].join("\n");
  return new ModuleText()
    .both(docComment([`${provider.name}'s transports, error pointer and fields and retry statuses: what its clients call with.`]))
    .js(`export const wire = ${literal(wire, 2)};`)
    .dts(`export declare const wire: ${literalType(wire)};`)
    .both(docComment([`${provider.name}: transports, error envelope and retry statuses, as the spec declares them.`]))
    .js(`export const provider = /* @__PURE__ */ (() => ${full})();`)
    .dts(`export declare const provider: ${fullType};`)
    .files(`${providerDir(provider)}/provider`, { specs: [provider.specFile] });
}

/** How a client names one offering: its member, its operation constant, its input type. */
interface Member {
  member: string;
  operation: string;
  input: string;
}

function providerClient(
  provider: ProviderSpec,
  offerings: OfferingSpec[],
  validators: Map<string, Partial<Record<SchemaRole, string>>>,
): GeneratedFile[] {
  const path = `${providerDir(provider)}/client.js`;
  // The exported names come from the model (normalize.ts); the module's own locals must not take them.
  const scope = new NameScope([...CLIENT_MODULE_RESERVED, ...provider.clients.flatMap((c) => [c.factory, c.client, c.options])]);
  const runtime = relativeImport(path, `${RUNTIME_DIR}/index.js`);
  const module = new ModuleText();
  const runtimeValues = new Set<string>();
  const runtimeTypes = new Set<string>();
  const typeImports: string[] = [];
  const validatorImports = new Map<string, string>();
  const operations: string[] = [];
  const inputs: string[] = [];
  const members = new Map<OfferingSpec, Member>();

  for (const offering of offerings) {
    const types = relativeImport(path, `${offeringDir(offering)}/types.js`);
    const names = [offering.request.typeName, offering.response.typeName, ...(offering.stream ? [offering.stream.typeName] : [])];
    typeImports.push(`import type { ${names.join(", ")} } from ${literal(types)};`);
    const operation = scope.claim(`${offering.clientKey}Operation`);
    const locals = sections(offering).map(({ role }) => {
      // Offerings that share a schema share its validator: one import, one local name.
      const file = validators.get(offering.id)![role]!;
      let local = validatorImports.get(file);
      if (local === undefined) {
        local = scope.claim(`validate${pascalIdentifier(file.split("/").pop()!.replace(/\.js$/, ""), "Schema")}`);
        validatorImports.set(file, local);
      }
      return `${role}: ${local}`;
    });
    const fixed = fixedFields(offering);
    operations.push(
      docComment([`What every call of ${offering.name} sends besides the request: the model id, the fixed fields and the validators.`]),
    );
    const binary = binaryResponse(offering.response.schema);
    const binaryField = binary ? `, binaryResponse: ${literal(binary)}` : "";
    operations.push(
      `const ${operation} = { model: ${literal(offering.model)}, fixed: ${literal(fixed)}, validators: { ${locals.join(", ")} }${binaryField} };`,
    );
    const input = scope.claim(`${offering.typeStem}Input`);
    members.set(offering, { member: offering.clientKey, operation, input });
    inputs.push(...inputDeclaration(provider, offering, input), "");
  }

  const body = new ModuleText();
  body.js(...operations, "");
  body.dts("/** The request with the fields the client fills itself made optional. */");
  body.dts(OPTIONAL_ALIAS, "");
  body.dts(...inputs);
  for (const [index, transport] of provider.transports.entries())
    transportFactory(body, provider, transport, index, provider.clients[index]!, members, runtimeValues, runtimeTypes);

  const runtimeTypeList = [...runtimeTypes].sort();
  module.js(`import { ${[...runtimeValues].sort().join(", ")} } from ${literal(runtime)};`);
  if (runtimeTypeList.length) module.dts(`import type { ${runtimeTypeList.join(", ")} } from ${literal(runtime)};`);
  // The wire descriptor alone: the provider's prose and error schema (the mock's) stay out of a client's bundle.
  module.js(`import { wire } from "./provider.js";`);
  module.js(...[...validatorImports].map(([file, local]) => `import ${local} from ${literal(relativeImport(path, file))};`));
  module.dts(...typeImports);
  module.both("");
  return module.append(body).files(`${providerDir(provider)}/client`, { specs: [provider.specFile, ...offerings.map((o) => o.specFile)] });
}

function transportFactory(
  out: ModuleText,
  provider: ProviderSpec,
  transport: Transport,
  index: number,
  names: ClientNames,
  members: Map<OfferingSpec, Member>,
  runtimeValues: Set<string>,
  runtimeTypes: Set<string>,
): void {
  const { factory, client } = names;
  const descriptor = `wire.transports[${index}]`;
  const streams = transport.streaming !== undefined;
  const http = transport.kind === "http";
  const call = http ? "CallOptions" : "BindingCallOptions";
  const streamsFor = (offering: OfferingSpec) => streams && offering.stream !== undefined;

  // The client's type: one member per offering, each with create and, where it streams, stream.
  out.dts(docComment([`A ${provider.name} client over ${transport.id}: one member per offering.`]), `export interface ${client} {`);
  for (const [offering, { member, input }] of members) {
    // A binary answer (an image, audio) is bytes with their media type, whatever the body envelope.
    const result = resultType(offering, transport);
    if (result === "BinaryBody") runtimeTypes.add("BinaryBody");
    out.dts(
      indent(
        docComment([
          `${offering.name} (${offering.model}). ${offering.contextWindow === null ? "No context window stated" : `Context window ${offering.contextWindow} tokens`}${offering.maxOutputTokens ? `, up to ${offering.maxOutputTokens} output tokens` : ""}.`,
        ]),
      ),
      `  readonly ${propertyKey(member)}: {`,
      `    create(request: ${input}, call?: ${call}): Promise<${result}>;`,
      ...(streamsFor(offering) ? [`    stream(request: ${input}, call?: ${call}): AsyncIterable<${offering.stream!.typeName}>;`] : []),
      "  };",
    );
  }
  out.dts("}", "");

  let options: string;
  let core: string;
  if (http) {
    runtimeValues.add("createHttpClient");
    runtimeTypes.add("ClientOptions").add("CallOptions");
    options = names.options;
    const pathParams = transport.pathParams.map((p) => `${indent(docComment([p.description]))}\n  ${propertyKey(p.name)}: string;`);
    out.dts(
      docComment([`Options for ${provider.name} over ${transport.id}: the API key, and where to send requests.`]),
      pathParams.length ? `export type ${options} = ClientOptions & {\n${pathParams.join("\n")}\n};` : `export type ${options} = ClientOptions;`,
      "",
    );
    core = `createHttpClient({ provider: wire.id, transport: ${descriptor}, errors: wire.errors, retryStatuses: wire.retryStatuses }, options)`;
    out.both(docComment([transport.description, "", `Results: ${resultsText(transport.responseBody)}.`]));
  } else {
    runtimeValues.add("createBindingClient");
    runtimeTypes.add("BindingClientOptions").add("BindingCallOptions");
    options = "BindingClientOptions";
    core = `createBindingClient({ provider: wire.id, transport: ${descriptor}, errors: wire.errors }, options)`;
    out.both(docComment([transport.description]));
  }
  out.dts(`export declare function ${factory}(options: ${options}): ${client};`, "");
  out.js(`export function ${factory}(options) {`, `  const core = ${core};`, "  return {");
  for (const [offering, { member, operation }] of members) {
    // Object.assign, not `{ ...operation, request }`: on Node 20 that spread costs microseconds per call.
    const request = `Object.assign({ request }, ${operation})`;
    out.js(
      `    ${propertyKey(member)}: {`,
      `      create: (request, call) => core.send(${request}, call),`,
      ...(streamsFor(offering) ? [`      stream: (request, call) => core.stream(${request}, call),`] : []),
      "    },",
    );
  }
  out.js("  };", "}", "");
}
