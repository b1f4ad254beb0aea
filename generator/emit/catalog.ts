/** Catalog emitter: `catalog.json`, one entry per offering with its limits, validator and JSON Schema paths. */
import { jsonText } from "../escape.js";
import type { Emitter, Model, OfferingSpec, Pricing } from "../model.js";
import { schemaFiles, type SchemaFiles } from "./json-schemas.js";
import { CATALOG_FILE } from "./paths.js";
import { providerOf, validatorFiles } from "./shared.js";

export interface CatalogEntry {
  id: string;
  provider: string;
  providerName: string;
  model: string;
  name: string;
  status: OfferingSpec["status"];
  contextWindow: number | null;
  maxOutputTokens: number | null;
  inputModalities: string[];
  outputModalities: string[];
  streaming: boolean;
  /** The seed page the spec was captured from; `url` is the provider page's address where the seed gives one. */
  source: { seed: string; section: string; url: string | null };
  spec: string;
  types: { request: string; response: string; streamEvent: string | null };
  validators: { request: string; response: string; stream: string | null };
  /** The bundled JSON Schema files (`<provider>/schemas/<role>-<hash>.json`), shared by offerings with equal schemas. */
  schemas: SchemaFiles;
  /** Only where the source states prices. */
  pricing?: Omit<Pricing, "provenance"> & { documented: boolean };
}

export function catalogEntries(model: Model): CatalogEntry[] {
  return model.offerings.map((o) => catalogEntry(o, model));
}

/** One offering's entry: the offering, its provider's name and the shared files its schemas use. */
export function catalogEntry(o: OfferingSpec, model: Model): CatalogEntry {
  const validators = validatorFiles(model).get(o.id)!;
  return {
    id: o.id,
    provider: o.provider,
    providerName: providerOf(model, o).name,
    model: o.model,
    name: o.name,
    status: o.status,
    contextWindow: o.contextWindow,
    maxOutputTokens: o.maxOutputTokens,
    inputModalities: o.inputModalities,
    outputModalities: o.outputModalities,
    streaming: o.stream !== undefined,
    source: { seed: o.source.seed, section: o.source.section, url: o.source.url ?? null },
    spec: `schemas/${o.specFile}`,
    types: { request: o.request.typeName, response: o.response.typeName, streamEvent: o.stream?.typeName ?? null },
    validators: { request: validators.request!, response: validators.response!, stream: validators.stream ?? null },
    schemas: schemaFiles(o),
    ...(o.pricing ? { pricing: catalogPricing(o.pricing) } : {}),
  };
}

function catalogPricing({ provenance, ...prices }: Pricing): NonNullable<CatalogEntry["pricing"]> {
  return { ...prices, documented: provenance.kind === "documented" };
}

export const catalogEmitter: Emitter = {
  name: "catalog",
  emit: (model) => [{ path: CATALOG_FILE, contents: jsonText(catalogEntries(model)) }],
};
