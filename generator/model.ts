/**
 * The typed model every stage after `buildModel` reads. Emitters never see raw YAML:
 * they get providers and offerings with their schemas already checked, resolved and bundled.
 */
import type { Cache } from "./cache.js";
import type { Progress } from "./progress.js";
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
  /** Where the schema starts in its spec file. */
  position: SourcePosition;
  /** Where each node of the bundled schema (by JSON pointer) was written. */
  positions: ReadonlyMap<string, SourcePosition>;
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
  /** The answer in the provider's response shape, where the seed shows one. */
  response?: JsonObject;
  /** The answer as stream events, for streaming examples. */
  events?: JsonObject[];
}

/** How an HTTP request is authenticated. The secret itself always comes from client options. */
export interface AuthScheme {
  scheme: "bearer";
  header: string;
}

/** How the request body is built from the typed request. */
export type RequestBody =
  /** The typed request is the body. */
  | { kind: "plain" }
  /** The body is an array of task objects; the client fills fixed fields and a fresh UUID. */
  | { kind: "task-array"; uuidField: string };

/** How the typed response is found in the reply body. */
export type ResponseBody =
  | { kind: "plain" }
  /** `{ result, success, errors }`-style wrapper: `result` holds the output. */
  | { kind: "envelope"; result: string; success: string }
  /**
   * `{ data: [...] }`: one item per result. `countField` names the request field that asks for
   * several results (Runware's `numberResults`): a call returns, and async polling waits for, that many.
   */
  | { kind: "data-array"; data: string; countField?: string };

export interface Streaming {
  format: "sse";
  /** The request field and value that switch streaming on. */
  enable: { field: string; value: Json };
  /** A `data:` payload that ends the stream, e.g. `[DONE]`. */
  doneSentinel?: string;
  /** Event `type` values that end the stream. */
  terminalEventTypes: string[];
  /** Event `type` values that carry a mid-stream error. */
  errorEventTypes: string[];
  /** A field whose presence in a data payload marks a mid-stream error, e.g. `errors`. */
  errorField?: string;
}

export interface AsyncDelivery {
  /** The request field and value that select asynchronous delivery. */
  enable: { field: string; value: Json };
  /** The task sent to poll for results. */
  pollTaskType: string;
  statusField: string;
  pendingStatus: string;
  /** The status of a task that failed: the polled item is the provider's error. */
  failedStatus: string;
  initialDelayMs: number;
  factor: number;
  maxDelayMs: number;
}

export interface HttpTransport {
  kind: "http";
  id: string;
  description: string;
  baseUrl: string;
  method: "POST";
  /** Path template; `{model}` is the offering's model id, other names are client options. */
  path: string;
  pathParams: { name: string; description: string }[];
  auth: AuthScheme;
  requestBody: RequestBody;
  responseBody: ResponseBody;
  streaming?: Streaming;
  async?: AsyncDelivery;
  provenance: Provenance;
}

export interface BindingTransport {
  kind: "workers-binding";
  id: string;
  description: string;
  streaming?: Streaming;
  provenance: Provenance;
}

export type Transport = HttpTransport | BindingTransport;

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
  request: BundledSchema;
  response: BundledSchema;
  stream?: BundledSchema;
  parameters: Parameter[];
  examples: Example[];
  /** Disagreements between sources, and other facts a reader should know. */
  notes: string[];
  /** Prices the source states, where it states them. */
  pricing?: Pricing;
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
  /** The generated package's name and version; unset, the project's setting (version.ts). */
  package?: PackageSettings;
}

/** An emitter turns the model into files. Adding an output kind means adding an emitter. */
export interface Emitter {
  name: string;
  emit(model: Model, context: EmitContext): GeneratedFile[] | Promise<GeneratedFile[]>;
}
