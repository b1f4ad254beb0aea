/**
 * One offering's own client (`<provider>/<slug>/client.js`), re-exported by the offering's entry.
 * It names the same factories as the provider's client (`createCloudflareRestClient`) with that
 * offering alone as a member, so a bundle of it holds no sibling. It imports only the request
 * validator: response and stream validators come in through the `validators` option, so a bundle
 * carries them only when the app asks for response validation. Beside each client factory it
 * exports one factory per capability (`createCloudflareRestCreate`, `…Stream`) over the runtime's
 * separate `sendJson` / `streamHttp`: the client object holds both methods, so no bundler can drop
 * the one an app does not call, while an app that imports only the create factory bundles no SSE.
 * Each HTTP core gets its transport's response unwrapper, imported alone, so a bundle carries no
 * other body kind's unwrapping. What the client does when it is made (the response validators
 * split off, the core made) is the runtime's `setUpOffering`: the generated file holds only this
 * offering's data and wiring.
 */
import { camelIdentifier, docComment, literal, NameScope, propertyKey } from "../escape.js";
import type { GeneratedFile, OfferingSpec, ProviderSpec, SchemaRole, Transport } from "../model.js";
import { binaryResponse } from "../response-body.js";
import { fixedFields, inputDeclaration, OPTIONAL_ALIAS, resultType } from "./clients.js";
import { indent, ModuleText } from "./module.js";
import { AJV_HELPERS_FILE, offeringClientFile, providerDir, relativeImport, RUNTIME_DIR } from "./paths.js";

/** The runtime's unwrapper (runtime/unwrap.ts) of each response-body kind. */
const UNWRAPPER: Record<Extract<Transport, { kind: "http" }>["responseBody"]["kind"], string> = {
  plain: "unwrapPlain",
  envelope: "unwrapEnvelope",
  "data-array": "unwrapDataArray",
};

/** `<provider>/<slug>/client.js` and its declarations. */
export function offeringClient(provider: ProviderSpec, offering: OfferingSpec, validators: Partial<Record<SchemaRole, string>>): GeneratedFile[] {
  const path = offeringClientFile(offering);
  const { clientKey } = offering;
  // A binary answer (an image, audio) is bytes with their media type, whatever the body envelope.
  const binary = binaryResponse(offering.response.schema);
  const scope = new NameScope([
    "wire",
    "operation",
    "setUpOffering",
    "Optional",
    "validateRequest",
    "createBindingClient",
    "createHttpCore",
    "sendJson",
    "sendBinary",
    "pollTask",
    "streamHttp",
    ...Object.values(UNWRAPPER),
    ...[offering.request, offering.response, offering.stream].flatMap((s) => (s ? [s.typeName] : [])),
  ]);
  const streams = offering.stream !== undefined;
  const runtime = relativeImport(path, `${RUNTIME_DIR}/index.js`);
  const http = provider.transports.some((t) => t.kind === "http");
  const binding = provider.transports.some((t) => t.kind !== "http");
  const module = new ModuleText();

  const httpValues = [
    "createHttpCore",
    ...new Set(provider.transports.flatMap((t) => (t.kind === "http" ? [UNWRAPPER[t.responseBody.kind]] : []))),
    binary ? "sendBinary" : "sendJson",
    ...(provider.transports.some((t) => t.kind === "http" && t.async !== undefined) && !binary ? ["pollTask"] : []),
    ...(provider.transports.some((t) => t.kind === "http" && t.streaming !== undefined) && streams ? ["streamHttp"] : []),
  ];
  const values = ["setUpOffering", ...(binding ? ["createBindingClient"] : []), ...(http ? httpValues : [])];
  const types = [
    ...(binary ? ["BinaryBody"] : []),
    ...(binding ? ["BindingCallOptions", "BindingClientOptions"] : []),
    ...(http ? ["CallOptions", "ClientOptions"] : []),
  ];
  module.js(`import { ${values.join(", ")} } from ${literal(runtime)};`);
  module.js(`import { wire } from ${literal(relativeImport(path, `${providerDir(provider)}/provider.js`))};`);
  module.js(`import validateRequest from ${literal(relativeImport(path, validators.request!))};`);
  module.dts(`import type { ${types.join(", ")} } from ${literal(runtime)};`);
  module.dts(`import type { ValidateFunction } from ${literal(relativeImport(path, AJV_HELPERS_FILE))};`);
  const typeNames = [offering.request.typeName, offering.response.typeName, ...(streams ? [offering.stream!.typeName] : [])];
  module.dts(`import type { ${typeNames.join(", ")} } from "./types.js";`, "");

  // The fields the client fills itself, as in the provider's client: optional for the caller.
  const fixed = fixedFields(offering);
  const input = scope.claim(`${offering.typeStem}Input`);
  const validatorsType = scope.claim(`${offering.typeStem}ResponseValidators`);
  module.dts(
    OPTIONAL_ALIAS,
    ...inputDeclaration(provider, offering, input),
    docComment([
      "The validators `validateResponse: true` uses: import `validateResponse` (and `validateStreamEvent`) from this entry and pass them,",
      "so a bundle carries them only when the app asks for response validation.",
    ]),
    `export interface ${validatorsType} {`,
    `  readonly response?: ValidateFunction<${offering.response.typeName}>;`,
    ...(streams ? [`  readonly stream?: ValidateFunction<${offering.stream!.typeName}>;`] : []),
    "}",
    "",
  );

  module.js(
    docComment([`What every call of ${offering.name} sends besides the request: the model id, the fixed fields and the request validator.`]),
    `const operation = { model: ${literal(offering.model)}, fixed: ${literal(fixed)}${binary ? `, binaryResponse: ${literal(binary)}` : ""} };`,
    "",
  );

  for (const [index, transport] of provider.transports.entries()) {
    const names = provider.clients[index]!;
    const { factory, stem } = names;
    const isHttp = transport.kind === "http";
    const client = scope.claim(names.client);
    const options = scope.claim(names.options);
    // One factory per capability beside the client, so an app that only creates bundles no streaming code.
    const createFactory = scope.claim(names.create);
    const streamFactory = scope.claim(names.stream);
    const call = isHttp ? "CallOptions" : "BindingCallOptions";
    const result = resultType(offering, transport);
    const streamsHere = streams && transport.streaming !== undefined;
    const pathParams = isHttp ? transport.pathParams.map((p) => `${indent(docComment([p.description]))}\n  ${propertyKey(p.name)}: string;`) : [];
    const base = isHttp ? "ClientOptions" : "BindingClientOptions";
    module.dts(
      docComment([`Options for ${offering.name} on ${provider.name} over ${transport.id}; \`validators\` brings response validation.`]),
      `export type ${options} = ${base} & {`,
      ...pathParams,
      `  validators?: ${validatorsType};`,
      "};",
      docComment([`A ${provider.name} client over ${transport.id} for ${offering.name} alone.`]),
      `export interface ${client} {`,
      `  readonly ${propertyKey(clientKey)}: {`,
      `    create(request: ${input}, call?: ${call}): Promise<${result}>;`,
      ...(streamsHere ? [`    stream(request: ${input}, call?: ${call}): AsyncIterable<${offering.stream!.typeName}>;`] : []),
      "  };",
      "}",
      docComment([transport.description ?? `${provider.name} over ${transport.id}`]),
      `export declare function ${factory}(options: ${options}): ${client};`,
      docComment([
        `\`create\` alone: \`${createFactory}(options)(request, call?)\` is \`${factory}(options).${clientKey}.create(request, call?)\`; a bundle of it holds no streaming code.`,
      ]),
      `export declare function ${createFactory}(options: ${options}): ${client}[${literal(clientKey)}]["create"];`,
      ...(streamsHere
        ? [
            docComment([
              `\`stream\` alone: \`${streamFactory}(options)(request, call?)\` is \`${factory}(options).${clientKey}.stream(request, call?)\`.`,
            ]),
            `export declare function ${streamFactory}(options: ${options}): ${client}[${literal(clientKey)}]["stream"];`,
          ]
        : []),
      "",
    );
    const descriptor = `wire.transports[${index}]`;
    const made = scope.claim(`${camelIdentifier(stem)}Core`);
    const creates = scope.claim(`${camelIdentifier(stem)}Creates`);
    const streamer = scope.claim(`${camelIdentifier(stem)}Streams`);
    let coreCall: string;
    let sendCall: string;
    let streamCall: string;
    if (isHttp) {
      const unwrap = UNWRAPPER[transport.responseBody.kind];
      // The wire spread in: its errors and retry statuses are the descriptor's (bytes count in every bundle).
      coreCall = `createHttpCore({ ...wire, provider: wire.id, transport: ${descriptor}, unwrap: ${unwrap} }, rest)`;
      // Only what this offering's calls need: bytes or JSON, and polling where the transport delivers asynchronously.
      sendCall = binary
        ? `sendBinary(core, op(request), checked(call, "response"))`
        : `sendJson(core, op(request), checked(call, "response")${transport.async ? ", pollTask" : ""})`;
      streamCall = `streamHttp(core, op(request), checked(call, "stream"))`;
    } else {
      coreCall = `createBindingClient({ provider: wire.id, transport: ${descriptor}, errors: wire.errors }, rest)`;
      sendCall = `core.send(op(request), checked(call, "response"))`;
      streamCall = `core.stream(op(request), checked(call, "stream"))`;
    }
    module.js(
      `function ${made}(options) {`,
      `  return setUpOffering(operation, validateRequest, options, (rest) => ${coreCall});`,
      "}",
      `const ${creates} = ({ core, op, checked }) => async (request, call) => ${sendCall};`,
      ...(streamsHere ? [`const ${streamer} = ({ core, op, checked }) => (request, call) => ${streamCall};`] : []),
      "",
      `export function ${factory}(options) {`,
      `  const made = ${made}(options);`,
      `  return { ${propertyKey(clientKey)}: { create: ${creates}(made)${streamsHere ? `, stream: ${streamer}(made)` : ""} } };`,
      "}",
      "",
      `export function ${createFactory}(options) {`,
      `  return ${creates}(${made}(options));`,
      "}",
      "",
      ...(streamsHere ? [`export function ${streamFactory}(options) {`, `  return ${streamer}(${made}(options));`, "}", ""] : []),
    );
  }
  return module.files(path.replace(/\.js$/, ""), { specs: [provider.specFile, offering.specFile] });
}
