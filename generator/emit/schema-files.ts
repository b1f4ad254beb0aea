/**
 * Where each offering's published JSON Schemas live: `<provider>/schemas/<role>-<hash>.json`, with
 * the first 12 hex digits of the SHA-256 of the schema's canonical JSON, so offerings that share a
 * schema share a file. The JSON Schema emitter writes them; the catalog and the OpenAPI documents
 * name them.
 */
import { sha256 } from "../cache.js";
import type { BundledSchema, JsonObject, OfferingSpec } from "../model.js";
import { canonical, withoutAnnotations } from "../schema-walk.js";
import { jsonSchemaFile } from "./paths.js";

export interface SchemaFiles {
  request: string;
  response: string;
  stream: string | null;
}

/** The schema as it is published: the bundled schema without `x-` annotations. */
function publishedSchema(section: BundledSchema): JsonObject {
  return withoutAnnotations(section.schema);
}

/** First 12 hex digits of the SHA-256 of a value's canonical JSON. */
function contentHash(value: unknown): string {
  return sha256(canonical(value)).slice(0, 12);
}

/** Offerings that share a bundled schema share the object: publish and hash each object once. */
const published = new WeakMap<object, { schema: JsonObject; hash: string }>();

/** The published schema (see `publishedSchema`) and its content hash, made once per bundled schema object; treat both as read-only. */
export function publishedOf(section: BundledSchema): { schema: JsonObject; hash: string } {
  let known = published.get(section.schema);
  if (!known) {
    const schema = publishedSchema(section);
    known = { schema, hash: contentHash(schema) };
    published.set(section.schema, known);
  }
  return known;
}

export function schemaFile(offering: Pick<OfferingSpec, "provider">, section: BundledSchema): string {
  return jsonSchemaFile(offering.provider, section.role, publishedOf(section).hash);
}

/** The three schema files of an offering, as the catalog names them (paths in the output). */
export function schemaFiles(offering: OfferingSpec): SchemaFiles {
  return {
    request: schemaFile(offering, offering.request),
    response: schemaFile(offering, offering.response),
    stream: offering.stream ? schemaFile(offering, offering.stream) : null,
  };
}
