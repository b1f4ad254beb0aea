/**
 * Comparing the specs with what the seed pages state (test/seed-fidelity.test.ts): `auditSeeds`
 * collects every disagreement, as `offering (seed): what differs`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Json, JsonObject, Model, OfferingSpec } from "../../generator/model.js";
import { dereference, findParameter } from "../../generator/parameters.js";
import { SCHEMAS_DIR } from "../helpers.js";
import { type SeedFacts, seed000, seeds } from "./pages.js";

const ANNOTATIONS = new Set(["description", "title", "$comment", "examples", "$schema", "$defs"]);

/** A bundled schema with `$ref`s inlined and annotations dropped: what it means, not how it is written. */
export function meaning(root: JsonObject, node: Json = root): Json {
  if (Array.isArray(node)) return node.map((item) => meaning(root, item));
  if (node === null || typeof node !== "object") return node;
  const { $ref, ...rest } = node;
  const target = typeof $ref === "string" ? (meaning(root, dereference(root, { $ref }) ?? {}) as JsonObject) : {};
  const out: JsonObject = { ...target };
  for (const [key, value] of Object.entries(rest)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    out[key] =
      key === "properties" || key === "$defs"
        ? Object.fromEntries(Object.entries(value as JsonObject).map(([k, v]) => [k, meaning(root, v)]))
        : meaning(root, value);
  }
  return out;
}

/** Every difference between two JSON values, as `pointer: spec … / page …`. */
function differences(spec: Json | undefined, page: Json | undefined, at = ""): string[] {
  if (JSON.stringify(spec) === JSON.stringify(page)) return [];
  const bothObjects = spec && page && typeof spec === "object" && typeof page === "object" && Array.isArray(spec) === Array.isArray(page);
  if (!bothObjects || Array.isArray(spec)) {
    if (Array.isArray(spec) && Array.isArray(page) && spec.length === page.length)
      return spec.flatMap((v, i) => differences(v, page[i], `${at}/${i}`));
    if (Array.isArray(spec) && Array.isArray(page) && at.endsWith("/required") && [...spec].sort().join() === [...page].sort().join()) return [];
    return [`${at || "/"}: spec ${JSON.stringify(spec)}, page ${JSON.stringify(page)}`];
  }
  const keys = new Set([...Object.keys(spec as JsonObject), ...Object.keys(page as JsonObject)]);
  return [...keys].sort().flatMap((key) => differences((spec as JsonObject)[key], (page as JsonObject)[key], `${at}/${key}`));
}

export const strip = ({ $schema: _, ...schema }: JsonObject): JsonObject => schema;

/** What the spec says about a parameter, in the same words as `Stated`. */
function specParameter(offering: OfferingSpec, at: string) {
  const found = findParameter(offering.request.schema, at);
  if (!found) return undefined;
  const schema = { ...found.schema, ...found.property } as JsonObject;
  const items = dereference(offering.request.schema, schema.items as Json) ?? {};
  const shape = schema.type === "array" ? items : schema;
  return { schema, required: found.required, items, propertyCount: Object.keys((shape.properties ?? {}) as JsonObject).length };
}

const BOUND_KEYWORDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems"];

const providerNotes = readFileSync(path.join(SCHEMAS_DIR, "provider-notes.md"), "utf8");
/** The provider notes confirm a counted list: "`deliveryMethod` has 3: `sync`, `async`, `stream` (confirmed)". */
const confirmedInNotes = (parameter: string) =>
  new RegExp(`\`${parameter.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\` has \\d+( values)?: [^;]*\\(confirmed`).test(providerNotes);

export const offeringOf = (m: Model, seed: string) => m.offerings.filter((o) => o.source.seed === seed);
const isReconstructed = (facts: SeedFacts) => !facts.schemas && facts.seed !== seed000.seed && facts.model.startsWith("openai/");

/** Every way the specs in `m` disagree with the pages. Empty when the specs are faithful. */
export function auditSeeds(m: Model): string[] {
  const problems: string[] = [];
  for (const facts of seeds) {
    const found = offeringOf(m, facts.seed);
    if (found.length !== 1) {
      problems.push(`${facts.seed}: ${found.length} offerings name this seed as their source`);
      continue;
    }
    const offering = found[0]!;
    const say = (text: string) => problems.push(`${offering.id} (${facts.seed}): ${text}`);
    if (offering.model !== facts.model) say(`model ${JSON.stringify(offering.model)}, page ${JSON.stringify(facts.model)}`);
    if (offering.contextWindow !== facts.contextWindow) say(`contextWindow ${offering.contextWindow}, page ${facts.contextWindow}`);
    if (facts.status && offering.status !== facts.status) say(`status ${offering.status}, page ${facts.status}`);
    if (facts.maxOutputTokens !== undefined && offering.maxOutputTokens !== facts.maxOutputTokens)
      say(`maxOutputTokens ${offering.maxOutputTokens}, page ${facts.maxOutputTokens}`);

    // The page's own JSON Schemas (000), or 000's for the pages that were reconstructed from it.
    const schemas = facts.schemas ?? (isReconstructed(facts) ? seed000.schemas : undefined);
    if (schemas) {
      for (const role of ["request", "response"] as const) {
        for (const d of differences(meaning(offering[role].schema), strip(schemas[role]))) say(`${role} schema ${d}`);
      }
      const reconstructed = facts.schemas === undefined;
      for (const role of ["request", "response"] as const) {
        const provenance = offering[role].provenance;
        if (reconstructed !== (provenance.kind === "inferred")) say(`${role} schema provenance is ${provenance.kind}`);
        if (reconstructed && provenance.kind === "inferred" && !/000/.test(provenance.reason))
          say(`${role} schema: the inferred reason does not name seed 000`);
      }
    }

    // Every parameter the page names, with every constraint it states and the right provenance.
    const listed = new Map(offering.parameters.map((p) => [p.path, p.provenance]));
    for (const [at, stated] of facts.parameters) {
      const spec = specParameter(offering, at);
      const provenance = listed.get(at);
      if (!spec || !provenance) {
        say(`parameter ${at} is missing`);
        continue;
      }
      if (stated.type !== undefined && spec.schema.type !== stated.type) say(`${at}: type ${JSON.stringify(spec.schema.type)}, page ${stated.type}`);
      if (stated.required !== undefined && spec.required !== stated.required) say(`${at}: required ${spec.required}, page ${stated.required}`);
      if (stated.itemsType !== undefined && spec.items.type !== stated.itemsType)
        say(`${at}: items type ${JSON.stringify(spec.items.type)}, page ${stated.itemsType}`);
      if (stated.propertyCount !== undefined && spec.propertyCount !== stated.propertyCount)
        say(`${at}: ${spec.propertyCount} properties, page ${stated.propertyCount}`);
      for (const [keyword, value] of Object.entries(stated.keywords)) {
        const have = spec.schema[keyword];
        if (JSON.stringify(have) !== JSON.stringify(value)) say(`${at}: ${keyword} ${JSON.stringify(have)}, page ${JSON.stringify(value)}`);
      }
      if (stated.valueCount !== undefined) {
        const values = (spec.schema.enum ?? spec.schema["x-open-enum"]) as Json[] | undefined;
        if (values?.length !== stated.valueCount) say(`${at}: ${values?.length ?? "no"} allowed values, page counts ${stated.valueCount}`);
        // Values the page only counts are a guess unless the provider notes confirm them: a guess must not reject what it missed.
        const confirmed = confirmedInNotes(at);
        if (!confirmed && spec.schema["x-open-enum"] === undefined)
          say(`${at}: no source confirms its values, so it must be an open enum (x-open-enum)`);
        if (confirmed && spec.schema.enum === undefined) say(`${at}: the provider notes confirm its values, so it must be a closed enum`);
        if (provenance.kind !== "inferred" || !/seed gives only a count/.test(provenance.reason))
          say(`${at}: the page only counts its values, so it must be inferred ("seed gives only a count …")`);
      }
      // A bound the page does not state, on a parameter it documents, is marked inferred with its reason.
      if (provenance.kind === "documented") {
        const inferred = (spec.schema["x-inferred"] ?? {}) as JsonObject;
        for (const keyword of BOUND_KEYWORDS) {
          if (spec.schema[keyword] === undefined || keyword in stated.keywords || typeof inferred[keyword] === "string") continue;
          say(`${at}: ${keyword} ${JSON.stringify(spec.schema[keyword])} is not on the page; mark it \`x-inferred: { ${keyword}: <reason> }\``);
        }
      }
      // A parameter whose type or bounds the page states is documented. (A field the page only
      // names, like 004's `{ effort, summary }`, may be inferred: its values come from elsewhere.)
      const statesSomething = stated.type !== undefined || Object.keys(stated.keywords).length > 0;
      if (stated.valueCount === undefined && statesSomething && provenance.kind !== "documented") {
        say(`${at}: the page documents it, but the spec marks it inferred (${provenance.reason})`);
      }
    }
    // 002/003: whatever their own list does not name comes from 000, marked inferred with a reason.
    if (isReconstructed(facts)) {
      for (const [at] of seed000.parameters) {
        if (facts.parameters.has(at)) continue;
        const provenance = listed.get(at);
        if (!provenance) say(`parameter ${at} (from 000) is missing`);
        else if (provenance.kind !== "inferred" || !/000/.test(provenance.reason))
          say(`${at}: not on this page, so it must be inferred from seed 000`);
      }
    }

    // Every example the page shows, by title, with its request and (where printed) its answer.
    const documented = offering.examples.filter((e) => e.provenance.request.kind === "documented");
    // No page prints a whole response object or a stream: at most the answer text (002, 003).
    for (const e of offering.examples) {
      for (const part of ["response", "events"] as const) {
        if (e.provenance[part]?.kind === "documented")
          say(
            `example ${e.name}: its ${part} is marked documented, but the page prints no ${part === "response" ? "response object" : "stream events"}`,
          );
      }
    }
    if (documented.length !== facts.examples.length) say(`${documented.length} documented examples, the page shows ${facts.examples.length}`);
    for (const example of facts.examples) {
      const mine = documented.find((e) => e.title === example.title || e.title.endsWith(`— ${example.title}`));
      if (!mine) {
        say(`no example titled ${JSON.stringify(example.title)}`);
        continue;
      }
      if (example.model !== undefined && example.model !== offering.model) say(`example ${mine.name} calls ${example.model}`);
      for (const d of differences(mine.request, example.request)) say(`example ${mine.name} request ${d}`);
      if (example.answer !== undefined) {
        const text =
          mine.response && !Array.isArray(mine.response)
            ? ((mine.response.choices as JsonObject[] | undefined)?.[0]?.message as JsonObject | undefined)?.content
            : (mine.events ?? []).map((e) => ((e.choices as JsonObject[] | undefined)?.[0]?.delta as JsonObject | undefined)?.content ?? "").join("");
        if (text !== example.answer) say(`example ${mine.name}: its answer is not the page's`);
      }
    }
  }
  return problems;
}
