/** Catalog emitter: `catalog.json`, one entry per offering with its limits, validator and JSON Schema paths. */
import { jsonText } from "../escape.js";
import { NO_CACHE } from "../cache.js";
import type { EmitContext, Emitter, Model, OfferingSpec, Pricing } from "../model.js";
import { recallMadeFrom, recallOffering } from "../recall.js";
import { schemaFiles, type SchemaFiles } from "./schema-files.js";
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

/** Entries already made this run, by offering: the catalog and the JSON Schema files both ask. */
const entries = new WeakMap<OfferingSpec, CatalogEntry>();

/**
 * Every offering's entry. An entry is made from its offering alone (its provider and names are in
 * the fingerprint), so it is recalled by the fingerprint: hashing every schema again for its file
 * name is what a catalog of a thousand offerings would otherwise cost each run.
 */
export function catalogEntries(model: Model, context: Pick<EmitContext, "cache"> = { cache: NO_CACHE }): CatalogEntry[] {
  return model.offerings.map((o) => {
    let entry = entries.get(o);
    if (!entry) {
      entry = recallOffering(context, "catalog-entry", o, () => catalogEntry(o, model));
      entries.set(o, entry);
    }
    return entry;
  });
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
  emit(model, context) {
    // Made from the offerings alone, in model order.
    return recallMadeFrom(context, ["catalog"], model.offerings, () => [{ path: CATALOG_FILE, contents: jsonText(catalogEntries(model, context)) }]);
  },
};
