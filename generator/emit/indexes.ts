/**
 * Index emitter: one module per offering (types, validators, metadata and examples), one per
 * provider, and a root index with the registry of every offering.
 */
import { camelIdentifier, docComment, literal, NameScope, propertyKey } from "../escape.js";
import type { Emitter, GeneratedFile, Model, OfferingSpec } from "../model.js";
import { catalogEntries } from "./catalog.js";
import { clientFactoryNames, clientKeys } from "./clients.js";
import { offeringDir, providerDir, relativeImport, validatorFile } from "./paths.js";
import { specsOf } from "./types.js";

export const indexesEmitter: Emitter = {
  name: "indexes",
  emit(model: Model): GeneratedFile[] {
    const files: GeneratedFile[] = [];
    const entries = new Map(catalogEntries(model).map((e) => [e.id, e]));
    for (const provider of model.providers) {
      const offerings = model.offerings.filter((o) => o.provider === provider.id);
      const keys = clientKeys(offerings);
      for (const offering of offerings) files.push(offeringModule(offering, entries.get(offering.id)!, keys.get(offering.id)!));
    }

    const rootLines: string[] = [];
    const rootScope = new NameScope(["offerings", "providers", "catalog", "Offering", "OfferingId", "getOffering"]);
    const registry: [string, string][] = [];
    const providerRegistry: [string, string][] = [];
    for (const provider of model.providers) {
      const path = `${providerDir(provider)}/index.ts`;
      const offerings = model.offerings.filter((o) => o.provider === provider.id);
      const scope = new NameScope(["offerings", "clients", "provider"]);
      const factories = [...clientFactoryNames(provider)].map(([transport, name]) => ({ transport, name, local: scope.claim(name) }));
      const lines: string[] = [
        `import { ${factories.map((f) => (f.local === f.name ? f.name : `${f.name} as ${f.local}`)).join(", ")} } from "./client.js";`,
      ];
      const members = new Map<OfferingSpec, string>();
      for (const offering of offerings) {
        const local = scope.claim(camelIdentifier(offering.slug, "offering"));
        const target = relativeImport(path, `${offeringDir(offering)}/index.ts`);
        lines.push(`import { offering as ${local} } from ${literal(target)};`);
        lines.push(`export type * from ${literal(relativeImport(path, `${offeringDir(offering)}/types.ts`))};`);
        members.set(offering, local);
      }
      lines.push(`export * from "./client.js";`);
      lines.push(`export { provider } from "./provider.js";`);
      lines.push("", docComment([`Every ${provider.name} offering, by a name made from its slug.`]));
      // Explicit `typeof` types keep each offering's literal type in its own module's declarations, not copied here.
      lines.push(`export const offerings: ${typeOfMembers([...members.values()].map((m) => [m, m]))} = {\n${[...members.values()].map((m) => `  ${m},`).join("\n")}\n};`, "");
      lines.push(docComment([`${provider.name}'s client factories, by transport id: \`clients[transport](options)[offering.clientKey]\`.`]));
      const clientMembers = factories.map((f): [string, string] => [propertyKey(f.transport), f.local]);
      lines.push(`export const clients: ${typeOfMembers(clientMembers)} = {\n${clientMembers.map(([k, v]) => `  ${k}: ${v},`).join("\n")}\n};`, "");
      files.push({ path, contents: lines.join("\n"), specs: [provider.specFile, ...offerings.map((o) => o.specFile)] });

      const ns = rootScope.claim(camelIdentifier(provider.id, "provider"));
      rootLines.push(`import * as ${ns} from ${literal(relativeImport("index.ts", path))};`);
      for (const offering of offerings) rootLines.push(`export type * from ${literal(relativeImport("index.ts", `${offeringDir(offering)}/types.ts`))};`);
      for (const [offering, member] of members) registry.push([propertyKey(offering.id), `${ns}.offerings.${member}`]);
      rootLines.push(`export * from ${literal(relativeImport("index.ts", `${providerDir(provider)}/client.ts`))};`);
      rootLines.push(`export { ${ns} };`);
      providerRegistry.push([propertyKey(provider.id), `${ns}.provider`]);
    }
    rootLines.push(
      "",
      "/** The client runtime's error classes and option types, so users need only this module. */",
      `export * from "./runtime/errors.js";`,
      `export type { AiBinding, AiRunOptions, BindingCallOptions, BindingClientOptions, CallOptions, ClientOptions, CommonOptions, GatewayOptions, Sleep, ValidationIssue } from "./runtime/index.js";`,
      "",
      "/** Every offering, by id (`<provider>/<slug>`). */",
      `export const offerings: ${typeOfMembers(registry)} = {\n${registry.map(([k, v]) => `  ${k}: ${v},`).join("\n")}\n};`,
      "",
      "/** Every provider, by id. */",
      `export const providers: ${typeOfMembers(providerRegistry)} = {\n${providerRegistry.map(([k, v]) => `  ${k}: ${v},`).join("\n")}\n};`,
      "",
      "export type OfferingId = keyof typeof offerings;",
      "export type Offering = (typeof offerings)[OfferingId];",
      "",
      "/** The catalog: what `catalog.json` holds, without reading a file. */",
      'export const catalog: Offering["catalog"][] = Object.values(offerings).map((o) => o.catalog);',
      "",
      "export function getOffering(id: string): Offering | undefined {",
      "  return Object.prototype.hasOwnProperty.call(offerings, id) ? offerings[id as OfferingId] : undefined;",
      "}",
      "",
    );
    files.push({ path: "index.ts", contents: rootLines.join("\n"), specs: [] });
    files.push({ path: "mock.ts", contents: MOCK_MODULE, specs: [] });
    return files;
  },
};

/** `{ readonly key: typeof value; … }` for an object literal of `key: value` members. */
function typeOfMembers(members: [key: string, value: string][]): string {
  return `{\n${members.map(([key, value]) => `  readonly ${key}: typeof ${value};`).join("\n")}\n}`;
}

function offeringModule(offering: OfferingSpec, entry: ReturnType<typeof catalogEntries>[number], clientKey: string): GeneratedFile {
  const path = `${offeringDir(offering)}/index.ts`;
  const roles = (["request", "response", "stream"] as const).filter((r) => r !== "stream" || offering.stream);
  const lines = [`export type * from "./types.js";`];
  const names = { request: "validateRequest", response: "validateResponse", stream: "validateStreamEvent" } as const;
  for (const role of roles) lines.push(`import ${names[role]} from ${literal(relativeImport(path, validatorFile(offering, role)))};`);
  lines.push(`export { ${roles.map((r) => names[r]).join(", ")} };`, "");
  lines.push(docComment([`${offering.name} (${offering.model}) from ${offering.provider}: metadata, validators and the spec's examples.`]));
  lines.push("export const offering = {");
  lines.push(`  id: ${literal(offering.id)},`);
  lines.push(`  provider: ${literal(offering.provider)},`);
  lines.push(`  model: ${literal(offering.model)},`);
  lines.push("  /** This offering's key on its provider's clients: `createXClient(options)[offering.clientKey].create(…)`. */");
  lines.push(`  clientKey: ${literal(clientKey)},`);
  lines.push(`  catalog: ${literal(entry)},`);
  lines.push(`  validators: { request: validateRequest, response: validateResponse, stream: ${offering.stream ? "validateStreamEvent" : "undefined"} },`);
  lines.push(`  examples: ${literal(offering.examples)},`);
  lines.push("} as const;", "");
  return { path, contents: lines.join("\n"), specs: specsOf(offering) };
}

/** The Node-only entry that serves every offering of the package from the local provider server. */
const MOCK_MODULE = `import { startMockServer, type MockServer, type MockServerOptions } from "./runtime/mock-server.js";
import { offerings, providers } from "./index.js";

export { MOCK_FAULTS } from "./runtime/mock-server.js";
export type { MockFault, MockRequestRecord, MockServer, MockServerOptions } from "./runtime/mock-server.js";

/**
 * Starts the local provider server (127.0.0.1, a free port unless one is given) answering every
 * offering of this package on its provider's real routes. Node only. Close it with \`close()\`.
 */
export function startMockProviders(options: Omit<MockServerOptions, "offerings"> = {}): Promise<MockServer> {
  return startMockServer({
    ...options,
    offerings: Object.values(offerings).map((offering) => ({
      provider: offering.provider,
      model: offering.model,
      transports: providers[offering.provider].transports,
      errors: providers[offering.provider].errors,
      validators: offering.validators,
      examples: offering.examples,
    })),
  });
}
`;
