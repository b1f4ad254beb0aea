/**
 * An offering's checks: its parameters all have a provenance (and name request parameters), its
 * input modalities match the request schema's `x-modality` marks, its provider's count field is a
 * request property, and its examples pass its schemas. What the offering's files alone decide is
 * checked once per content: a verdict is stored only when every check passed, so a problem is
 * always reported afresh.
 */
import type { Cache } from "./cache.js";
import { diagnostic, joinPointer, type Diagnostic } from "./diagnostics.js";
import { toExamples } from "./examples.js";
import { specData, type ParsedFileOf } from "./load.js";
import type { BundledSchema, Example, Parameter, ProviderSpec, SchemaRole } from "./model.js";
import { findParameter, joinParameterPath, parameterPaths } from "./parameters.js";
import { provenanceOf } from "./provenance.js";
import { forEachSchemaNode } from "./schema-walk.js";

/** An offering's bundled schemas, the request present. */
export type CheckedSections = Partial<Record<SchemaRole, BundledSchema>> & { request: BundledSchema };

export interface CheckSettings {
  /** What the offering's own checks depend on (`offeringInputs`); undefined: no verdict is read or stored. */
  inputs: string | undefined;
  /** The request bundle's origins, asked only for a message (a recalled bundle makes them by bundling again). */
  origins: () => ReadonlyMap<string, string> | undefined;
  diagnostics: Diagnostic[];
  cache: Cache;
}

/** The offering's parameters and examples, every problem reported in `diagnostics`. */
export function checkOffering(
  file: ParsedFileOf<"offering">,
  id: string,
  provider: ProviderSpec,
  sections: CheckedSections,
  { inputs, origins, diagnostics, cache }: CheckSettings,
): { parameters: Parameter[]; examples: Example[] } {
  const checked = inputs === undefined ? undefined : passedBefore(file, cache.get(CHECKS_STEP, inputs));
  const found = diagnostics.length;
  const parameters = checked ?? checkParameters(file, sections.request, diagnostics);
  if (!checked) checkModalities(file, id, specData(file).inputModalities, sections.request, origins, diagnostics);
  checkCountFields(provider, sections.request, diagnostics);
  const examples = toExamples(file, sections, diagnostics, cache, checked !== undefined);
  if (inputs !== undefined && !checked && diagnostics.length === found) cache.set(CHECKS_STEP, inputs, JSON.stringify(parameters.map((p) => p.path)));
  return { parameters, examples };
}

/**
 * A transport's `responseBody.countField` is read from each request it sends: every offering of
 * the provider must have it as a top-level integer property, or a call could not say how many
 * results it asked for.
 */
function checkCountFields(provider: ProviderSpec, request: BundledSchema, diagnostics: Diagnostic[]): void {
  for (const transport of provider.transports) {
    if (transport.kind !== "http" || transport.responseBody.kind !== "data-array" || transport.responseBody.countField === undefined) continue;
    const field = transport.responseBody.countField;
    const found = findParameter(request.schema, joinParameterPath("", field));
    if (found?.schema.type === "integer") continue;
    diagnostics.push(
      diagnostic(
        request.position,
        "/request/schema",
        `${provider.specFile} declares ${JSON.stringify(field)} as the result count of transport "${transport.id}" (responseBody.countField), but this request schema has no top-level integer property ${JSON.stringify(field)}`,
      ),
    );
  }
}

/**
 * The catalog's input modalities and the request schema agree. Text travels in any string; every
 * other modality an offering lists is carried by a request schema node marked
 * `x-modality: <modality>` (an image content part, an array of images), and every such mark names
 * a modality the offering lists: the catalog never promises what the validator rejects, nor hides
 * what it accepts.
 */
function checkModalities(
  file: ParsedFileOf<"offering">,
  id: string,
  listed: readonly string[],
  request: BundledSchema,
  /** Asked only for a message: a recalled bundle makes its origins by bundling again. */
  origins: () => ReadonlyMap<string, string> | undefined,
  diagnostics: Diagnostic[],
): void {
  const carried = new Map<string, string>();
  forEachSchemaNode(request.schema, "", (node, pointer) => {
    const modality = node["x-modality"];
    if (typeof modality === "string" && !carried.has(modality)) carried.set(modality, joinPointer(pointer, "x-modality"));
  });
  const where = () => file.positions.get("/inputModalities") ?? request.position;
  for (const modality of listed) {
    if (modality === "text" || carried.has(modality)) continue;
    diagnostics.push(
      diagnostic(
        where(),
        "/inputModalities",
        `inputModalities lists ${JSON.stringify(modality)}, but nothing in the request schema carries it: mark the property or content part that takes it with \`x-modality: ${modality}\``,
      ),
    );
  }
  for (const [modality, pointer] of carried) {
    if (listed.includes(modality)) continue;
    diagnostics.push(
      diagnostic(
        request.positions.get(pointer) ?? request.position,
        origins()?.get(pointer) ?? "/request/schema",
        `the request schema of ${id} carries ${modality} input (x-modality: ${modality}), but its inputModalities do not list ${JSON.stringify(modality)}`,
      ),
    );
  }
}

/** The cache step holding, for an offering's inputs whose checks all passed, its parameter paths in schema order. */
const CHECKS_STEP = "offering-checks";

/** The parameters of an offering whose checks passed against these inputs before, from the stored paths; undefined when there is no such verdict. */
function passedBefore(file: ParsedFileOf<"offering">, stored: string | undefined): Parameter[] | undefined {
  if (stored === undefined) return undefined;
  const map = specData(file).request.parameters ?? {};
  try {
    const paths = JSON.parse(stored) as unknown;
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === "string" && Object.hasOwn(map, p))) return undefined;
    return paths.map((p: string) => ({ path: p, provenance: provenanceOf(map[p]) }));
  } catch {
    return undefined;
  }
}

function checkParameters(file: ParsedFileOf<"offering">, request: BundledSchema, diagnostics: Diagnostic[]): Parameter[] {
  const map = specData(file).request.parameters ?? {};
  const paths = parameterPaths(request.schema);
  const where = () => file.positions.get("/request/parameters") ?? request.position;
  for (const missing of paths.filter((p) => !Object.hasOwn(map, p))) {
    diagnostics.push(
      diagnostic(
        where(),
        "/request/parameters",
        `parameter ${JSON.stringify(missing)} has no provenance; add \`${missing}: documented\` or \`${missing}: { inferred: <reason> }\``,
      ),
    );
  }
  for (const extra of Object.keys(map).filter((p) => !paths.includes(p))) {
    const pointer = joinPointer("/request/parameters", extra);
    diagnostics.push(
      diagnostic(file.keyPositions.get(pointer) ?? where(), pointer, `${JSON.stringify(extra)} is not a parameter of the request schema`),
    );
  }
  return paths.filter((p) => Object.hasOwn(map, p)).map((p) => ({ path: p, provenance: provenanceOf(map[p]) }));
}
