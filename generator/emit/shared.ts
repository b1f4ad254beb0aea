/**
 * Which shared validator each offering's schema uses. Validators are made once per distinct schema
 * of a provider (what decides validity, hashed), so several emitters need the same answer: the
 * validators emitter writes the files, the offering modules, clients and catalog point at them.
 * Kept apart from the validators emitter so the light emitters do not load ajv's code generator.
 */
import { sha256 } from "../cache.js";
import type { BundledSchema, Model, OfferingSpec, ProviderSpec, SchemaRole } from "../model.js";
import { validationText } from "../schema-walk.js";
import { sharedValidatorFile } from "./paths.js";

/** The provider serving an offering (normalize refused an offering whose provider is missing). */
export function providerOf(model: Model, offering: Pick<OfferingSpec, "provider">): ProviderSpec {
  return model.providers.find((p) => p.id === offering.provider)!;
}

export function sections(offering: OfferingSpec): BundledSchema[] {
  return [offering.request, offering.response, ...(offering.stream ? [offering.stream] : [])];
}

export function specsOf(offering: OfferingSpec): string[] {
  return [offering.specFile];
}

interface SharedValidator {
  offering: OfferingSpec;
  section: BundledSchema;
  path: string;
  /** The SHA-256 of what decides validity (its first digits name the file). */
  hash: string;
}

const sharedMemo = new WeakMap<Model, SharedValidator[]>();

/** Every offering's schemas with the shared validator file each one uses, in model order (computed once per model). */
export function sharedValidators(model: Model): SharedValidator[] {
  const memo = sharedMemo.get(model);
  if (memo) return memo;
  const owners = new Map<string, string>();
  // Offerings sharing a bundled schema share the object too: hash each object once.
  const hashes = new Map<object, string>();
  const list = model.offerings.flatMap((offering) =>
    sections(offering).map((section) => {
      const text = validationText(section.schema);
      let hash = hashes.get(section.schema);
      if (hash === undefined) {
        hash = sha256(text);
        hashes.set(section.schema, hash);
      }
      const path = sharedValidatorFile(offering, section.role, hash);
      const owner = owners.get(path);
      // Twelve hex digits make a clash vanishingly unlikely; were one to happen, fail rather than share wrongly.
      if (owner !== undefined && owner !== text) throw new Error(`two different schemas hash to ${path}; please report this`);
      owners.set(path, text);
      return { offering, section, path, hash };
    }),
  );
  sharedMemo.set(model, list);
  return list;
}

const filesMemo = new WeakMap<Model, Map<string, Partial<Record<SchemaRole, string>>>>();

/** The shared validator file of each offering's schemas: `validatorFiles(model).get(offering.id)?.request` (computed once per model). */
export function validatorFiles(model: Model): Map<string, Partial<Record<SchemaRole, string>>> {
  const memo = filesMemo.get(model);
  if (memo) return memo;
  const files = new Map<string, Partial<Record<SchemaRole, string>>>();
  for (const { offering, section, path } of sharedValidators(model)) {
    files.set(offering.id, { ...files.get(offering.id), [section.role]: path });
  }
  filesMemo.set(model, files);
  return files;
}
