/**
 * Compares two loaded models offering by offering: offerings added, removed or renamed, their
 * metadata (model id, status, limits, modalities), their provider's transports (endpoint, auth,
 * body envelopes, streaming), and every schema change in their request, response and stream
 * schemas. Pure: two models in, a sorted list of changes out.
 */
import { compareText, joinPointer, splitPointer } from "../diagnostics.js";
import type { BundledSchema, Json, Model, OfferingSpec, ProviderSpec, SchemaRole, SourcePosition, Transport } from "../model.js";
import { provenanceText } from "../emit/doc-lines.js";
import { canonical, validationSchema } from "../schema-walk.js";
import { META_KINDS, severityRank, statusSeverity, type Change, type ChangeSchema, type MetaKind, type Severity } from "./kinds.js";
import { show } from "./text.js";
import type { Side } from "./view.js";
import { diffSchemas } from "./walk.js";

/** Finds where a JSON pointer of a spec file was written, if known. */
export type Locator = (file: string, pointer: string) => SourcePosition | undefined;

/** Where the key of the value written at a position was written, if it has one. */
export type KeyFinder = (position: SourcePosition) => SourcePosition | undefined;

export interface DiffOptions {
  /** Positions of the spec files, for metadata changes (schema changes carry their own). */
  locate?: Partial<Record<Side, Locator>>;
  /** Key positions, so that a change is reported on the line of the key whose value changed. */
  keyOf?: Partial<Record<Side, KeyFinder>>;
}

export function diffModels(base: Model, head: Model, options: DiffOptions = {}): Change[] {
  const out: Change[] = [];
  const baseById = new Map(base.offerings.map((o) => [o.id, o]));
  const headById = new Map(head.offerings.map((o) => [o.id, o]));
  const ctx = { base, head, options, out };
  const removed = base.offerings.filter((o) => !headById.has(o.id)).sort(byId);
  const added = head.offerings.filter((o) => !baseById.has(o.id)).sort(byId);

  for (const [was, now] of renames(removed, added)) {
    removed.splice(removed.indexOf(was), 1);
    added.splice(added.indexOf(now), 1);
    meta(
      ctx,
      now.id,
      "offering-renamed",
      "",
      was.model === now.model
        ? `offering ${show(was.id)} is now ${show(now.id)} (same model ${show(now.model)})`
        : `offering ${show(was.id)} (model ${show(was.model)}) is now ${show(now.id)} (model ${show(now.model)})`,
      "head",
      now.specFile,
      "/model",
    );
    diffOffering(ctx, was, now, { renamed: true });
  }
  for (const o of removed) meta(ctx, o.id, "offering-removed", "", `offering ${show(o.id)} (model ${show(o.model)}) removed`, "base", o.specFile, "");
  for (const o of added) meta(ctx, o.id, "offering-added", "", `offering ${show(o.id)} (model ${show(o.model)}) added`, "head", o.specFile, "");
  for (const headOffering of head.offerings) {
    const baseOffering = baseById.get(headOffering.id);
    if (baseOffering) diffOffering(ctx, baseOffering, headOffering, { renamed: false });
  }
  return sortChanges(dedupe(out));
}

/** The order of every output: offering, then severity (worst first), then schema, pointer and kind. */
export function sortChanges(changes: readonly Change[]): Change[] {
  const schemaOrder: Record<ChangeSchema, number> = { meta: 0, request: 1, response: 2, stream: 3 };
  return [...changes].sort(
    (x, y) =>
      compareText(x.offering, y.offering) ||
      severityRank(y.severity) - severityRank(x.severity) ||
      schemaOrder[x.schema] - schemaOrder[y.schema] ||
      compareText(x.pointer, y.pointer) ||
      compareText(x.kind, y.kind) ||
      compareText(x.message, y.message) ||
      compareText(x.file, y.file) ||
      x.line - y.line,
  );
}

interface Ctx {
  base: Model;
  head: Model;
  options: DiffOptions;
  out: Change[];
}

const byId = (x: OfferingSpec, y: OfferingSpec) => compareText(x.id, y.id);

/**
 * A removed and an added offering of the same provider are one offering renamed when they serve
 * the same model id under another slug, or, failing that, when their schemas accept and give the
 * same values (annotations aside) under another model id. Each pairs at most once, in id order.
 * (The same slug with another model id is not a rename but a `model-id-changed`.)
 */
function renames(removed: readonly OfferingSpec[], added: readonly OfferingSpec[]): [OfferingSpec, OfferingSpec][] {
  // What the schemas accept, annotations left out.
  const accepted = (schema: Json) => canonical(validationSchema(schema));
  const fingerprint = (o: OfferingSpec) =>
    [accepted(o.request.schema), accepted(o.response.schema), o.stream ? accepted(o.stream.schema) : "-"].join("\u0000");
  const pairs: [OfferingSpec, OfferingSpec][] = [];
  const freeRemoved = new Set(removed);
  const freeAdded = new Set(added);
  const pass = (same: (was: OfferingSpec, now: OfferingSpec) => boolean) => {
    for (const was of [...freeRemoved]) {
      const now = [...freeAdded].find((now) => now.provider === was.provider && same(was, now));
      if (!now) continue;
      freeRemoved.delete(was);
      freeAdded.delete(now);
      pairs.push([was, now]);
    }
  };
  pass((was, now) => now.model === was.model);
  pass((was, now) => fingerprint(now) === fingerprint(was));
  return pairs;
}

function diffOffering(ctx: Ctx, base: OfferingSpec, head: OfferingSpec, { renamed }: { renamed: boolean }): void {
  const at = (kind: MetaKind, pointer: string, message: string, severity?: Severity) =>
    meta(ctx, head.id, kind, pointer, message, "head", head.specFile, pointer, severity);

  if (!renamed && base.model !== head.model) at("model-id-changed", "/model", `model id changed from ${show(base.model)} to ${show(head.model)}`);
  if (base.status !== head.status)
    at("status-changed", "/status", `status changed from ${show(base.status)} to ${show(head.status)}`, statusSeverity(base.status, head.status));
  if (base.contextWindow !== head.contextWindow && (base.contextWindow === null || head.contextWindow === null)) {
    if (base.contextWindow === null) at("context-window-stated", "/contextWindow", `context window now stated: ${head.contextWindow} tokens`);
    else at("context-window-unstated", "/contextWindow", `context window no longer stated (was ${base.contextWindow} tokens)`);
  } else if (base.contextWindow !== head.contextWindow) {
    const lower = head.contextWindow! < base.contextWindow!;
    at(
      lower ? "context-window-lowered" : "context-window-raised",
      "/contextWindow",
      `context window ${lower ? "lowered" : "raised"} from ${base.contextWindow} to ${head.contextWindow} tokens`,
    );
  }
  if (base.maxOutputTokens !== head.maxOutputTokens) {
    const pointer = "/maxOutputTokens";
    if (base.maxOutputTokens === null) at("max-output-tokens-stated", pointer, `max output tokens now stated: ${head.maxOutputTokens}`);
    else if (head.maxOutputTokens === null)
      at("max-output-tokens-unstated", pointer, `max output tokens no longer stated (was ${base.maxOutputTokens})`);
    else {
      const lower = head.maxOutputTokens < base.maxOutputTokens;
      at(
        lower ? "max-output-tokens-lowered" : "max-output-tokens-raised",
        pointer,
        `max output tokens ${lower ? "lowered" : "raised"} from ${base.maxOutputTokens} to ${head.maxOutputTokens}`,
      );
    }
  }
  for (const field of ["inputModalities", "outputModalities"] as const) {
    const was = new Set(base[field]);
    const now = new Set(head[field]);
    for (const m of [...was].filter((m) => !now.has(m)).sort(compareText))
      at("modality-removed", `/${field}`, `${field === "inputModalities" ? "input" : "output"} modality ${show(m)} removed`);
    for (const m of [...now].filter((m) => !was.has(m)).sort(compareText))
      at("modality-added", `/${field}`, `${field === "inputModalities" ? "input" : "output"} modality ${show(m)} added`);
  }
  for (const field of ["name", "description"] as const) {
    if (base[field] !== head[field]) at("metadata-changed", `/${field}`, `${field} changed from ${show(base[field])} to ${show(head[field])}`);
  }
  if (canonical(base.source as unknown as Json) !== canonical(head.source as unknown as Json)) at("metadata-changed", "/source", "source changed");
  if (canonical(base.notes) !== canonical(head.notes)) at("metadata-changed", "/notes", "notes changed");
  diffProvenance(base, head, at);
  diffExamples(base, head, at);

  const baseProvider = providerOf(ctx.base, base);
  const headProvider = providerOf(ctx.head, head);
  if (baseProvider && headProvider) diffProvider(ctx, head.id, baseProvider, headProvider);
  // Users import these names (`CloudflareGpt54MiniRequest`); a rename already says the id changed.
  if (!renamed && base.typeStem !== head.typeStem) {
    const message = `generated type names changed from ${base.typeStem}Request/Response/... to ${head.typeStem}Request/Response/...`;
    if (baseProvider && headProvider && baseProvider.typePrefix !== headProvider.typePrefix)
      meta(ctx, head.id, "type-names-changed", "/typePrefix", message, "head", headProvider.specFile, "/typePrefix");
    else at("type-names-changed", "/slug", message);
  }

  // Located in the head file, like every change but a removed offering: at the nearest part that is left.
  if (base.stream && !head.stream) at("streaming-removed", "/stream", "stream schema removed: the offering no longer streams");
  if (!base.stream && head.stream) at("streaming-added", "/stream", "stream schema added: the offering now streams");

  for (const role of ["request", "response", "stream"] as const) {
    const before = base[role];
    const after = head[role];
    if (before && after) diffSchema(ctx, head.id, role, before, after);
  }
}

type At = (kind: MetaKind, pointer: string, message: string) => void;

/** Whether a schema or a request parameter is documented or inferred: information for reviewers. */
function diffProvenance(base: OfferingSpec, head: OfferingSpec, at: At): void {
  for (const role of ["request", "response", "stream"] as const) {
    const was = base[role]?.provenance;
    const now = head[role]?.provenance;
    if (was && now && canonical(was as unknown as Json) !== canonical(now as unknown as Json))
      at(
        "metadata-changed",
        `/${role}/provenance`,
        `${role} schema provenance changed from ${show(provenanceText(was))} to ${show(provenanceText(now))}`,
      );
  }
  // Parameters that come or go come with a schema change; only a provenance that changed is news.
  const before = new Map(base.parameters.map((p) => [p.path, p.provenance]));
  for (const parameter of [...head.parameters].sort((x, y) => compareText(x.path, y.path))) {
    const was = before.get(parameter.path);
    if (!was || canonical(was as unknown as Json) === canonical(parameter.provenance as unknown as Json)) continue;
    at(
      "metadata-changed",
      joinPointer("/request/parameters", parameter.path),
      `parameter ${show(parameter.path)} provenance changed from ${show(provenanceText(was))} to ${show(provenanceText(parameter.provenance))}`,
    );
  }
}

/** Examples added, removed or changed, by name. */
function diffExamples(base: OfferingSpec, head: OfferingSpec, at: At): void {
  const before = new Map(base.examples.map((e) => [e.name, e]));
  const after = new Map(head.examples.map((e) => [e.name, e]));
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort(compareText)) {
    const was = before.get(name);
    const now = after.get(name);
    const index = head.examples.findIndex((e) => e.name === name);
    const pointer = index >= 0 ? joinPointer("/examples", index) : "/examples";
    if (!now) at("metadata-changed", pointer, `example ${show(name)} removed`);
    else if (!was) at("metadata-changed", pointer, `example ${show(name)} added`);
    else if (canonical(was as unknown as Json) !== canonical(now as unknown as Json))
      at("metadata-changed", pointer, `example ${show(name)} changed`);
  }
}

function diffSchema(ctx: Ctx, offering: string, role: SchemaRole, before: BundledSchema, after: BundledSchema): void {
  for (const change of diffSchemas(before.schema, after.schema, role)) {
    const found = nearest(after.positions, change.at) ?? after.position;
    const position = ctx.options.keyOf?.head?.(found) ?? found;
    ctx.out.push({
      offering,
      schema: role,
      pointer: change.pointer,
      kind: change.kind,
      severity: change.severity,
      message: change.message,
      file: position.file,
      line: position.line,
    });
  }
}

/** Transport, auth, envelope, streaming and error-format changes of an offering's provider. */
function diffProvider(ctx: Ctx, offering: string, base: ProviderSpec, head: ProviderSpec): void {
  const at = (kind: MetaKind, pointer: string, message: string) => meta(ctx, offering, kind, pointer, message, "head", head.specFile, pointer);
  const index = (list: Transport[], id: string) => list.findIndex((t) => t.id === id);
  const ids = [...new Set([...base.transports, ...head.transports].map((t) => t.id))].sort(compareText);
  for (const id of ids) {
    const i = index(base.transports, id);
    const j = index(head.transports, id);
    const baseTransport = base.transports[i];
    const headTransport = head.transports[j];
    const name = show(id);
    if (baseTransport && !headTransport) {
      // The pointer is the base's; the line is the head's transports list, the nearest part that is left.
      meta(ctx, offering, "transport-removed", joinPointer("/transports", i), `transport ${name} removed`, "head", head.specFile, "/transports");
      continue;
    }
    if (!baseTransport || !headTransport) {
      at("transport-added", joinPointer("/transports", j), `transport ${name} added`);
      continue;
    }
    const p = (field: string) => joinPointer("/transports", j, field);
    if (baseTransport.kind !== headTransport.kind)
      at("endpoint-changed", p("kind"), `transport ${name} changed from ${baseTransport.kind} to ${headTransport.kind}`);
    if (baseTransport.kind === "http" && headTransport.kind === "http") {
      for (const field of ["baseUrl", "method", "path"] as const) {
        if (baseTransport[field] !== headTransport[field])
          at("endpoint-changed", p(field), `transport ${name}: ${field} changed from ${show(baseTransport[field])} to ${show(headTransport[field])}`);
      }
      if (canonical(baseTransport.auth as unknown as Json) !== canonical(headTransport.auth as unknown as Json)) {
        at(
          "auth-changed",
          p("auth"),
          `transport ${name}: auth changed from ${show(baseTransport.auth as unknown as Json)} to ${show(headTransport.auth as unknown as Json)}`,
        );
      }
      for (const field of ["requestBody", "responseBody"] as const) {
        if (canonical(baseTransport[field] as unknown as Json) !== canonical(headTransport[field] as unknown as Json)) {
          at(
            "body-format-changed",
            p(field),
            `transport ${name}: ${field} changed from ${show(baseTransport[field] as unknown as Json)} to ${show(headTransport[field] as unknown as Json)}`,
          );
        }
      }
      if (baseTransport.async && !headTransport.async) at("async-removed", p("async"), `transport ${name}: asynchronous delivery removed`);
      else if (!baseTransport.async && headTransport.async) at("async-added", p("async"), `transport ${name}: asynchronous delivery added`);
      else if (canonical(baseTransport.async as unknown as Json) !== canonical(headTransport.async as unknown as Json))
        at("async-changed", p("async"), `transport ${name}: asynchronous delivery settings changed`);
    }
    if (baseTransport.streaming && !headTransport.streaming) at("streaming-removed", p("streaming"), `transport ${name}: streaming removed`);
    else if (!baseTransport.streaming && headTransport.streaming) at("streaming-added", p("streaming"), `transport ${name}: streaming added`);
    else if (canonical(baseTransport.streaming as unknown as Json) !== canonical(headTransport.streaming as unknown as Json)) {
      at(
        "streaming-changed",
        p("streaming"),
        `transport ${name}: streaming changed from ${show(baseTransport.streaming as unknown as Json, 120)} to ${show(headTransport.streaming as unknown as Json, 120)}`,
      );
    }
    if (baseTransport.description !== headTransport.description) at("metadata-changed", p("description"), `transport ${name}: description changed`);
    if (
      baseTransport.kind === "http" &&
      headTransport.kind === "http" &&
      canonical(baseTransport.pathParams as unknown as Json) !== canonical(headTransport.pathParams as unknown as Json)
    )
      at("metadata-changed", p("pathParams"), `transport ${name}: path parameter descriptions changed`);
  }
  for (const field of ["name", "docsUrl"] as const) {
    if (base[field] !== head[field])
      at("metadata-changed", `/${field}`, `provider ${field} changed from ${show(base[field])} to ${show(head[field])}`);
  }
  if (canonical(base.notes) !== canonical(head.notes)) at("metadata-changed", "/notes", "provider notes changed");
  // The error envelope is read by the client core: judge it as a response.
  const errorChanges = diffSchemas(base.errors.schema, head.errors.schema, "response").filter((c) => c.severity !== "info");
  const { schema: _baseSchema, provenance: _baseProvenance, ...baseErrors } = base.errors;
  const { schema: _headSchema, provenance: _headProvenance, ...headErrors } = head.errors;
  if (errorChanges.length > 0 || canonical(baseErrors as unknown as Json) !== canonical(headErrors as unknown as Json)) {
    const what =
      errorChanges.length > 0
        ? `${errorChanges.length} schema change${errorChanges.length === 1 ? "" : "s"}, e.g. ${errorChanges[0]!.pointer || "/"}: ${errorChanges[0]!.message}`
        : "pointer or fields changed";
    at("error-format-changed", "/errors", `error envelope changed (${what})`);
  }
  if (canonical(base.retryStatuses) !== canonical(head.retryStatuses))
    at("metadata-changed", "/retryStatuses", `retry statuses changed from ${show(base.retryStatuses)} to ${show(head.retryStatuses)}`);
}

function providerOf(model: Model, offering: OfferingSpec): ProviderSpec | undefined {
  return model.providers.find((p) => p.id === offering.provider);
}

function meta(
  ctx: Ctx,
  offering: string,
  kind: MetaKind,
  pointer: string,
  message: string,
  side: Side,
  file: string,
  filePointer: string,
  severity?: Severity,
): void {
  const locate = ctx.options.locate?.[side];
  const found = locate ? nearestBy((p) => locate(file, p), filePointer) : undefined;
  const position = (found && ctx.options.keyOf?.[side]?.(found)) ?? found;
  ctx.out.push({ offering, schema: "meta", pointer, kind, severity: severity ?? META_KINDS[kind][0], message, file, line: position?.line ?? 1 });
}

/** The position of a pointer, or of its closest ancestor that has one. */
function nearest(positions: ReadonlyMap<string, SourcePosition>, pointer: string): SourcePosition | undefined {
  return nearestBy((p) => positions.get(p), pointer);
}

function nearestBy(find: (pointer: string) => SourcePosition | undefined, pointer: string): SourcePosition | undefined {
  const tokens = splitPointer(pointer);
  for (let n = tokens.length; n >= 0; n--) {
    const found = find(joinPointer("", ...tokens.slice(0, n)));
    if (found) return found;
  }
  return undefined;
}

function dedupe(changes: Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = [c.offering, c.schema, c.pointer, c.kind, c.message].join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
