/**
 * The typed model every stage after `buildModel` reads. Emitters never see raw YAML:
 * they get providers and offerings with their schemas already checked, resolved and bundled.
 */
import type { Cache } from "./cache.js";
import type { Progress } from "./progress.js";
import type {
  AsyncDescriptor,
  BindingTransportDescriptor,
  HttpTransportDescriptor,
  RequestBodyDescriptor,
  ResponseBodyDescriptor,
  StreamingDescriptor,
} from "./runtime/types.js";
import type { PackageSettings } from "./version.js";

/** A JSON value as it came out of a spec file. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A place in a spec file, for error messages and GitHub annotations. */
export interface SourcePosition {
  /** Path relative to the schemas folder, with `/` separators. */
  file: string;
  line: number;
  column: number;
}

/** Where a parameter or schema comes from. */
export type Provenance = { kind: "documented" } | { kind: "inferred"; reason: string };

export interface SeedSource {
  /** Seed file name, e.g. `000_a89bc762b21b47b9.txt`, or another public source. */
  seed: string;
  /** The section of that document the spec was captured from. */
  section: string;
  /** The provider page's address, where the seed gives one. */
  url?: string;
}

export type SchemaRole = "request" | "response" | "stream";

/** A schema with every `$ref` bundled into its own `$defs`: self-contained JSON Schema 2020-12. */
/** The end of each schema's type name: `<stem>Request`, `<stem>Response`, `<stem>StreamEvent`. */
export const ROLE_TYPE_SUFFIX: Readonly<Record<SchemaRole, string>> = { request: "Request", response: "Response", stream: "StreamEvent" };

export interface BundledSchema {
  role: SchemaRole;
  /** The bundled schema, annotations (`x-…`) included. */
  schema: JsonObject;
  provenance: Provenance;
  /** Readable TypeScript name, e.g. `CloudflareGpt54MiniRequest`. */
  typeName: string;
  /** Where the schema starts in its spec file (found when a message asks). */
  readonly position: SourcePosition;
  /** Where each node of the bundled schema (by JSON pointer) was written (found when a message asks). */
  readonly positions: ReadonlyMap<string, SourcePosition>;
  /** The spec files the bundled schema was copied from. */
  files: readonly string[];
}

/** One request parameter (a property reachable from the request schema) and its provenance. */
export interface Parameter {
  /** Dotted path as a user writes it: `messages[].role`, `settings.toolChoice.type`. */
  path: string;
  provenance: Provenance;
}

/**
 * Where each part of an example comes from: a page may print a request and no answer, or only the
 * answer's text, so the response and the events have provenances of their own.
 */
export interface ExampleProvenance {
  request: Provenance;
  /** Present when the example has a response. */
  response?: Provenance;
  /** Present when the example has events. */
  events?: Provenance;
}

export interface Example {
  name: string;
  title: string;
  provenance: ExampleProvenance;
  request: JsonObject;
  /**
   * The answer in the provider's response shape, where the seed shows one: an object, a top-level
   * array, or for a binary response `{ contentType, base64 }`.
   */
  response?: JsonObject | Json[];
  /** The answer as stream events, for streaming examples. */
  events?: JsonObject[];
}

/**
 * The transports as the runtime reads them: one definition, the runtime's descriptors
 * (runtime/types.ts, which must stay self-contained), with what the spec adds for readers
 * (description, provenance) and the defaults normalize.ts fills in made required.
 */
export type RequestBody = RequestBodyDescriptor;
export type ResponseBody = ResponseBodyDescriptor;
export type AsyncDelivery = AsyncDescriptor;

export interface Streaming extends StreamingDescriptor {
  readonly terminalEventTypes: readonly string[];
  readonly errorEventTypes: readonly string[];
}

export interface HttpTransport extends HttpTransportDescriptor {
  readonly description: string;
  readonly pathParams: readonly { readonly name: string; readonly description: string }[];
  readonly auth: { readonly scheme: "bearer"; readonly header: string };
  readonly streaming?: Streaming;
  readonly provenance: Provenance;
}

export interface BindingTransport extends BindingTransportDescriptor {
  readonly description: string;
  readonly streaming?: Streaming;
  readonly provenance: Provenance;
}

export type Transport = HttpTransport | BindingTransport;

/**
 * What a provider's client module exports for one transport. Claimed once, in normalize.ts, in the
 * scope of every name the root index re-exports; the emitters read them from here.
 */
export interface ClientNames {
  /** The transport's id. */
  transport: string;
  /** The factory, e.g. `createCloudflareRestClient`. */
  factory: string;
  /** The client's type, e.g. `CloudflareRestClient`. */
  client: string;
  /** The options type of an HTTP transport, e.g. `CloudflareRestOptions` (a binding takes the runtime's `BindingClientOptions`). */
  options: string;
  /** An offering entry's create-only factory, e.g. `createCloudflareRestCreate`. */
  create: string;
  /** An offering entry's stream-only factory, e.g. `createCloudflareRestStream`. */
  stream: string;
  /** What the names share, e.g. `CloudflareRest`: the base of a generated module's own local names. */
  stem: string;
}

/** How a provider reports errors in a reply body. */
export interface ErrorEnvelope {
  /** JSON Schema of the whole error body. */
  schema: JsonObject;
  /** Pointer to the error object or array of error objects inside the body. */
  pointer: string;
  /** Field names inside one error object. */
  fields: { code?: string; message: string; parameter?: string; type?: string };
  provenance: Provenance;
}

export interface ProviderSpec {
  id: string;
  name: string;
  docsUrl: string;
  /** PascalCase prefix of every generated type name, e.g. `Cloudflare`. */
  typePrefix: string;
  specFile: string;
  transports: Transport[];
  /** The names of each transport's client, in the transports' order. */
  clients: ClientNames[];
  errors: ErrorEnvelope;
  /** HTTP statuses worth retrying. */
  retryStatuses: number[];
  notes: string[];
}

export type OfferingStatus = "available" | "coming-soon" | "beta" | "deprecated";

export interface OfferingSpec {
  /** `<provider>/<slug>`: stable, used in the catalog and registry. */
  id: string;
  provider: string;
  slug: string;
  /** The model id exactly as the provider writes it. */
  model: string;
  name: string;
  description: string;
  status: OfferingStatus;
  /** Tokens; null where the source states none for a model that does not count tokens. */
  contextWindow: number | null;
  maxOutputTokens: number | null;
  inputModalities: string[];
  outputModalities: string[];
  source: SeedSource;
  specFile: string;
  /** PascalCase stem of this offering's type names, e.g. `CloudflareGpt54Mini`. */
  typeStem: string;
  /** This offering's member on its provider's clients, e.g. `gpt54Mini` (unique within the provider). */
  clientKey: string;
  request: BundledSchema;
  response: BundledSchema;
  stream?: BundledSchema;
  parameters: Parameter[];
  examples: Example[];
  /** Disagreements between sources, and other facts a reader should know. */
  notes: string[];
  /** Prices the source states, where it states them. */
  pricing?: Pricing;
  /**
   * The hash of everything this offering is made from (normalize.ts): equal fingerprints, equal
   * offerings. Its own output files are recalled from the cache by it; absent, they are made afresh.
   */
  fingerprint?: string;
}

/** Prices as the catalog shows them: per million tokens, and per other unit where the unit is another. */
export interface Pricing {
  currency: string;
  inputPerMillionTokens?: number;
  outputPerMillionTokens?: number;
  other?: { unit: string; price: number }[];
  provenance: Provenance;
}

export interface Model {
  providers: ProviderSpec[];
  offerings: OfferingSpec[];
}

/** One output file. Paths are relative to the output folder, with `/` separators. */
export interface GeneratedFile {
  path: string;
  contents: string;
  /** The SHA-256 of `contents` where it is known without them (a run recalled from the cache): compared by it. */
  sha256?: string;
  /** The spec files it was made from (for its banner); empty for files made from all specs. */
  specs?: readonly string[];
  /** For its banner, where `specs` cannot say it: what a shared file is made from. */
  origin?: string;
  /** For hand-written files shipped in the output: the repository file it is a copy of. */
  copiedFrom?: string;
}

/** What every emitter may use besides the model: the content-hash cache for costly steps. */
export interface EmitContext {
  cache: Cache;
  /** Where a long emitter reports how far it got (offerings done of the total). */
  progress?: Pick<Progress, "update">;
  /** The generated package's name and version (resolved once per run: `emitModel`). */
  package: PackageSettings;
  /** The output folder, where a recalled file's text is found when the cache lost it. */
  outDir?: string;
}

/** An emitter turns the model into files. Adding an output kind means adding an emitter. */
export interface Emitter {
  name: string;
  /** The files made from the model as a whole (indexes, catalog, shared validators, ...). */
  emit(model: Model, context: EmitContext): GeneratedFile[] | Promise<GeneratedFile[]>;
  /**
   * The files one offering alone decides (its module, page, types), given the model's names and its
   * provider. Kept apart so a run recalls them by the offering's fingerprint instead of making them
   * again; a content-addressed file several offerings share is emitted by each, and kept once.
   */
  emitOffering?(offering: OfferingSpec, model: Model, context: EmitContext): GeneratedFile[] | Promise<GeneratedFile[]>;
}
