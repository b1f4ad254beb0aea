/**
 * The shapes of checked spec files, generated from generator/meta/*.yaml by generator/meta/build-types.ts
 * (`npm run meta-types`). Do not edit: change the meta-schema and regenerate.
 */
import type { Json, JsonObject } from "../model.js";

/** A JSON Schema as a spec writes it: an object, or `true`/`false`. */
export type JsonSchema = JsonObject | boolean;

/**
 * `documented` (the source says it) or `{ inferred: <one-line reason> }`.
 */
export type ProvenanceSpec =
  | "documented"
  | {
      inferred: string;
    };

export interface ProviderFile {
  $schema?: string;
  /**
   * lower-case letters, digits, `.`, `_` and `-`, starting with a letter or digit
   */
  id: string;
  name: string;
  docsUrl: string;
  /**
   * PascalCase prefix of generated type names; derived from `id` when absent
   */
  typePrefix?: string;
  notes?: string[];
  /**
   * what `modelspec import` writes where a source is silent
   */
  import?: {
    /**
     * the stream event schema of an offering whose source says it streams but not the event shape
     */
    stream?: {
      schema: JsonSchema;
      provenance: ProvenanceSpec;
    };
  };
  retryStatuses: number[];
  errors: {
    schema: JsonSchema;
    /**
     * a JSON pointer, `""` for the whole body
     */
    pointer: string;
    fields: {
      code?: string;
      message: string;
      parameter?: string;
      type?: string;
    };
    provenance: ProvenanceSpec;
  };
  /**
   * @minItems 1
   */
  transports: (HttpTransportSpec | BindingTransportSpec)[];
}
export interface HttpTransportSpec {
  /**
   * lower-case letters, digits, `.`, `_` and `-`, starting with a letter or digit
   */
  id: string;
  kind: "http";
  description: string;
  provenance: ProvenanceSpec;
  baseUrl: string;
  method: "POST";
  path: string;
  pathParams?: {
    name: string;
    description: string;
  }[];
  auth: {
    scheme: "bearer";
    header?: string;
  };
  requestBody:
    | {
        kind: "plain";
      }
    | {
        kind: "task-array";
        uuidField: string;
      };
  responseBody:
    | {
        kind: "plain";
      }
    | {
        kind: "envelope";
        result: string;
        success: string;
      }
    | {
        kind: "data-array";
        data: string;
        /**
         * a top-level integer request field asking for several result items (e.g. `numberResults`); the client waits for that many
         */
        countField?: string;
      };
  streaming?: StreamingSpec;
  async?: {
    enable: EnableSwitchSpec;
    pollTaskType: string;
    statusField: string;
    pendingStatus: string;
    /**
     * the status of a polled item whose task failed; the item is read with the error envelope's `fields`
     */
    failedStatus: string;
    initialDelayMs: number;
    factor: number;
    maxDelayMs: number;
  };
}
export interface StreamingSpec {
  format: "sse";
  enable: EnableSwitchSpec;
  doneSentinel?: string;
  terminalEventTypes?: string[];
  errorEventTypes?: string[];
  /**
   * a field of a `data:` payload whose presence (a non-empty array or a non-null value) marks a mid-stream error; its (first) item is read with the error envelope's `fields`
   */
  errorField?: string;
}
export interface EnableSwitchSpec {
  field: string;
  value: Json;
}
export interface BindingTransportSpec {
  /**
   * lower-case letters, digits, `.`, `_` and `-`, starting with a letter or digit
   */
  id: string;
  kind: "workers-binding";
  description: string;
  provenance: ProvenanceSpec;
  streaming?: StreamingSpec;
}
export interface OfferingFile {
  $schema?: string;
  /**
   * lower-case letters, digits, `.`, `_` and `-`, starting with a letter or digit
   */
  provider: string;
  /**
   * the offering's stable name within its provider; the offering id is `<provider>/<slug>`
   */
  slug: string;
  model: string;
  name: string;
  description: string;
  status: "available" | "coming-soon" | "beta" | "deprecated";
  /**
   * tokens; `null` where the source states none and the model does not count tokens (an image or speech model)
   */
  contextWindow: null | number;
  maxOutputTokens: number | null;
  /**
   * @minItems 1
   */
  inputModalities: ("text" | "image" | "audio" | "video" | "file")[];
  /**
   * @minItems 1
   */
  outputModalities: ("text" | "image" | "audio" | "video" | "file")[];
  source: {
    seed: string;
    section: string;
    /**
     * the provider page's address, where the seed gives one (every part of it is on the page)
     */
    url?: string;
  };
  notes?: string[];
  pricing?: PricingSpec;
  request: {
    schema: JsonSchema;
    provenance: ProvenanceSpec;
    /**
     * every parameter of the request schema, by path (`messages[].role`), with its provenance
     */
    parameters: {
      [k: string]: ProvenanceSpec | undefined;
    };
  };
  response: SchemaSectionSpec;
  stream?: SchemaSectionSpec;
  examples: {
    /**
     * lower-case letters, digits, `.`, `_` and `-`, starting with a letter or digit
     */
    name: string;
    title: string;
    /**
     * `documented` or `{ inferred: <reason> }` for every part, or one per part: `{ request: …, response: …, events: … }`
     */
    provenance:
      | ProvenanceSpec
      | {
          request: ProvenanceSpec;
          response?: ProvenanceSpec;
          events?: ProvenanceSpec;
        };
    request: JsonObject;
    /**
     * the answer: an object, an array (a top-level array response), or for a binary response (an image, audio) `{ contentType: <media type>, base64: <the bytes> }`
     */
    response?: JsonObject | unknown[];
    /**
     * @minItems 1
     */
    events?: JsonObject[];
  }[];
}
/**
 * prices from the source: per million input and output tokens, and per other unit where the unit is another (`per audio minute`, `per 512x512 tile`)
 */
export interface PricingSpec {
  currency: string;
  inputPerMillionTokens?: number;
  outputPerMillionTokens?: number;
  other?: {
    unit: string;
    price: number;
  }[];
  provenance: ProvenanceSpec;
}
export interface SchemaSectionSpec {
  schema: JsonSchema;
  provenance: ProvenanceSpec;
}
/**
 * A file under a `shared/` folder holds schemas that specs reference with `$ref`.
 */
export interface FragmentFile {
  $schema?: string;
  $comment?: string;
  description?: string;
  $defs: {
    [k: string]: JsonSchema | undefined;
  };
}
