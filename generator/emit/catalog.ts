/** Catalog emitter: `catalog.json`, one entry per offering with its limits and validator paths. */
import type { Emitter, Model, OfferingSpec, Pricing } from "../model.js";
import { CATALOG_FILE, validatorFile } from "./paths.js";

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
  source: OfferingSpec["source"];
  spec: string;
  types: { request: string; response: string; streamEvent: string | null };
  validators: { request: string; response: string; stream: string | null };
  /** Only where the source states prices. */
  pricing?: Omit<Pricing, "provenance"> & { documented: boolean };
}

export function catalogEntries(model: Model): CatalogEntry[] {
  const providerNames = new Map(model.providers.map((p) => [p.id, p.name]));
  return model.offerings.map((o) => ({
    id: o.id,
    provider: o.provider,
    providerName: providerNames.get(o.provider)!,
    model: o.model,
    name: o.name,
    status: o.status,
    contextWindow: o.contextWindow,
    maxOutputTokens: o.maxOutputTokens,
    inputModalities: o.inputModalities,
    outputModalities: o.outputModalities,
    streaming: o.stream !== undefined,
    source: o.source,
    spec: `schemas/${o.specFile}`,
    types: { request: o.request.typeName, response: o.response.typeName, streamEvent: o.stream?.typeName ?? null },
    validators: {
      request: validatorFile(o, "request"),
      response: validatorFile(o, "response"),
      stream: o.stream ? validatorFile(o, "stream") : null,
    },
    ...(o.pricing ? { pricing: catalogPricing(o.pricing) } : {}),
  }));
}

function catalogPricing({ provenance, ...prices }: Pricing): NonNullable<CatalogEntry["pricing"]> {
  return { ...prices, documented: provenance.kind === "documented" };
}

export const catalogEmitter: Emitter = {
  name: "catalog",
  emit: (model) => [{ path: CATALOG_FILE, contents: `${JSON.stringify(catalogEntries(model), null, 2)}\n` }],
};
