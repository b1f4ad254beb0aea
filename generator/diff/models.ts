/**
 * Compares two loaded models offering by offering: offerings added, removed or renamed, their
 * metadata (model id, status, limits, modalities), their provider's transports (endpoint, auth,
 * body envelopes, streaming), and every schema change in their request, response and stream
 * schemas. Pure: two models in, a sorted list of changes out.
 */
import { compareText, joinPointer, splitPointer } from "../diagnostics.js";
import type { BundledSchema, Json, Model, OfferingSpec, OfferingStatus, ProviderSpec, SchemaRole, SourcePosition, Transport } from "../model.js";
import { META_KINDS, severityRank, type Change, type ChangeSchema, type MetaKind, type Severity } from "./kinds.js";
import { canonical, diffSchemas, schemaFingerprint, show, type Side } from "./schema.js";

/** Finds where a JSON pointer of a spec file was written, if known. */
export type Locator = (file: string, pointer: string) => SourcePosition | undefined;

export interface DiffOptions {
  /** Positions of the spec files, for metadata changes (schema changes carry their own). */
  locate?: Partial<Record<Side, Locator>>;
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
      `offering ${show(b.id)} (model ${show(b.model)}) is now ${show(a.id)} (model ${show(a.model)})`,
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
 * Removed and added offerings of the same provider whose schemas accept and give the same values
 * (annotations aside) and whose model ids differ: a rename. Each pairs at most once, in id order.
 */
function renames(removed: readonly OfferingSpec[], added: readonly OfferingSpec[]): [OfferingSpec, OfferingSpec][] {
  const fingerprint = (o: OfferingSpec) =>
    [o.provider, schemaFingerprint(o.request.schema), schemaFingerprint(o.response.schema), o.stream ? schemaFingerprint(o.stream.schema) : "-"].join("\u0000");
  const pairs: [OfferingSpec, OfferingSpec][] = [];
  const free = new Set(added);
  for (const b of removed) {
    const print = fingerprint(b);
    const a = [...free].find((a) => a.model !== b.model && fingerprint(a) === print);
    if (!a) continue;
    free.delete(a);
    pairs.push([b, a]);
  }
  return pairs;
}

function diffOffering(ctx: Ctx, b: OfferingSpec, a: OfferingSpec, { renamed }: { renamed: boolean }): void {
  const at = (kind: MetaKind, pointer: string, message: string, severity?: Severity) =>
    meta(ctx, a.id, kind, pointer, message, "head", a.specFile, pointer, severity);

  if (!renamed && b.model !== a.model) at("model-id-changed", "/model", `model id changed from ${show(b.model)} to ${show(a.model)}`);
  if (b.status !== a.status) at("status-changed", "/status", `status changed from ${show(b.status)} to ${show(a.status)}`, statusSeverity(b.status, a.status));
  if (b.contextWindow !== a.contextWindow) {
    const lower = a.contextWindow < b.contextWindow;
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

  const bp = providerOf(ctx.base, b);
  const ap = providerOf(ctx.head, a);
  if (bp && ap) diffProvider(ctx, a.id, bp, ap);

  if (b.stream && !a.stream)
    meta(ctx, a.id, "streaming-removed", "/stream", "stream schema removed: the offering no longer streams", "base", b.specFile, "/stream");
  if (!b.stream && a.stream) at("streaming-added", "/stream", "stream schema added: the offering now streams");

  for (const role of ["request", "response", "stream"] as const) {
    const before = b[role];
    const after = a[role];
    if (before && after) diffSchema(ctx, a.id, role, before, after);
  }
}

function diffSchema(ctx: Ctx, offering: string, role: SchemaRole, before: BundledSchema, after: BundledSchema): void {
  for (const change of diffSchemas(before.schema, after.schema, role)) {
    const bundle = change.at.side === "base" ? before : after;
    const position = nearest(bundle.positions, change.at.pointer) ?? bundle.position;
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
  const at = (kind: MetaKind, pointer: string, message: string, side: Side = "head") =>
    meta(ctx, offering, kind, pointer, message, side, side === "head" ? a.specFile : b.specFile, pointer);
  const index = (list: Transport[], id: string) => list.findIndex((t) => t.id === id);
  const ids = [...new Set([...b.transports, ...a.transports].map((t) => t.id))].sort(compareText);
  for (const id of ids) {
    const i = index(b.transports, id);
    const j = index(a.transports, id);
    const bt = b.transports[i];
    const tt = a.transports[j];
    const name = show(id);
    if (bt && !tt) {
      at("transport-removed", joinPointer("/transports", i), `transport ${name} removed`, "base");
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
        if (bt[field] !== tt[field]) at("endpoint-changed", p(field), `transport ${name}: ${field} changed from ${show(bt[field])} to ${show(tt[field])}`);
      }
      if (canonical(bt.auth as unknown as Json) !== canonical(tt.auth as unknown as Json)) {
        at("auth-changed", p("auth"), `transport ${name}: auth changed from ${show(bt.auth as unknown as Json)} to ${show(tt.auth as unknown as Json)}`);
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
  }
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
  const position = locate ? nearestBy((p) => locate(file, p), filePointer) : undefined;
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
