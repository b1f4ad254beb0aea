/** Where each generated file lives, relative to the output folder. One place, so emitters agree. */
import type { OfferingSpec, ProviderSpec, SchemaRole } from "../model.js";

export const offeringDir = (offering: Pick<OfferingSpec, "provider" | "slug">) => `${offering.provider}/${offering.slug}`;
export const providerDir = (provider: Pick<ProviderSpec, "id">) => provider.id;
/** A provider's validator for one distinct schema, named by the role and the schema's content hash. */
export const sharedValidatorFile = (offering: Pick<OfferingSpec, "provider">, role: SchemaRole, hash: string) =>
  `${offering.provider}/validators/${role}-${hash.slice(0, 12)}.js`;
/** A provider's types for one distinct schema and documentation, named by the role and the content hash. */
export const sharedTypesFile = (offering: Pick<OfferingSpec, "provider">, role: SchemaRole, hash: string) =>
  `${offering.provider}/types/${role}-${hash.slice(0, 12)}.ts`;
/** A provider's JSON Schema, named by the hash of its content: one file per distinct schema. */
export const jsonSchemaFile = (provider: string, role: "request" | "response" | "stream", hash: string) => `${provider}/schemas/${role}-${hash}.json`;
export const openApiFile = (provider: Pick<ProviderSpec, "id">) => `${providerDir(provider)}/openapi.json`;
/** The reference page of a model served by several providers, by the offerings' shared slug. */
export const modelDocFile = (slug: string) => `docs/models/${slug}.md`;
export const RUNTIME_DIR = "runtime";
/** The local provider server (Node only), apart from the client runtime. */
export const MOCK_DIR = "mock";
export const AJV_HELPERS_FILE = `${RUNTIME_DIR}/ajv-helpers.js`;
export const CATALOG_FILE = "catalog.json";
/** The registry entry (`<package>/offerings`): every offering and provider, built only when imported. */
export const OFFERINGS_ENTRY = "offerings.js";
/** The mock entry (`<package>/mock`): Node only, serves every offering. */
export const MOCK_ENTRY = "mock/index.js";
/** One offering's own client, re-exported by its entry. */
export const offeringClientFile = (offering: Pick<OfferingSpec, "provider" | "slug">) => `${offeringDir(offering)}/client.js`;

/** A relative import specifier from one generated file to another. */
export function relativeImport(from: string, to: string): string {
  const fromParts = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const up = fromParts.length - common;
  const rest = toParts.slice(common).join("/");
  return (up === 0 ? "./" : "../".repeat(up)) + rest.replace(/\.ts$/, ".js");
}

/** The banner origin of a provider's shared file: content-addressed, so it names no single offering. */
export const sharedOrigin = (provider: string, role: SchemaRole) => `the ${role} schema that ${provider}'s offerings of this content hash share`;
