/**
 * Stage 4: build the typed model from checked files. This is where cross-file rules live:
 * every offering names a provider that exists, ids are unique, every request parameter has a
 * provenance, and every example passes its own schema.
 */

import type { ErrorObject } from "ajv";
import { schemaRefusal, valueErrors } from "./ajv.js";
import { NO_CACHE, type Cache } from "./cache.js";
import { compareText, diagnostic, joinPointer, type Diagnostic } from "./diagnostics.js";
import { NameScope, pascalIdentifier } from "./escape.js";
import type { ParsedFile } from "./load.js";
import {
  ROLE_TYPE_SUFFIX,
  type BundledSchema,
  type Example,
  type ExampleProvenance,
  type Json,
  type JsonObject,
  type Model,
  type OfferingSpec,
  type Parameter,
  type Pricing,
  type Provenance,
  type ProviderSpec,
  type SchemaRole,
  type SourcePosition,
  type Transport,
} from "./model.js";
import { findParameter, joinParameterPath, parameterPaths } from "./parameters.js";
import type { ResolvedSchemas } from "./resolve.js";
import { binaryExampleProblems, binaryResponse } from "./response-body.js";
import { cloneJson, forEachSchemaNode, isObject } from "./schema-walk.js";

export function provenanceOf(value: Json | undefined): Provenance {
  return isObject(value) && typeof value.inferred === "string" ? { kind: "inferred", reason: value.inferred } : { kind: "documented" };
}

export function buildModel(
  files: readonly ParsedFile[],
  resolved: ResolvedSchemas,
  cache: Cache = NO_CACHE,
): { model?: Model; diagnostics: Diagnostic[] } {
  const built = buildModelWithProblems(files, resolved, cache);
  return built.diagnostics.length > 0 ? { diagnostics: built.diagnostics } : built;
}

/**
 * The model of every offering that could be built, and every problem found on the way. Generation
 * stops at the first problem (`buildModel`); `modelspec diff` compares the model all the same and
 * lists the problems beside the changes.
 */
export function buildModelWithProblems(
  files: readonly ParsedFile[],
  resolved: ResolvedSchemas,
  cache: Cache = NO_CACHE,
): { model: Model; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (file: ParsedFile, pointer: string): SourcePosition => file.positions.get(pointer) ?? { file: file.file, line: 1, column: 1 };

  // Providers, in id order so nothing depends on the order files were listed in.
  const providers = new Map<string, ProviderSpec>();
  const providerFiles = files.filter((f) => f.kind === "provider").sort((a, b) => compareText(a.file, b.file));
  const prefixScope = new NameScope();
  for (const file of providerFiles) {
    const data = file.data as JsonObject;
    const id = data.id as string;
    const existing = providers.get(id);
    const reserved = reservedName(id, RESERVED_PROVIDER_IDS);
    // Still registered, so its offerings are not also reported as having no provider.
    if (reserved) diagnostics.push(diagnostic(at(file, "/id"), "/id", `provider id ${JSON.stringify(id)} is reserved: ${reserved}`));
    if (existing) {
      diagnostics.push(diagnostic(at(file, "/id"), "/id", `provider id ${JSON.stringify(id)} is already used by ${existing.specFile}`));
      continue;
    }
    const errors = data.errors as JsonObject;
    providers.set(id, {
      id,
      name: data.name as string,
      docsUrl: data.docsUrl as string,
      typePrefix: prefixScope.claim((data.typePrefix as string | undefined) ?? pascalIdentifier(id, "Provider")),
      specFile: file.file,
      transports: (data.transports as JsonObject[]).map(toTransport),
      errors: {
        schema: cloneJson(errors.schema as JsonObject),
        pointer: errors.pointer as string,
        fields: cloneJson(errors.fields) as ProviderSpec["errors"]["fields"],
        provenance: provenanceOf(errors.provenance),
      },
      retryStatuses: [...(data.retryStatuses as number[])].sort((a, b) => a - b),
      notes: (data.notes as string[] | undefined) ?? [],
    });
  }

  const offerings: OfferingSpec[] = [];
  const offeringFiles = files.filter((f) => f.kind === "offering").sort((a, b) => compareText(a.file, b.file));
  const ids = new Map<string, string>();
  // Every type an offering exports (`<stem>Request`, `<stem>Request<Def>`, `<stem>Input`, ...) is
  // re-exported side by side from the root index, so all of them come from one scope; the client
  // factories and options of each transport are claimed first, as clients.ts names them.
  const typeNames = new NameScope();
  for (const provider of providers.values()) {
    for (const transport of provider.transports) {
      const stem = `${provider.typePrefix}${pascalIdentifier(transport.id, "Transport")}`;
      typeNames.claim(`${stem}Options`);
      typeNames.claim(`create${stem}Client`);
      typeNames.claim(`${stem}Client`);
    }
  }
  for (const file of offeringFiles) {
    const data = file.data as JsonObject;
    const provider = providers.get(data.provider as string);
    if (!provider) {
      const known = [...providers.keys()].sort(compareText);
      diagnostics.push(
        diagnostic(
          at(file, "/provider"),
          "/provider",
          `no provider ${JSON.stringify(data.provider)}; known providers: ${known.join(", ") || "(none)"}`,
        ),
      );
      continue;
    }
    const id = `${provider.id}/${data.slug as string}`;
    const reserved = reservedName(data.slug as string, RESERVED_SLUGS);
    if (reserved) {
      diagnostics.push(diagnostic(at(file, "/slug"), "/slug", `slug ${JSON.stringify(data.slug)} is reserved: ${reserved}`));
      continue;
    }
    const first = ids.get(id);
    if (first) {
      diagnostics.push(diagnostic(at(file, "/slug"), "/slug", `offering id ${JSON.stringify(id)} is already defined in ${first}`));
      continue;
    }
    ids.set(id, file.file);
    const typeStem = typeNames.claimFamily(provider.typePrefix + pascalIdentifier(data.slug as string, "Model"), exportedSuffixes(file, resolved));

    const sections: Partial<Record<SchemaRole, BundledSchema>> = {};
    for (const role of ["request", "response", "stream"] as const) {
      const section = data[role];
      if (!isObject(section)) continue;
      const pointer = `/${role}/schema`;
      const bundle = resolved.get(file.file)?.[role];
      if (!bundle) continue;
      sections[role] = {
        role,
        schema: bundle.schema,
        positions: bundle.positions,
        provenance: provenanceOf(section.provenance as Json),
        typeName: typeStem + ROLE_TYPE_SUFFIX[role],
        position: at(file, pointer),
      };
    }
    if (!sections.request || !sections.response || (isObject(data.stream) && !sections.stream)) continue;

    const parameters = checkParameters(file, sections.request, diagnostics);
    checkModalities(
      file,
      id,
      data.inputModalities as string[],
      sections.request,
      resolved.get(file.file)?.request?.origins ?? new Map(),
      diagnostics,
    );
    checkCountFields(provider, sections.request, diagnostics);
    const examples = toExamples(file, sections, diagnostics, cache);
    offerings.push({
      id,
      provider: provider.id,
      slug: data.slug as string,
      model: data.model as string,
      name: data.name as string,
      description: data.description as string,
      status: data.status as OfferingSpec["status"],
      contextWindow: (data.contextWindow as number | null) ?? null,
      maxOutputTokens: (data.maxOutputTokens as number | null) ?? null,
      inputModalities: data.inputModalities as string[],
      outputModalities: data.outputModalities as string[],
      source: cloneJson(data.source) as unknown as OfferingSpec["source"],
      specFile: file.file,
      typeStem,
      request: sections.request,
      response: sections.response,
      ...(sections.stream ? { stream: sections.stream } : {}),
      parameters,
      examples,
      notes: (data.notes as string[] | undefined) ?? [],
      ...(isObject(data.pricing) ? { pricing: toPricing(data.pricing as JsonObject) } : {}),
    });
  }
  return {
    model: {
      providers: [...providers.values()].sort((a, b) => compareText(a.id, b.id)),
      offerings: offerings.sort((a, b) => compareText(a.id, b.id)),
    },
    diagnostics,
  };
}

/**
 * Ids and slugs become folder names in the output, next to its fixed files and folders
 * (see emit/paths.ts and the docs emitter): `runtime/`, `docs/`, `docs/models/` (beside each
 * provider's docs folder), `<provider>/schemas/` (beside its offerings), `index.js`, `client.js`,
 * `catalog.json`, `<provider>/openapi.json`.
 */
const RESERVED_PROVIDER_IDS = new Set(["runtime", "docs", "models"]);
const RESERVED_SLUGS = new Set(["schemas"]);
function reservedName(name: string, reserved: ReadonlySet<string>): string | undefined {
  if (reserved.has(name)) return `the output has a folder ${JSON.stringify(`${name}/`)} of its own`;
  if (/\.(js|ts|json|md)$/.test(name)) return "a name ending in .js, .ts, .json or .md could clash with a generated file";
  return undefined;
}

/** What follows an offering's type stem in the names it exports (see the types and clients emitters). */
function exportedSuffixes(file: ParsedFile, resolved: ResolvedSchemas): string[] {
  const suffixes = ["Input"];
  for (const role of ["request", "response", "stream"] as const) {
    const bundle = resolved.get(file.file)?.[role];
    if (!bundle) continue;
    suffixes.push(ROLE_TYPE_SUFFIX[role]);
    if (isObject(bundle.schema.$defs)) for (const name of Object.keys(bundle.schema.$defs)) suffixes.push(ROLE_TYPE_SUFFIX[role] + name);
  }
  return suffixes;
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

function toPricing(data: JsonObject): Pricing {
  const { provenance, ...prices } = cloneJson(data);
  return { ...(prices as unknown as Omit<Pricing, "provenance">), provenance: provenanceOf(provenance) };
}

/**
 * The catalog's input modalities and the request schema agree. Text travels in any string; every
 * other modality an offering lists is carried by a request schema node marked
 * `x-modality: <modality>` (an image content part, an array of images), and every such mark names
 * a modality the offering lists: the catalog never promises what the validator rejects, nor hides
 * what it accepts.
 */
function checkModalities(
  file: ParsedFile,
  id: string,
  listed: readonly string[],
  request: BundledSchema,
  origins: ReadonlyMap<string, string>,
  diagnostics: Diagnostic[],
): void {
  const carried = new Map<string, string>();
  forEachSchemaNode(request.schema, "", (node, pointer) => {
    const modality = node["x-modality"];
    if (typeof modality === "string" && !carried.has(modality)) carried.set(modality, joinPointer(pointer, "x-modality"));
  });
  const where = file.positions.get("/inputModalities") ?? request.position;
  for (const modality of listed) {
    if (modality === "text" || carried.has(modality)) continue;
    diagnostics.push(
      diagnostic(
        where,
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
        origins.get(pointer) ?? "/request/schema",
        `the request schema of ${id} carries ${modality} input (x-modality: ${modality}), but its inputModalities do not list ${JSON.stringify(modality)}`,
      ),
    );
  }
}

function toTransport(data: JsonObject): Transport {
  const copy = cloneJson(data) as unknown as Transport & { provenance: Json };
  const provenance = provenanceOf(copy.provenance);
  if (copy.kind === "http") {
    return {
      ...copy,
      pathParams: copy.pathParams ?? [],
      auth: { scheme: "bearer", header: copy.auth.header ?? "Authorization" },
      streaming: streamingOf(copy.streaming),
      provenance,
    } as Transport;
  }
  return { ...copy, streaming: streamingOf(copy.streaming), provenance } as Transport;
}

function streamingOf(streaming: Transport["streaming"]): Transport["streaming"] {
  if (!streaming) return undefined;
  return { ...streaming, terminalEventTypes: streaming.terminalEventTypes ?? [], errorEventTypes: streaming.errorEventTypes ?? [] };
}

function checkParameters(file: ParsedFile, request: BundledSchema, diagnostics: Diagnostic[]): Parameter[] {
  const declared = (file.data as JsonObject).request as JsonObject;
  const map = (declared.parameters ?? {}) as JsonObject;
  const paths = parameterPaths(request.schema);
  const where = file.positions.get("/request/parameters") ?? request.position;
  for (const missing of paths.filter((p) => !Object.hasOwn(map, p))) {
    diagnostics.push(
      diagnostic(
        where,
        "/request/parameters",
        `parameter ${JSON.stringify(missing)} has no provenance; add \`${missing}: documented\` or \`${missing}: { inferred: <reason> }\``,
      ),
    );
  }
  for (const extra of Object.keys(map).filter((p) => !paths.includes(p))) {
    const pointer = joinPointer("/request/parameters", extra);
    diagnostics.push(
      diagnostic(file.keyPositions.get(pointer) ?? where, pointer, `${JSON.stringify(extra)} is not a parameter of the request schema`),
    );
  }
  return paths.filter((p) => Object.hasOwn(map, p)).map((p) => ({ path: p, provenance: provenanceOf(map[p]) }));
}

/** Examples must pass their own schemas: a wrong example would make every later test lie. */
function toExamples(file: ParsedFile, sections: Partial<Record<SchemaRole, BundledSchema>>, diagnostics: Diagnostic[], cache: Cache): Example[] {
  // Only an object is an example; anything else is already a meta-schema problem.
  const written = (file.data as JsonObject).examples;
  const list = (Array.isArray(written) ? written : []) as Json[];
  // A schema ajv refuses was reported when it was resolved; its examples cannot be judged.
  const errorsOf = (role: SchemaRole, value: Json): ErrorObject[] => {
    const schema = sections[role]!.schema;
    return schemaRefusal(schema, cache) === undefined ? valueErrors(schema, value, cache) : [];
  };
  const names = new Map<string, number>();
  return list.flatMap((example, index) => {
    if (!isObject(example)) return [];
    const base = `/examples/${index}`;
    const name = example.name as string;
    if (names.has(name))
      diagnostics.push(
        diagnostic(
          file.positions.get(`${base}/name`)!,
          `${base}/name`,
          `example name ${JSON.stringify(name)} is already used by /examples/${names.get(name)}`,
        ),
      );
    names.set(name, index);
    const check = (role: SchemaRole, value: Json | undefined, pointer: string) => {
      if (value === undefined) return;
      if (!sections[role]) {
        diagnostics.push(diagnostic(file.positions.get(pointer)!, pointer, `example has ${role} data but the offering has no ${role} schema`));
        return;
      }
      // A binary answer is written as `{ contentType, base64 }`, not as the JSON the schema describes.
      const binary = role === "response" ? binaryResponse(sections.response!.schema) : undefined;
      if (binary) {
        for (const problem of binaryExampleProblems(binary, value)) {
          const p = pointer + problem.pointer;
          diagnostics.push(
            diagnostic(file.positions.get(p) ?? file.positions.get(pointer)!, p, `example does not match the response: ${problem.message}`),
          );
        }
        return;
      }
      for (const error of errorsOf(role, value)) {
        const p = pointer + error.instancePath;
        diagnostics.push(
          diagnostic(file.positions.get(p) ?? file.positions.get(pointer)!, p, `example does not match the ${role} schema: ${ajvMessage(error)}`),
        );
      }
    };
    check("request", example.request, `${base}/request`);
    check("response", example.response, `${base}/response`);
    if (Array.isArray(example.events)) for (const [i, event] of example.events.entries()) check("stream", event as Json, `${base}/events/${i}`);
    return {
      name,
      title: example.title as string,
      provenance: exampleProvenance(example, base, file, diagnostics),
      request: cloneJson(example.request as JsonObject),
      ...(example.response ? { response: cloneJson(example.response as JsonObject | Json[]) } : {}),
      ...(example.events ? { events: cloneJson(example.events as JsonObject[]) } : {}),
    };
  });
}

const EXAMPLE_PARTS = ["response", "events"] as const;

/**
 * One provenance per part of an example. `documented` or `{ inferred }` stands for every part the
 * example has; `{ request, response, events }` names each, and must name exactly the parts there are.
 */
function exampleProvenance(example: JsonObject, base: string, file: ParsedFile, diagnostics: Diagnostic[]): ExampleProvenance {
  const written = example.provenance as Json;
  const pointer = `${base}/provenance`;
  const has = (part: (typeof EXAMPLE_PARTS)[number]) => example[part] !== undefined;
  if (!isObject(written) || !("request" in written)) {
    const whole = provenanceOf(written);
    return { request: whole, ...Object.fromEntries(EXAMPLE_PARTS.filter(has).map((part) => [part, whole])) };
  }
  const where = file.positions.get(pointer) ?? file.positions.get(base) ?? { file: file.file, line: 1, column: 1 };
  const out: ExampleProvenance = { request: provenanceOf(written.request as Json) };
  for (const part of EXAMPLE_PARTS) {
    const given = written[part] !== undefined;
    const noun = part === "response" ? "a response" : "events";
    if (has(part) && !given)
      diagnostics.push(
        diagnostic(
          where,
          pointer,
          `example has ${noun} but its provenance gives none: add \`${part}: documented\` or \`${part}: { inferred: <reason> }\``,
        ),
      );
    else if (!has(part) && given) diagnostics.push(diagnostic(where, pointer, `provenance names ${part}, but the example has none`));
    if (has(part) && given) out[part] = provenanceOf(written[part] as Json);
  }
  return out;
}

export function ajvMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown property ${JSON.stringify(params.additionalProperty)}`;
    case "required":
      return `missing required property ${JSON.stringify(params.missingProperty)}`;
    case "enum":
      return `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return error.message ?? error.keyword;
  }
}
