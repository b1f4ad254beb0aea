/**
 * Model docs emitter: one page per model served by several providers (offerings with the same
 * slug at two or more providers), `docs/models/<slug>.md`. It sets the offerings side by side:
 * limits, every request parameter under each provider's name with its type, bounds and default,
 * and a list of where the pages disagree. Everything is read from the model; spec values appear
 * in code spans (`markdownCode`), other spec text through `markdownText`.
 */
import { compareText } from "../diagnostics.js";
import { markdownCode, markdownText } from "../escape.js";
import type { EmitContext, Emitter, GeneratedFile, JsonObject, Model, OfferingSpec, Parameter, ProviderSpec } from "../model.js";
import { findParameter } from "../parameters.js";
import { BOUND_KEYWORDS, constraintsOf, typeText, type Constraint } from "./doc-lines.js";
import { alignParameter, PARAMETER_CONCEPTS } from "./parameter-concepts.js";
import { modelDocFile, offeringDir } from "./paths.js";
import { recallMadeFrom } from "../recall.js";

export interface SharedModel {
  slug: string;
  /** One offering per provider, in provider order. */
  offerings: OfferingSpec[];
}

/** The slugs that two or more providers serve, in slug order. */
export function sharedModels(model: Model): SharedModel[] {
  const bySlug = new Map<string, OfferingSpec[]>();
  for (const offering of model.offerings) bySlug.set(offering.slug, [...(bySlug.get(offering.slug) ?? []), offering]);
  return [...bySlug]
    .filter(([, offerings]) => new Set(offerings.map((o) => o.provider)).size > 1)
    .sort(([a], [b]) => compareText(a, b))
    .map(([slug, offerings]) => ({ slug, offerings: [...offerings].sort((a, b) => compareText(a.provider, b.provider)) }));
}

export const modelDocsEmitter: Emitter = {
  name: "model-docs",
  emit(model: Model, context: EmitContext): GeneratedFile[] {
    const providers = new Map(model.providers.map((p) => [p.id, p]));
    // A page is made from its offerings (and their providers) alone.
    return sharedModels(model).flatMap((shared) =>
      recallMadeFrom(context, ["model-page", shared.slug], shared.offerings, () => [
        { path: modelDocFile(shared.slug), contents: modelPage(shared, providers), specs: shared.offerings.map((o) => o.specFile) },
      ]),
    );
  },
};

/** One parameter of one offering, as a row of the comparison shows it. */
interface Entry {
  offering: OfferingSpec;
  parameter: Parameter;
  schema: JsonObject;
  required: boolean;
  /** The constraints its schema states, worked out once: every facet and comparison reads them. */
  constraints: readonly Constraint[];
}

interface Row {
  key: string;
  concept: number;
  label: string;
  entries: Entry[];
}

/** A fact of an offering or parameter as text, or undefined where the page states none. */
type Facet<T> = [label: string, value: (item: T) => string | undefined];

const OFFERING_FACETS: Facet<OfferingSpec>[] = [
  ["name", (o) => o.name],
  ["model id", (o) => o.model],
  ["status", (o) => o.status],
  ["context window", (o) => String(o.contextWindow)],
  ["max output tokens", (o) => (o.maxOutputTokens === null ? undefined : String(o.maxOutputTokens))],
  ["input", (o) => o.inputModalities.join(", ")],
  ["output", (o) => o.outputModalities.join(", ")],
  ["streaming", (o) => (o.stream ? "yes" : "no")],
];

const CONSTRAINT_LABELS = ["default", ...BOUND_KEYWORDS, "allowed values", "fixed value"];

const PARAMETER_FACETS: Facet<Entry>[] = [
  ["type", (e) => typeText(e.schema) || undefined],
  ["required", (e) => (e.required ? "required" : "optional")],
  ...CONSTRAINT_LABELS.map((label): Facet<Entry> => [label, (e) => e.constraints.find((c) => c.label === label)?.bare]),
];

export function modelPage(shared: SharedModel, providers: ReadonlyMap<string, ProviderSpec>): string {
  const { offerings } = shared;
  const providerName = (o: OfferingSpec) => providers.get(o.provider)?.name ?? o.provider;
  const header = (first: string) => [
    `| ${first} | ${offerings.map((o) => markdownText(providerName(o))).join(" | ")} |`,
    `| --- |${" --- |".repeat(offerings.length)}`,
  ];
  const rows = parameterRows(offerings);
  const lines = [
    `# ${markdownText(offerings[0]!.name)} at ${offerings.length} providers`,
    "",
    `The offerings with the slug ${markdownCode(shared.slug)}, side by side, as their specs describe them. Each offering's own page has its notes and examples.`,
    "",
    "## Offerings",
    "",
    ...header(" "),
    `| offering | ${offerings.map((o) => `[${markdownCode(o.id)}](${encodeURI(`../${offeringDir(o)}.md`)})`).join(" | ")} |`,
    ...OFFERING_FACETS.map(([label, value]) => `| ${label} | ${offerings.map((o) => shown(value(o))).join(" | ")} |`),
    `| source | ${offerings.map((o) => markdownCode(o.source.seed)).join(" | ")} |`,
    "",
    "## Request parameters",
    "",
    "One row per parameter; parameters that mean the same share a row whatever each provider calls them (`generator/emit/parameter-concepts.ts` lists the names taken as one). A cell gives the name, the type, and the bounds and default the page states; an empty cell means the offering does not take it.",
    "",
    ...header("parameter"),
    ...rows.map((row) => `| ${row.label} | ${offerings.map((o) => cell(row.entries.filter((e) => e.offering === o))).join(" | ")} |`),
    "",
    "## Where the pages disagree",
    "",
    ...disagreements(offerings, rows, providerName),
    "",
  ];
  return lines.join("\n");
}

const shown = (value: string | undefined) => (value === undefined ? "not stated" : markdownCode(value));

function parameterRows(offerings: readonly OfferingSpec[]): Row[] {
  const rows = new Map<string, Row>();
  for (const offering of offerings) {
    for (const parameter of offering.parameters) {
      const found = findParameter(offering.request.schema, parameter.path);
      const schema = found ? { ...found.schema, ...found.property } : {};
      const alignment = alignParameter(parameter.path);
      let row = rows.get(alignment.key);
      if (!row) {
        const concept = PARAMETER_CONCEPTS[alignment.concept];
        const label = concept
          ? `${markdownText(concept.label)}${alignment.rest ? ` ${markdownCode(alignment.rest)}` : ""}`
          : markdownCode(alignment.rest);
        row = { key: alignment.key, concept: alignment.concept, label, entries: [] };
        rows.set(alignment.key, row);
      }
      row.entries.push({ offering, parameter, schema, required: found?.required ?? false, constraints: constraintsOf(schema) });
    }
  }
  // Named concepts first, in the table's order; then the other parameters by path.
  const rank = (row: Row) => (row.concept < 0 ? PARAMETER_CONCEPTS.length : row.concept);
  return [...rows.values()].sort((a, b) => rank(a) - rank(b) || compareText(a.key, b.key));
}

/** A cell: each of the offering's parameters in this row, `name`: type, then what the page states. */
function cell(entries: readonly Entry[]): string {
  return (
    entries
      .map((e) => {
        const facts = PARAMETER_FACETS.flatMap(([label, value]) => {
          const v = value(e);
          if (v === undefined || label === "required") return label === "required" && e.required ? ["required"] : [];
          return [label === "type" ? markdownCode(v) : `${markdownText(label)} ${markdownCode(v)}`];
        });
        if (e.parameter.provenance.kind === "inferred") facts.push("inferred");
        return `${markdownCode(e.parameter.path)}: ${facts.join(", ")}`;
      })
      .join("; ") || " "
  );
}

/**
 * Three lists: facts the pages state differently (two or more values), facts only some pages
 * state, and parameters only some offerings take.
 */
function disagreements(offerings: readonly OfferingSpec[], rows: readonly Row[], providerName: (o: OfferingSpec) => string): string[] {
  const differ: string[] = [];
  const some: string[] = [];
  const partial: string[] = [];
  const sort = (label: string, groups: Map<string | undefined, string[]>) => {
    const stated = [...groups.keys()].filter((v) => v !== undefined).length;
    const line = `- ${label}: ${[...groups].map(([v, names]) => `${shown(v)} (${names.join(", ")})`).join("; ")}`;
    if (stated > 1) differ.push(line);
    else if (stated === 1 && groups.has(undefined)) some.push(line);
  };
  for (const [label, value] of OFFERING_FACETS)
    sort(
      label,
      groupBy(offerings, value, (o) => markdownText(providerName(o))),
    );
  for (const row of rows) {
    const at = new Set(row.entries.map((e) => e.offering));
    if (at.size < offerings.length) {
      partial.push(
        `- ${row.label}: only ${offerings
          .filter((o) => at.has(o))
          .map((o) => markdownText(providerName(o)))
          .join(", ")}`,
      );
    }
    if (at.size < 2) continue;
    for (const [facet, value] of PARAMETER_FACETS) {
      sort(
        `${row.label}, ${markdownText(facet)}`,
        groupBy(row.entries, value, (e) => `${markdownText(providerName(e.offering))} ${markdownCode(e.parameter.path)}`),
      );
    }
  }
  return [
    ...(differ.length ? differ : ["The pages agree on every limit and on every parameter they share."]),
    ...(some.length ? ["", "### Stated on only some pages", "", ...some] : []),
    ...(partial.length ? ["", "### Parameters not every offering takes", "", ...partial] : []),
  ];
}

/** The items by the value they state (undefined: not stated), in first-seen order. */
function groupBy<T>(items: readonly T[], value: (item: T) => string | undefined, who: (item: T) => string): Map<string | undefined, string[]> {
  const groups = new Map<string | undefined, string[]>();
  for (const item of items) {
    const stated = value(item);
    const group = groups.get(stated);
    if (group) group.push(who(item));
    else groups.set(stated, [who(item)]);
  }
  return groups;
}
