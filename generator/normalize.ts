/**
 * Stage 4: build the typed model from checked files. This is where cross-file rules live: every
 * offering names a provider that exists, ids and exported names are unique. An offering's own
 * checks (parameter provenance, modalities, examples) are offering-checks.ts.
 */

import { NO_CACHE, sha256, type Cache } from "./cache.js";
import { compareText, diagnostic, type Diagnostic } from "./diagnostics.js";
import { camelIdentifier, NameScope, pascalIdentifier } from "./escape.js";
import { isKind, specData, type ParsedFile, type ParsedFileOf } from "./load.js";
import type { BindingTransportSpec, HttpTransportSpec, JsonSchema, PricingSpec, StreamingSpec } from "./meta/spec-types.js";
import {
  ROLE_TYPE_SUFFIX,
  type BundledSchema,
  type ClientNames,
  type JsonObject,
  type Model,
  type OfferingSpec,
  type Pricing,
  type ProviderSpec,
  type SchemaRole,
  type SourcePosition,
  type Streaming,
  type Transport,
} from "./model.js";
import { checkOffering } from "./offering-checks.js";
import { provenanceOf } from "./provenance.js";
import type { ResolvedSchemas } from "./resolve.js";
import { cloneJson, isObject } from "./schema-walk.js";

export function buildModel(
  files: readonly ParsedFile[],
  resolved: ResolvedSchemas,
  cache: Cache = NO_CACHE,
): { model?: Model; diagnostics: Diagnostic[] } {
  const built = buildModelWithProblems(files, resolved, cache);
  return built.diagnostics.length > 0 ? { diagnostics: built.diagnostics } : built;
}

/**
 * The model of every offering that could be built, and every problem found on the way. Generation
 * stops at the first problem (`buildModel`); `modelspec diff` compares the model all the same and
 * lists the problems beside the changes.
 */
export function buildModelWithProblems(
  files: readonly ParsedFile[],
  resolved: ResolvedSchemas,
  cache: Cache = NO_CACHE,
): { model: Model; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // Every name the root index re-exports (each offering's types, each transport's client names)
  // comes from this one scope; the client names are claimed first.
  const typeNames = new NameScope();
  const providers = new Map([...toProviders(files.filter(isKind("provider")), diagnostics)].map(([id, p]) => [id, withClientNames(p, typeNames)]));
  const hashes = new Map(files.map((f) => [f.file, f.sha256]));
  const context: OfferingContext = { providers, resolved, typeNames, ids: new Map(), diagnostics, cache, hashes };
  const offerings = files
    .filter(isKind("offering"))
    .sort((a, b) => compareText(a.file, b.file))
    .flatMap((file) => toOffering(file, context) ?? []);
  return {
    model: {
      providers: [...providers.values()].sort((a, b) => compareText(a.id, b.id)),
      offerings: withFingerprints(withClientKeys(offerings.sort((a, b) => compareText(a.id, b.id))), hashes, providers),
    },
    diagnostics,
  };
}

/**
 * Each offering's fingerprint: what its spec is made from (see `offeringInputs`), its provider as
 * built, and the names claimed for it among the others (type stem, client key). Equal fingerprints
 * mean equal offerings, so its own output files can be recalled by it (see `emitModel`).
 */
function withFingerprints(
  offerings: OfferingSpec[],
  hashes: ReadonlyMap<string, string | undefined>,
  providers: ReadonlyMap<string, ProviderSpec>,
): OfferingSpec[] {
  const providerPrints = new Map([...providers].map(([id, p]) => [id, sha256(JSON.stringify(p))]));
  return offerings.map((offering) => {
    const inputs = offeringInputs(offering.specFile, offering, hashes);
    if (inputs === undefined) return offering;
    const { id, typeStem, clientKey, provider } = offering;
    return { ...offering, fingerprint: sha256(JSON.stringify([id, typeStem, clientKey, inputs, providerPrints.get(provider)])) };
  });
}

/**
 * The files an offering is made from, each by the hash of its bytes: its own, and every file its
 * bundled schemas were copied from. Undefined where a file was parsed without its hash (a test's).
 */
function offeringInputs(
  specFile: string,
  sections: Partial<Record<SchemaRole, Pick<BundledSchema, "files">>>,
  hashes: ReadonlyMap<string, string | undefined>,
): string | undefined {
  const drawn = new Set<string>([specFile]);
  for (const section of [sections.request, sections.response, sections.stream]) {
    if (section) for (const file of section.files) drawn.add(file);
  }
  const inputs = [...drawn].sort(compareText).map((file) => [file, hashes.get(file)]);
  return inputs.some(([, hash]) => hash === undefined) ? undefined : JSON.stringify(inputs);
}

const at = (file: ParsedFile, pointer: string): SourcePosition => file.positions.get(pointer) ?? { file: file.file, line: 1, column: 1 };

/** Providers by id, in file order so nothing depends on the order files were listed in. */
function toProviders(files: ParsedFileOf<"provider">[], diagnostics: Diagnostic[]): Map<string, Omit<ProviderSpec, "clients">> {
  const providers = new Map<string, Omit<ProviderSpec, "clients">>();
  const prefixScope = new NameScope();
  for (const file of files.sort((a, b) => compareText(a.file, b.file))) {
    const data = specData(file);
    const { id, errors } = data;
    const existing = providers.get(id);
    const reserved = reservedName(id, RESERVED_PROVIDER_IDS);
    // Still registered, so its offerings are not also reported as having no provider.
    if (reserved) diagnostics.push(diagnostic(at(file, "/id"), "/id", `provider id ${JSON.stringify(id)} is reserved: ${reserved}`));
    if (existing) {
      diagnostics.push(diagnostic(at(file, "/id"), "/id", `provider id ${JSON.stringify(id)} is already used by ${existing.specFile}`));
      continue;
    }
    providers.set(id, {
      id,
      name: data.name,
      docsUrl: data.docsUrl,
      typePrefix: prefixScope.claim(data.typePrefix ?? pascalIdentifier(id, "Provider")),
      specFile: file.file,
      transports: data.transports.map(toTransport),
      errors: {
        schema: schemaObject(cloneJson(errors.schema)),
        pointer: errors.pointer,
        fields: cloneJson(errors.fields),
        provenance: provenanceOf(errors.provenance),
      },
      retryStatuses: [...data.retryStatuses].sort((a, b) => a - b),
      notes: data.notes ?? [],
    });
  }
  return providers;
}

/** A boolean schema as the object that means the same (`true` is `{}`, `false` is `{ not: {} }`), as bundles are. */
function schemaObject(schema: JsonSchema): JsonObject {
  if (typeof schema !== "boolean") return schema;
  return schema ? {} : { not: {} };
}

/** Each transport's factory, client type and options type (`createCloudflareRestClient`, ...), claimed in the scope of exported names. */
function withClientNames(provider: Omit<ProviderSpec, "clients">, scope: NameScope): ProviderSpec {
  const clients = provider.transports.map((transport): ClientNames => {
    const stem = `${provider.typePrefix}${pascalIdentifier(transport.id, "Transport")}`;
    const options = scope.claim(`${stem}Options`);
    const factory = scope.claim(`create${stem}Client`);
    const client = scope.claim(`${stem}Client`);
    return {
      transport: transport.id,
      factory,
      client,
      options,
      create: scope.claim(`create${stem}Create`),
      stream: scope.claim(`create${stem}Stream`),
      stem,
    };
  });
  return { ...provider, clients };
}

/** Each offering's member on its provider's clients (`gpt54Mini`): unique within the provider, claimed in id order. */
function withClientKeys(offerings: readonly Omit<OfferingSpec, "clientKey">[]): OfferingSpec[] {
  const scopes = new Map<string, NameScope>();
  return offerings.map((offering) => {
    if (!scopes.has(offering.provider)) scopes.set(offering.provider, new NameScope());
    return { ...offering, clientKey: scopes.get(offering.provider)!.claim(camelIdentifier(offering.slug, "offering")) };
  });
}

/** What building the offerings shares: the providers, the bundles, the name scope, the ids taken so far. */
interface OfferingContext {
  providers: ReadonlyMap<string, ProviderSpec>;
  resolved: ResolvedSchemas;
  typeNames: NameScope;
  /** The file that defined each offering id first. */
  ids: Map<string, string>;
  diagnostics: Diagnostic[];
  cache: Cache;
  /** Each spec file's hash (see `offeringInputs`). */
  hashes: ReadonlyMap<string, string | undefined>;
}

/** One offering, or undefined when its provider, id or schemas leave nothing to build (each problem reported). */
function toOffering(file: ParsedFileOf<"offering">, context: OfferingContext): Omit<OfferingSpec, "clientKey"> | undefined {
  const { resolved, typeNames, diagnostics, cache } = context;
  const data = specData(file);
  const identity = offeringIdentity(file, context);
  if (!identity) return undefined;
  const { id, provider } = identity;
  const typeStem = typeNames.claimFamily(provider.typePrefix + pascalIdentifier(data.slug, "Model"), exportedSuffixes(file, resolved));
  const sections = schemaSections(file, resolved, typeStem);
  if (!sections.request || !sections.response || (isObject(data.stream) && !sections.stream)) return undefined;

  const { parameters, examples } = checkOffering(
    file,
    id,
    provider,
    { ...sections, request: sections.request },
    {
      inputs: offeringInputs(file.file, sections, context.hashes),
      origins: () => resolved.get(file.file)?.request?.origins,
      diagnostics,
      cache,
    },
  );
  return {
    id,
    provider: provider.id,
    slug: data.slug,
    model: data.model,
    name: data.name,
    description: data.description,
    status: data.status,
    contextWindow: data.contextWindow ?? null,
    maxOutputTokens: data.maxOutputTokens ?? null,
    inputModalities: data.inputModalities,
    outputModalities: data.outputModalities,
    source: cloneJson(data.source),
    specFile: file.file,
    typeStem,
    request: sections.request,
    response: sections.response,
    ...(sections.stream ? { stream: sections.stream } : {}),
    parameters,
    examples,
    notes: data.notes ?? [],
    ...(isObject(data.pricing) ? { pricing: toPricing(data.pricing) } : {}),
  };
}

/**
 * The offering's id (`<provider>/<slug>`) and provider: the provider exists, the slug is not
 * reserved, and no other file defines the same id (the first file in path order keeps it).
 */
function offeringIdentity(
  file: ParsedFileOf<"offering">,
  { providers, ids, diagnostics }: OfferingContext,
): { id: string; provider: ProviderSpec } | undefined {
  const data = specData(file);
  const provider = providers.get(data.provider);
  if (!provider) {
    const known = [...providers.keys()].sort(compareText);
    diagnostics.push(
      diagnostic(
        at(file, "/provider"),
        "/provider",
        `no provider ${JSON.stringify(data.provider)}; known providers: ${known.join(", ") || "(none)"}`,
      ),
    );
    return undefined;
  }
  const id = `${provider.id}/${data.slug}`;
  const reserved = reservedName(data.slug, RESERVED_SLUGS);
  if (reserved) {
    diagnostics.push(diagnostic(at(file, "/slug"), "/slug", `slug ${JSON.stringify(data.slug)} is reserved: ${reserved}`));
    return undefined;
  }
  const first = ids.get(id);
  if (first) {
    diagnostics.push(diagnostic(at(file, "/slug"), "/slug", `offering id ${JSON.stringify(id)} is already defined in ${first}`));
    return undefined;
  }
  ids.set(id, file.file);
  return { id, provider };
}

/** The offering's bundled request, response and stream schemas, with their provenance and type names. */
function schemaSections(file: ParsedFileOf<"offering">, resolved: ResolvedSchemas, typeStem: string): Partial<Record<SchemaRole, BundledSchema>> {
  const data = specData(file);
  const sections: Partial<Record<SchemaRole, BundledSchema>> = {};
  for (const role of ["request", "response", "stream"] as const) {
    const section = data[role];
    const bundle = resolved.get(file.file)?.[role];
    if (!isObject(section) || !bundle) continue;
    sections[role] = {
      role,
      schema: bundle.schema,
      get positions() {
        return bundle.positions;
      },
      files: bundle.files,
      provenance: provenanceOf(section.provenance),
      typeName: typeStem + ROLE_TYPE_SUFFIX[role],
      get position() {
        return at(file, `/${role}/schema`);
      },
    };
  }
  return sections;
}

/**
 * Ids and slugs become folder names in the output, next to its fixed files and folders
 * (see emit/paths.ts and the docs emitter): `runtime/`, `docs/`, `docs/models/` (beside each
 * provider's docs folder), `<provider>/schemas/` (beside its offerings), `index.js`, `client.js`,
 * `catalog.json`, `<provider>/openapi.json`.
 */
const RESERVED_PROVIDER_IDS = new Set(["runtime", "docs", "models"]);
const RESERVED_SLUGS = new Set(["schemas"]);
function reservedName(name: string, reserved: ReadonlySet<string>): string | undefined {
  if (reserved.has(name)) return `the output has a folder ${JSON.stringify(`${name}/`)} of its own`;
  if (/\.(js|ts|json|md)$/.test(name)) return "a name ending in .js, .ts, .json or .md could clash with a generated file";
  return undefined;
}

/** What follows an offering's type stem in the names it exports (see the types and clients emitters). */
function exportedSuffixes(file: ParsedFile, resolved: ResolvedSchemas): string[] {
  const suffixes = ["Input"];
  for (const role of ["request", "response", "stream"] as const) {
    const bundle = resolved.get(file.file)?.[role];
    if (!bundle) continue;
    suffixes.push(ROLE_TYPE_SUFFIX[role]);
    if (isObject(bundle.schema.$defs)) for (const name of Object.keys(bundle.schema.$defs)) suffixes.push(ROLE_TYPE_SUFFIX[role] + name);
  }
  return suffixes;
}

function toPricing(data: PricingSpec): Pricing {
  const { provenance, ...prices } = cloneJson(data);
  return { ...prices, provenance: provenanceOf(provenance) };
}

/** A transport with its defaults filled in. The spread keeps the spec's key order, which the emitted descriptors follow. */
function toTransport(spec: HttpTransportSpec | BindingTransportSpec): Transport {
  const copy = cloneJson(spec);
  const provenance = provenanceOf(copy.provenance);
  if (copy.kind === "http") {
    return {
      ...copy,
      pathParams: copy.pathParams ?? [],
      auth: { scheme: "bearer", header: copy.auth.header ?? "Authorization" },
      streaming: streamingOf(copy.streaming),
      provenance,
    };
  }
  return { ...copy, streaming: streamingOf(copy.streaming), provenance };
}

function streamingOf(streaming: StreamingSpec | undefined): Streaming | undefined {
  if (!streaming) return undefined;
  return { ...streaming, terminalEventTypes: streaming.terminalEventTypes ?? [], errorEventTypes: streaming.errorEventTypes ?? [] };
}
