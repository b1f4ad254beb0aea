/** Catalog emitter: `catalog.json`, one entry per offering with its limits and validator paths. */
import type { Emitter, Model, OfferingSpec } from "../model.js";
import { CATALOG_FILE } from "./paths.js";
import { validatorFiles } from "./shared.js";

export interface CatalogEntry {
  id: string;
  provider: string;
  providerName: string;
  model: string;
  name: string;
  status: OfferingSpec["status"];
  contextWindow: number;
  maxOutputTokens: number | null;
  inputModalities: string[];
  outputModalities: string[];
  streaming: boolean;
  source: OfferingSpec["source"];
  spec: string;
  types: { request: string; response: string; streamEvent: string | null };
  validators: { request: string; response: string; stream: string | null };
}

export function catalogEntries(model: Model): CatalogEntry[] {
  const providerNames = new Map(model.providers.map((p) => [p.id, p.name]));
  const validators = validatorFiles(model);
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
      request: validators.get(o.id)!.request!,
      response: validators.get(o.id)!.response!,
      stream: validators.get(o.id)!.stream ?? null,
    },
  }));
}

export const catalogEmitter: Emitter = {
  name: "catalog",
  emit: (model) => [{ path: CATALOG_FILE, contents: `${JSON.stringify(catalogEntries(model), null, 2)}\n` }],
};
