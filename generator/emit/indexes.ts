/**
 * Index emitter: the package's entries. One module per offering (its types, validators, metadata,
 * examples and a client for it alone), one per provider, a root with every type, client factory
 * and error class and nothing built on import, and `offerings.js` with the registry of every
 * offering. Each is written as JavaScript and declarations directly (see `module.ts`).
 */
import { camelIdentifier, docComment, literal, NameScope, propertyKey } from "../escape.js";
import type { Emitter, GeneratedFile, Model, OfferingSpec, ProviderSpec, SchemaRole } from "../model.js";
import { binaryResponse } from "../response-body.js";
import { catalogEntry, type CatalogEntry } from "./catalog.js";
import { indent, literalType, ModuleText } from "./module.js";
import { offeringClient } from "./offering-client.js";
import { AJV_HELPERS_FILE, offeringDir, OFFERINGS_ENTRY, providerDir, relativeImport, RUNTIME_DIR } from "./paths.js";
import { providerOf, sections, specsOf, validatorFiles } from "./shared.js";

export const indexesEmitter: Emitter = {
  name: "indexes",
  emit(model: Model): GeneratedFile[] {
    const files: GeneratedFile[] = [];
    const root = new RootIndex();
    const registry = new OfferingsIndex();
    for (const provider of model.providers) {
      const offerings = model.offerings.filter((o) => o.provider === provider.id);
      const members = providerIndex(provider, offerings);
      files.push(...members.files);
      root.addProvider(provider, offerings);
      registry.addProvider(provider, members.locals);
    }
    files.push(...root.files(), ...registry.files());
    return files;
  },
  /** The offering's own entry and client. */
  emitOffering(offering: OfferingSpec, model: Model): GeneratedFile[] {
    const provider = providerOf(model, offering);
    const validators = validatorFiles(model).get(offering.id)!;
    return [...offeringModule(offering, catalogEntry(offering, model), validators), ...offeringClient(provider, offering, validators)];
  },
};

/** `<provider>/index.js`: its offerings by a name made from the slug, its client factories by transport. */
function providerIndex(provider: ProviderSpec, offerings: OfferingSpec[]): { files: GeneratedFile[]; locals: Map<OfferingSpec, string> } {
  const path = `${providerDir(provider)}/index.js`;
  const scope = new NameScope(["offerings", "clients", "provider"]);
  const factories = provider.clients.map(({ transport, factory }) => ({ transport, name: factory, local: scope.claim(factory) }));
  const module = new ModuleText();
  module.both(`import { ${factories.map((f) => (f.local === f.name ? f.name : `${f.name} as ${f.local}`)).join(", ")} } from "./client.js";`);
  const locals = new Map<OfferingSpec, string>();
  for (const offering of offerings) {
    const local = scope.claim(offering.clientKey);
    module.both(`import { offering as ${local} } from ${literal(relativeImport(path, `${offeringDir(offering)}/index.js`))};`);
    module.dts(`export type * from ${literal(relativeImport(path, `${offeringDir(offering)}/types.js`))};`);
    locals.set(offering, local);
  }
  module.both(`export * from "./client.js";`, `export { provider } from "./provider.js";`, "");
  module.both(docComment([`Every ${provider.name} offering, by a name made from its slug.`]));
  // `typeof` types keep each offering's literal type in its own module's declarations, not copied here.
  module.js(`export const offerings = {\n${[...locals.values()].map((m) => `  ${m},`).join("\n")}\n};`, "");
  module.dts(`export declare const offerings: ${typeOfMembers([...locals.values()].map((m) => [m, m]))};`, "");
  module.both(docComment([`${provider.name}'s client factories, by transport id: \`clients[transport](options)[offering.clientKey]\`.`]));
  const clientMembers = factories.map((f): [string, string] => [propertyKey(f.transport), f.local]);
  module.js(`export const clients = {\n${clientMembers.map(([k, v]) => `  ${k}: ${v},`).join("\n")}\n};`);
  module.dts(`export declare const clients: ${typeOfMembers(clientMembers)};`);
  return { files: module.files(`${providerDir(provider)}/index`, { specs: [provider.specFile, ...offerings.map((o) => o.specFile)] }), locals };
}

/** `index.js`: every offering's types, every client factory and the error classes; nothing is built on import. */
class RootIndex {
  private readonly module = new ModuleText();

  addProvider(provider: ProviderSpec, offerings: OfferingSpec[]): void {
    for (const offering of offerings)
      this.module.dts(`export type * from ${literal(relativeImport("index.js", `${offeringDir(offering)}/types.js`))};`);
    this.module.both(`export * from ${literal(relativeImport("index.js", `${providerDir(provider)}/client.js`))};`);
  }

  files(): GeneratedFile[] {
    const { module } = this;
    module.both(
      "",
      "/** The client runtime's error classes and option types, so users need only this module. */",
      `export * from "./runtime/errors.js";`,
    );
    module.dts(
      `export type { AiBinding, AiRunOptions, BindingCallOptions, BindingClientOptions, CallOptions, ClientOptions, CommonOptions, GatewayOptions, Sleep, ValidationIssue } from "./runtime/index.js";`,
    );
    return module.files("index", { specs: [] });
  }
}

/** `offerings.js`: the registry of every offering and provider and the catalog, in an entry of its own so importing the root builds none of it. */
class OfferingsIndex {
  private readonly module = new ModuleText();
  private readonly scope = new NameScope(["offerings", "providers", "catalog", "Offering", "OfferingId", "getOffering"]);
  private readonly registry: [string, string][] = [];
  private readonly providerRegistry: [string, string][] = [];

  addProvider(provider: ProviderSpec, locals: Map<OfferingSpec, string>): void {
    const ns = this.scope.claim(camelIdentifier(provider.id, "provider"));
    this.module.both(`import * as ${ns} from ${literal(relativeImport(OFFERINGS_ENTRY, `${providerDir(provider)}/index.js`))};`);
    for (const [offering, member] of locals) this.registry.push([propertyKey(offering.id), `${ns}.offerings.${member}`]);
    this.module.both(`export { ${ns} };`);
    this.providerRegistry.push([propertyKey(provider.id), `${ns}.provider`]);
  }

  files(): GeneratedFile[] {
    const { module, registry, providerRegistry } = this;
    module.both("", "/** Every offering, by id (`<provider>/<slug>`). */");
    module.js(`export const offerings = {\n${registry.map(([k, v]) => `  ${k}: ${v},`).join("\n")}\n};`);
    module.dts(`export declare const offerings: ${typeOfMembers(registry)};`);
    module.both("", "/** Every provider, by id. */");
    module.js(`export const providers = {\n${providerRegistry.map(([k, v]) => `  ${k}: ${v},`).join("\n")}\n};`);
    module.dts(`export declare const providers: ${typeOfMembers(providerRegistry)};`);
    module.dts("", "export type OfferingId = keyof typeof offerings;", "export type Offering = (typeof offerings)[OfferingId];");
    module.both("", "/** The catalog: what `catalog.json` holds, without reading a file. */");
    module.js("export const catalog = Object.values(offerings).map((o) => o.catalog);");
    module.dts('export declare const catalog: Offering["catalog"][];');
    module.both("", "/** The offering with this id (`<provider>/<slug>`), or undefined. */");
    module.js("export function getOffering(id) {", "  return Object.prototype.hasOwnProperty.call(offerings, id) ? offerings[id] : undefined;", "}");
    module.dts("export declare function getOffering(id: string): Offering | undefined;");
    return module.files(OFFERINGS_ENTRY.replace(/\.js$/, ""), { specs: [] });
  }
}

/** `{ readonly key: typeof value; … }` for an object literal of `key: value` members. */
function typeOfMembers(members: [key: string, value: string][]): string {
  return `{\n${members.map(([key, value]) => `  readonly ${key}: typeof ${value};`).join("\n")}\n}`;
}

const VALIDATOR_EXPORTS: Readonly<Record<SchemaRole, string>> = {
  request: "validateRequest",
  response: "validateResponse",
  stream: "validateStreamEvent",
};

/**
 * `<provider>/<slug>/index.js`: the offering's types, its validators (the provider's shared ones,
 * typed for this offering), metadata and examples.
 */
function offeringModule(offering: OfferingSpec, entry: CatalogEntry, validators: Partial<Record<SchemaRole, string>>): GeneratedFile[] {
  const path = `${offeringDir(offering)}/index.js`;
  const typed = sections(offering).map((section) => ({
    section,
    name: VALIDATOR_EXPORTS[section.role],
    type: `ValidateFunction<${section.typeName}>`,
  }));
  const module = new ModuleText();
  module.dts(
    `import type { ValidateFunction } from ${literal(relativeImport(path, AJV_HELPERS_FILE))};`,
    `import type { ${binaryResponse(offering.response.schema) ? "BinaryExample, " : ""}OfferingExample } from ${literal(relativeImport(path, `${RUNTIME_DIR}/index.js`))};`,
    `import type { ${typed.map((t) => t.section.typeName).join(", ")} } from "./types.js";`,
    `export type * from "./types.js";`,
  );
  module.both(`export * from "./client.js";`);
  module.js(...typed.map(({ section, name }) => `import ${name} from ${literal(relativeImport(path, validators[section.role]!))};`));
  module.both("");
  for (const { section, name, type } of typed) {
    const what = section.role === "stream" ? "a stream event" : `a ${section.role}`;
    module.dts(
      docComment([`Checks ${what} of ${offering.name} against the spec; on failure \`.errors\` lists every problem with its \`instancePath\`.`]),
    );
    module.dts(`export declare const ${name}: ${type};`);
  }
  module.js(`export { ${typed.map((t) => t.name).join(", ")} };`);
  const validator = (role: SchemaRole) => typed.find((t) => t.section.role === role);
  const binary = binaryResponse(offering.response.schema);
  const answerType = binary ? "BinaryExample" : offering.response.typeName;
  const exampleType = `OfferingExample<${offering.request.typeName}, ${answerType}, ${offering.stream?.typeName ?? "never"}>`;
  module.both("", docComment([`${offering.name} (${offering.model}) from ${offering.provider}: metadata, validators and the spec's examples.`]));
  const clientKeyDoc = "  /** This offering's key on its provider's clients: `createXClient(options)[offering.clientKey].create(…)`. */";
  module.js(
    "export const offering = {",
    `  id: ${literal(offering.id)},`,
    `  provider: ${literal(offering.provider)},`,
    `  model: ${literal(offering.model)},`,
    clientKeyDoc,
    `  clientKey: ${literal(offering.clientKey)},`,
    `  catalog: ${indent(literal(entry, 2)).trimStart()},`,
    `  validators: { request: ${validator("request")!.name}, response: ${validator("response")!.name}, stream: ${validator("stream")?.name ?? "undefined"} },`,
    `  examples: ${indent(literal(offering.examples, 2)).trimStart()},`,
    `  binaryResponse: ${binary ? literal(binary) : "undefined"},`,
    "};",
  );
  module.dts(
    "export declare const offering: {",
    `  readonly id: ${literal(offering.id)};`,
    `  readonly provider: ${literal(offering.provider)};`,
    `  readonly model: ${literal(offering.model)};`,
    clientKeyDoc,
    `  readonly clientKey: ${literal(offering.clientKey)};`,
    `  readonly catalog: ${literalType(entry, 1)};`,
    `  readonly validators: { readonly request: ${validator("request")!.type}; readonly response: ${validator("response")!.type}; readonly stream: ${validator("stream")?.type ?? "undefined"} };`,
    "  /** The spec's examples: a request, and where the page shows them the response or stream events. */",
    `  readonly examples: readonly ${exampleType}[];`,
    "  /** Set when the answer is bytes (an image, audio): the media type the spec declares; the client returns a `BinaryBody`. */",
    `  readonly binaryResponse: ${binary ? literalType(binary, 1) : "undefined"};`,
    "};",
  );
  return module.files(`${offeringDir(offering)}/index`, { specs: specsOf(offering) });
}
