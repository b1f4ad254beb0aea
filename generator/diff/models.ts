/**
 * Compares two loaded models offering by offering: offerings added, removed or renamed, their
 * metadata (model id, status, limits, modalities), their provider's transports (endpoint, auth,
 * body envelopes, streaming), and every schema change in their request, response and stream
 * schemas. Pure: two models in, a sorted list of changes out.
 */
import { compareText, joinPointer, splitPointer } from "../diagnostics.js";
import type {
  BundledSchema,
  Json,
  Model,
  OfferingSpec,
  OfferingStatus,
  Provenance,
  ProviderSpec,
  SchemaRole,
  SourcePosition,
  Transport,
} from "../model.js";
import { META_KINDS, severityRank, type Change, type ChangeSchema, type MetaKind, type Severity } from "./kinds.js";
import { canonical, diffSchemas, schemaFingerprint, show, type Side } from "./schema.js";

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

  for (const [b, a] of renames(removed, added)) {
    removed.splice(removed.indexOf(b), 1);
    added.splice(added.indexOf(a), 1);
    meta(
      ctx,
      a.id,
      "offering-renamed",
      "",
      b.model === a.model
        ? `offering ${show(b.id)} is now ${show(a.id)} (same model ${show(a.model)})`
        : `offering ${show(b.id)} (model ${show(b.model)}) is now ${show(a.id)} (model ${show(a.model)})`,
      "head",
      a.specFile,
      "/model",
    );
    diffOffering(ctx, b, a, { renamed: true });
  }
  for (const o of removed) meta(ctx, o.id, "offering-removed", "", `offering ${show(o.id)} (model ${show(o.model)}) removed`, "base", o.specFile, "");
  for (const o of added) meta(ctx, o.id, "offering-added", "", `offering ${show(o.id)} (model ${show(o.model)}) added`, "head", o.specFile, "");
  for (const a of head.offerings) {
    const b = baseById.get(a.id);
    if (b) diffOffering(ctx, b, a, { renamed: false });
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
  const fingerprint = (o: OfferingSpec) =>
    [schemaFingerprint(o.request.schema), schemaFingerprint(o.response.schema), o.stream ? schemaFingerprint(o.stream.schema) : "-"].join("\u0000");
  const pairs: [OfferingSpec, OfferingSpec][] = [];
  const freeB = new Set(removed);
  const free = new Set(added);
  const pass = (same: (b: OfferingSpec, a: OfferingSpec) => boolean) => {
    for (const b of [...freeB]) {
      const a = [...free].find((a) => a.provider === b.provider && same(b, a));
      if (!a) continue;
      freeB.delete(b);
      free.delete(a);
      pairs.push([b, a]);
    }
  };
  pass((b, a) => a.model === b.model);
  pass((b, a) => fingerprint(a) === fingerprint(b));
  return pairs;
}

function diffOffering(ctx: Ctx, b: OfferingSpec, a: OfferingSpec, { renamed }: { renamed: boolean }): void {
  const at = (kind: MetaKind, pointer: string, message: string, severity?: Severity) =>
    meta(ctx, a.id, kind, pointer, message, "head", a.specFile, pointer, severity);

  if (!renamed && b.model !== a.model) at("model-id-changed", "/model", `model id changed from ${show(b.model)} to ${show(a.model)}`);
  if (b.status !== a.status)
    at("status-changed", "/status", `status changed from ${show(b.status)} to ${show(a.status)}`, statusSeverity(b.status, a.status));
  if (b.contextWindow !== a.contextWindow && (b.contextWindow === null || a.contextWindow === null)) {
    if (b.contextWindow === null) at("context-window-stated", "/contextWindow", `context window now stated: ${a.contextWindow} tokens`);
    else at("context-window-unstated", "/contextWindow", `context window no longer stated (was ${b.contextWindow} tokens)`);
  } else if (b.contextWindow !== a.contextWindow) {
    const lower = a.contextWindow! < b.contextWindow!;
    at(
      lower ? "context-window-lowered" : "context-window-raised",
      "/contextWindow",
      `context window ${lower ? "lowered" : "raised"} from ${b.contextWindow} to ${a.contextWindow} tokens`,
    );
  }
  if (b.maxOutputTokens !== a.maxOutputTokens) {
    const pointer = "/maxOutputTokens";
    if (b.maxOutputTokens === null) at("max-output-tokens-stated", pointer, `max output tokens now stated: ${a.maxOutputTokens}`);
    else if (a.maxOutputTokens === null) at("max-output-tokens-unstated", pointer, `max output tokens no longer stated (was ${b.maxOutputTokens})`);
    else {
      const lower = a.maxOutputTokens < b.maxOutputTokens;
      at(
        lower ? "max-output-tokens-lowered" : "max-output-tokens-raised",
        pointer,
        `max output tokens ${lower ? "lowered" : "raised"} from ${b.maxOutputTokens} to ${a.maxOutputTokens}`,
      );
    }
  }
  for (const field of ["inputModalities", "outputModalities"] as const) {
    const was = new Set(b[field]);
    const now = new Set(a[field]);
    for (const m of [...was].filter((m) => !now.has(m)).sort(compareText))
      at("modality-removed", `/${field}`, `${field === "inputModalities" ? "input" : "output"} modality ${show(m)} removed`);
    for (const m of [...now].filter((m) => !was.has(m)).sort(compareText))
      at("modality-added", `/${field}`, `${field === "inputModalities" ? "input" : "output"} modality ${show(m)} added`);
  }
  for (const field of ["name", "description"] as const) {
    if (b[field] !== a[field]) at("metadata-changed", `/${field}`, `${field} changed from ${show(b[field])} to ${show(a[field])}`);
  }
  if (canonical(b.source as unknown as Json) !== canonical(a.source as unknown as Json)) at("metadata-changed", "/source", "source changed");
  if (canonical(b.notes) !== canonical(a.notes)) at("metadata-changed", "/notes", "notes changed");
  diffProvenance(b, a, at);
  diffExamples(b, a, at);

  const bp = providerOf(ctx.base, b);
  const ap = providerOf(ctx.head, a);
  if (bp && ap) diffProvider(ctx, a.id, bp, ap);
  // Users import these names (`CloudflareGpt54MiniRequest`); a rename already says the id changed.
  if (!renamed && b.typeStem !== a.typeStem) {
    const message = `generated type names changed from ${b.typeStem}Request/Response/... to ${a.typeStem}Request/Response/...`;
    if (bp && ap && bp.typePrefix !== ap.typePrefix)
      meta(ctx, a.id, "type-names-changed", "/typePrefix", message, "head", ap.specFile, "/typePrefix");
    else at("type-names-changed", "/slug", message);
  }

  // Located in the head file, like every change but a removed offering: at the nearest part that is left.
  if (b.stream && !a.stream) at("streaming-removed", "/stream", "stream schema removed: the offering no longer streams");
  if (!b.stream && a.stream) at("streaming-added", "/stream", "stream schema added: the offering now streams");

  for (const role of ["request", "response", "stream"] as const) {
    const before = b[role];
    const after = a[role];
    if (before && after) diffSchema(ctx, a.id, role, before, after);
  }
}

type At = (kind: MetaKind, pointer: string, message: string) => void;

const provenanceText = (p: Provenance) => (p.kind === "documented" ? "documented" : `inferred (${p.reason})`);

/** Whether a schema or a request parameter is documented or inferred: information for reviewers. */
function diffProvenance(b: OfferingSpec, a: OfferingSpec, at: At): void {
  for (const role of ["request", "response", "stream"] as const) {
    const was = b[role]?.provenance;
    const now = a[role]?.provenance;
    if (was && now && canonical(was as unknown as Json) !== canonical(now as unknown as Json))
      at(
        "metadata-changed",
        `/${role}/provenance`,
        `${role} schema provenance changed from ${show(provenanceText(was))} to ${show(provenanceText(now))}`,
      );
  }
  // Parameters that come or go come with a schema change; only a provenance that changed is news.
  const before = new Map(b.parameters.map((p) => [p.path, p.provenance]));
  for (const parameter of [...a.parameters].sort((x, y) => compareText(x.path, y.path))) {
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
function diffExamples(b: OfferingSpec, a: OfferingSpec, at: At): void {
  const before = new Map(b.examples.map((e) => [e.name, e]));
  const after = new Map(a.examples.map((e) => [e.name, e]));
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort(compareText)) {
    const was = before.get(name);
    const now = after.get(name);
    const index = a.examples.findIndex((e) => e.name === name);
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
function diffProvider(ctx: Ctx, offering: string, b: ProviderSpec, a: ProviderSpec): void {
  const at = (kind: MetaKind, pointer: string, message: string) => meta(ctx, offering, kind, pointer, message, "head", a.specFile, pointer);
  const index = (list: Transport[], id: string) => list.findIndex((t) => t.id === id);
  const ids = [...new Set([...b.transports, ...a.transports].map((t) => t.id))].sort(compareText);
  for (const id of ids) {
    const i = index(b.transports, id);
    const j = index(a.transports, id);
    const bt = b.transports[i];
    const tt = a.transports[j];
    const name = show(id);
    if (bt && !tt) {
      // The pointer is the base's; the line is the head's transports list, the nearest part that is left.
      meta(ctx, offering, "transport-removed", joinPointer("/transports", i), `transport ${name} removed`, "head", a.specFile, "/transports");
      continue;
    }
    if (!bt || !tt) {
      at("transport-added", joinPointer("/transports", j), `transport ${name} added`);
      continue;
    }
    const p = (field: string) => joinPointer("/transports", j, field);
    if (bt.kind !== tt.kind) at("endpoint-changed", p("kind"), `transport ${name} changed from ${bt.kind} to ${tt.kind}`);
    if (bt.kind === "http" && tt.kind === "http") {
      for (const field of ["baseUrl", "method", "path"] as const) {
        if (bt[field] !== tt[field])
          at("endpoint-changed", p(field), `transport ${name}: ${field} changed from ${show(bt[field])} to ${show(tt[field])}`);
      }
      if (canonical(bt.auth as unknown as Json) !== canonical(tt.auth as unknown as Json)) {
        at(
          "auth-changed",
          p("auth"),
          `transport ${name}: auth changed from ${show(bt.auth as unknown as Json)} to ${show(tt.auth as unknown as Json)}`,
        );
      }
      for (const field of ["requestBody", "responseBody"] as const) {
        if (canonical(bt[field] as unknown as Json) !== canonical(tt[field] as unknown as Json)) {
          at(
            "body-format-changed",
            p(field),
            `transport ${name}: ${field} changed from ${show(bt[field] as unknown as Json)} to ${show(tt[field] as unknown as Json)}`,
          );
        }
      }
      if (bt.async && !tt.async) at("async-removed", p("async"), `transport ${name}: asynchronous delivery removed`);
      else if (!bt.async && tt.async) at("async-added", p("async"), `transport ${name}: asynchronous delivery added`);
      else if (canonical(bt.async as unknown as Json) !== canonical(tt.async as unknown as Json))
        at("async-changed", p("async"), `transport ${name}: asynchronous delivery settings changed`);
    }
    if (bt.streaming && !tt.streaming) at("streaming-removed", p("streaming"), `transport ${name}: streaming removed`);
    else if (!bt.streaming && tt.streaming) at("streaming-added", p("streaming"), `transport ${name}: streaming added`);
    else if (canonical(bt.streaming as unknown as Json) !== canonical(tt.streaming as unknown as Json)) {
      at(
        "streaming-changed",
        p("streaming"),
        `transport ${name}: streaming changed from ${show(bt.streaming as unknown as Json, 120)} to ${show(tt.streaming as unknown as Json, 120)}`,
      );
    }
    if (bt.description !== tt.description) at("metadata-changed", p("description"), `transport ${name}: description changed`);
    if (bt.kind === "http" && tt.kind === "http" && canonical(bt.pathParams as unknown as Json) !== canonical(tt.pathParams as unknown as Json))
      at("metadata-changed", p("pathParams"), `transport ${name}: path parameter descriptions changed`);
  }
  for (const field of ["name", "docsUrl"] as const) {
    if (b[field] !== a[field]) at("metadata-changed", `/${field}`, `provider ${field} changed from ${show(b[field])} to ${show(a[field])}`);
  }
  if (canonical(b.notes) !== canonical(a.notes)) at("metadata-changed", "/notes", "provider notes changed");
  // The error envelope is read by the client core: judge it as a response.
  const errorChanges = diffSchemas(b.errors.schema, a.errors.schema, "response").filter((c) => c.severity !== "info");
  const { schema: _bs, provenance: _bp, ...bErrors } = b.errors;
  const { schema: _as, provenance: _ap, ...aErrors } = a.errors;
  if (errorChanges.length > 0 || canonical(bErrors as unknown as Json) !== canonical(aErrors as unknown as Json)) {
    const what =
      errorChanges.length > 0
        ? `${errorChanges.length} schema change${errorChanges.length === 1 ? "" : "s"}, e.g. ${errorChanges[0]!.pointer || "/"}: ${errorChanges[0]!.message}`
        : "pointer or fields changed";
    at("error-format-changed", "/errors", `error envelope changed (${what})`);
  }
  if (canonical(b.retryStatuses) !== canonical(a.retryStatuses))
    at("metadata-changed", "/retryStatuses", `retry statuses changed from ${show(b.retryStatuses)} to ${show(a.retryStatuses)}`);
}

/**
 * Status moves: to `available` is good news; to `deprecated`, or from `available` to `beta`, is a
 * warning; back to `coming-soon` (not callable) from a callable status breaks callers.
 */
const STATUS_SEVERITY: Record<OfferingStatus, Record<OfferingStatus, Severity>> = {
  available: { available: "info", beta: "warning", deprecated: "warning", "coming-soon": "breaking" },
  beta: { available: "non-breaking", beta: "info", deprecated: "warning", "coming-soon": "breaking" },
  deprecated: { available: "non-breaking", beta: "non-breaking", deprecated: "info", "coming-soon": "breaking" },
  "coming-soon": { available: "non-breaking", beta: "non-breaking", deprecated: "warning", "coming-soon": "info" },
};

export function statusSeverity(from: OfferingStatus, to: OfferingStatus): Severity {
  return STATUS_SEVERITY[from]?.[to] ?? "warning";
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
