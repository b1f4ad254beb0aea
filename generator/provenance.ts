/**
 * What `modelspec provenance` reports, per offering: each request parameter, documented (the page
 * says it) or inferred (with the reason); the constraints the spec adds where the page is silent
 * (`x-inferred`), with their reasons; and the open enums (`x-open-enum`), whose values no source
 * confirms; and, per example, which of its parts (request, response, events) the page prints.
 */
import { compareText } from "./diagnostics.js";
import type { Json, Model, OfferingSpec, Provenance } from "./model.js";
import { findParameter } from "./parameters.js";
import { inferredReasons, provenanceText } from "./emit/doc-lines.js";
import { isObject } from "./schema-walk.js";

/** A provenance as a spec writes it (`documented`, or `{ inferred: <reason> }`) as the model holds it. */
export function provenanceOf(value: Json | undefined): Provenance {
  return isObject(value) && typeof value.inferred === "string" ? { kind: "inferred", reason: value.inferred } : { kind: "documented" };
}

export interface OfferingProvenance {
  offering: string;
  model: string;
  documented: string[];
  inferred: { path: string; reason: string }[];
  /** Constraints the page does not state, each with why the spec has it. */
  constraints: { path: string; keyword: string; value: Json; reason: string }[];
  /** Lists of values no source confirms: suggested, not checked. */
  openEnums: { path: string; values: string[] }[];
  /** Per example, where each of its parts comes from. */
  examples: { name: string; request: string; response?: string; events?: string }[];
}

export function provenanceReport(model: Model): OfferingProvenance[] {
  return model.offerings.map(offeringProvenance);
}

function offeringProvenance(o: OfferingSpec): OfferingProvenance {
  const constraints: OfferingProvenance["constraints"] = [];
  const openEnums: OfferingProvenance["openEnums"] = [];
  for (const { path } of o.parameters) {
    const found = findParameter(o.request.schema, path);
    if (!found) continue;
    const schema = { ...found.schema, ...found.property };
    const reasons = [...inferredReasons(schema)].sort(([a], [b]) => compareText(a, b));
    for (const [keyword, reason] of reasons) constraints.push({ path, keyword, value: schema[keyword] as Json, reason });
    const open = schema["x-open-enum"];
    if (Array.isArray(open)) openEnums.push({ path, values: open.filter((v): v is string => typeof v === "string") });
  }
  return {
    offering: o.id,
    model: o.model,
    documented: o.parameters.filter((p) => p.provenance.kind === "documented").map((p) => p.path),
    inferred: o.parameters.flatMap((p) => (p.provenance.kind === "inferred" ? [{ path: p.path, reason: p.provenance.reason }] : [])),
    constraints,
    openEnums,
    examples: o.examples.map((e) => ({
      name: e.name,
      ...Object.fromEntries(
        (["request", "response", "events"] as const).flatMap((part) => (e.provenance[part] ? [[part, provenanceText(e.provenance[part]!)]] : [])),
      ),
    })) as OfferingProvenance["examples"],
  };
}

/** The report as text: a line per parameter, its inferred constraints and open enums indented below it. */
export function provenanceLines(model: Model): string[] {
  const lines: string[] = [];
  const reports = provenanceReport(model);
  for (const [i, o] of model.offerings.entries()) {
    const report = reports[i]!;
    lines.push(`${o.id} (${o.model}): ${report.documented.length} documented, ${report.inferred.length} inferred`);
    for (const p of o.parameters) {
      const inferred = p.provenance.kind === "inferred" ? `  (${provenanceText(p.provenance).slice("inferred: ".length)})` : "";
      lines.push(`  ${p.provenance.kind === "documented" ? "documented" : "inferred  "}  ${p.path}${inferred}`);
      for (const c of report.constraints.filter((c) => c.path === p.path))
        lines.push(`      inferred ${c.keyword} ${JSON.stringify(c.value)}: ${c.reason}`);
      for (const e of report.openEnums.filter((e) => e.path === p.path))
        lines.push(`      open enum (unconfirmed; any string passes): ${e.values.map((v) => JSON.stringify(v)).join(", ")}`);
    }
    for (const e of o.examples) {
      const parts = (["request", "response", "events"] as const).flatMap((part) => {
        const p = e.provenance[part];
        return p ? [p.kind === "documented" ? `${part} documented` : `${part} inferred (${p.reason})`] : [];
      });
      lines.push(`  example ${e.name}: ${parts.join("; ")}`);
    }
  }
  return lines;
}
