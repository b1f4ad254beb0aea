/**
 * The specs against the seed pages themselves. Everything expected here is read out of the page
 * text in schemas/seeds/ (a verbatim copy of ../shared/seeds, so a clean clone has them), never
 * out of the specs:
 *  - 000's input and output JSON Schemas, parsed from the page, equal the specs' schemas once
 *    `$ref`s are inlined and descriptions dropped (002 and 003 share them, marked inferred);
 *  - every parameter of 001's listing, 002/003's parameter lists and 004's table (plus its prose)
 *    is in the spec with each constraint the page states, and with the right provenance;
 *  - every example request a page shows is a named example of its spec, and every answer the
 *    page shows is that example's response;
 *  - model ids, status and context windows are the pages'.
 * `auditSeeds(model)` collects every disagreement; a spec with a dropped parameter or a loosened
 * bound (built below in memory) must produce one.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { loadModel } from "../generator/generate.js";
import { readSpecDir, type SpecFiles } from "../generator/load.js";
import type { Json, JsonObject, Model, OfferingSpec } from "../generator/model.js";
import { dereference, findParameter, joinParameterPath } from "../generator/parameters.js";
import { PROJECT_ROOT } from "../generator/options.js";
import { SCHEMAS_DIR } from "./helpers.js";

const SEEDS_DIR = path.join(SCHEMAS_DIR, "seeds");
const SHARED_SEEDS_DIR = path.join(PROJECT_ROOT, "..", "shared", "seeds");
const seedFiles = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort();
const seedText = (file: string) => readFileSync(path.join(SEEDS_DIR, file), "utf8");
const specFiles = await readSpecDir(SCHEMAS_DIR);
const model = loadModel(specFiles);

// ---------------------------------------------------------------------------------------------
// Reading the pages

/** Every top-level JSON object in a text, in order (brace matching that skips strings). */
function balancedSpans(text: string, open: string, close: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let depth = 0;
  let start = -1;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === open) {
      if (depth++ === 0) start = i;
    } else if (c === close && depth > 0 && --depth === 0) spans.push({ start, end: i + 1 });
  }
  return spans;
}

/** A JavaScript or Python object literal as it appears in a page's code, as JSON. */
function parseLiteral(source: string): Json {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "'" || c === '"') {
      let value = "";
      for (i++; source[i] !== c; i++) value += source[i] === "\\" ? source[++i] : source[i];
      out += JSON.stringify(value);
    } else if (/[A-Za-z_$]/.test(c)) {
      const word = /^[\w$]+/.exec(source.slice(i))![0];
      i += word.length - 1;
      const rest = source.slice(i + 1);
      const key = /^\s*[:=](?!=)/.exec(rest);
      if (key) {
        out += `${JSON.stringify(word)}:`;
        i += key[0].length;
      } else out += ({ True: "true", False: "false", None: "null" } as Record<string, string>)[word] ?? word;
    } else if (c === "," && /^\s*[}\])]/.test(source.slice(i + 1))) {
      // a trailing comma
    } else out += c;
  }
  return JSON.parse(out) as Json;
}

/** What a page states about one parameter, in JSON Schema words. */
interface Stated {
  type?: string;
  required?: boolean;
  /** The page counts the allowed values without naming them ("Allowed values 4 values"). */
  valueCount?: number;
  /** The page gives the number of properties of an object (or of an array's items). */
  propertyCount?: number;
  itemsType?: string;
  keywords: JsonObject;
}

interface SeedExample {
  title: string;
  model?: string;
  request: JsonObject;
  /** The model's answer as the page prints it, when it does. */
  answer?: string;
}

interface SeedFacts {
  seed: string;
  model: string;
  contextWindow: number;
  /** Where the page states an output limit of its own. */
  maxOutputTokens?: number;
  status?: string;
  /** Parameters the page names, with what it states about them. */
  parameters: Map<string, Stated>;
  /** The page's own JSON Schemas, when it has them (000). */
  schemas?: { request: JsonObject; response: JsonObject };
  examples: SeedExample[];
}

const number = (text: string) => Number(text.replace(/,/g, ""));

/** Cloudflare pages: `env.AI.run(model, inputs, options)` examples, with the answers 002/003 print. */
function cloudflareExamples(text: string): SeedExample[] {
  const calls = text.split("const response = await env.AI.run(");
  const end = text.search(/\n?Parameters\n/);
  return calls
    .slice(1)
    .map((call, index) => {
      // The title is the last line before this call (a "TypeScript" tab label aside).
      const before = calls[index]!.replace(/\n?TypeScript\s*$/, "").trimEnd();
      const lines = before.split("\n");
      const title = lines
        .at(-1)!
        .replace(/^.*console\.log\(response\)(Examples)?/, "")
        .trim();
      const argument = /^\s*'([^']+)',\s*/.exec(call)!;
      const inputs = balancedSpans(call, "{", "}")[0]!;
      return { title, model: argument[1]!, request: parseLiteral(call.slice(inputs.start, inputs.end)) as JsonObject };
    })
    .map((example, index, all) => {
      // The answer is what follows `console.log(response)`, up to the next example's title.
      const from =
        text.indexOf("console.log(response)", nthIndex(text, "const response = await env.AI.run(", index)) + "console.log(response)".length;
      const to = index + 1 < all.length ? nthIndex(text, "const response = await env.AI.run(", index + 1) : end;
      let answer = text
        .slice(from, to)
        .replace(/\n?TypeScript\s*$/, "")
        .trimEnd();
      if (index + 1 < all.length) answer = answer.slice(0, answer.length - all[index + 1]!.title.length).trimEnd();
      answer = answer.replace(/\n*Examples$/, "").trim();
      return answer ? { ...example, answer } : example;
    });
}

function nthIndex(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  return at;
}

/** JSON Schema property paths (`messages[].role`) and their schemas, as the page's schema has them. */
function schemaParameters(schema: JsonObject, prefix = "", out = new Map<string, Stated>()): Map<string, Stated> {
  const properties = (schema.properties ?? {}) as JsonObject;
  const requiredKeys = (schema.required ?? []) as string[];
  for (const [key, sub] of Object.entries(properties)) {
    const at = joinParameterPath(prefix, key);
    const { properties: _p, items: _i, required: _r, ...keywords } = sub as JsonObject;
    out.set(at, { required: requiredKeys.includes(key), keywords });
    schemaParameters(sub as JsonObject, at, out);
    const items = (sub as JsonObject).items;
    if (items && typeof items === "object" && !Array.isArray(items)) schemaParameters(items as JsonObject, `${at}[]`, out);
  }
  return out;
}

/** 000: the page's two JSON Schemas and its examples. */
function readSeed000(file: string, text: string): SeedFacts {
  const schemaText = text.slice(text.indexOf("API Schemas"));
  const [request, response] = balancedSpans(schemaText, "{", "}").map((s) => JSON.parse(schemaText.slice(s.start, s.end)) as JsonObject);
  const examples = cloudflareExamples(text);
  return {
    seed: file,
    model: examples[0]!.model!,
    contextWindow: number(/Context Window\D*([\d,]+) tokens/.exec(text)![1]!),
    parameters: schemaParameters(request!),
    schemas: { request: request!, response: response! },
    examples,
  };
}

/** 002 and 003: a parameter list (`name` then `numberminimum: 0maximum: 2`) and answered examples. */
function readCloudflareList(file: string, text: string): SeedFacts {
  const list = text.slice(text.indexOf("\nParameters\n"), text.indexOf("API Schemas"));
  const lines = list
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(1);
  const parameters = new Map<string, Stated>();
  for (let i = 0; i < lines.length; i++) {
    const typed = /^(number|integer|boolean|string|array|object)(.*)$/.exec(lines[i + 1] ?? "");
    const keywords: JsonObject = {};
    if (typed) {
      for (const [, word, value] of typed[2]!.matchAll(/(exclusiveMinimum|exclusiveMaximum|minimum|maximum): (-?[\d.]+)/g))
        keywords[word!] = Number(value);
      i++;
    }
    parameters.set(lines[typed ? i - 1 : i]!, { ...(typed && { type: typed[1]! }), keywords });
  }
  const examples = cloudflareExamples(text);
  return { seed: file, model: examples[0]!.model!, contextWindow: number(/Context Window\D*([\d,]+) tokens/.exec(text)![1]!), parameters, examples };
}

/** 001: Runware's listing (`name`, then `integer min: 1 max: 4 default: 1`, then prose). */
function readRunwareListing(file: string, text: string): SeedFacts {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const TYPE = /^(string|integer|float|boolean|object|array of (strings|objects))\b(.*)$/;
  const parameters = new Map<string, Stated>();
  const kinds = new Map<string, string>();
  let breadcrumb: string[] | undefined;
  let current: Stated | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\w+( » \w+)+$/.test(line)) {
      breadcrumb = line.split(" » ");
      continue;
    }
    const typed = TYPE.exec(lines[i + 1] ?? "");
    if (/^[A-Za-z]+$/.test(line) && typed) {
      const parts = breadcrumb?.at(-1) === line ? breadcrumb : [line];
      breadcrumb = undefined;
      const at = parts.reduce(
        (prefix, part) => (prefix === "" ? part : `${prefix}${kinds.get(prefix)?.startsWith("array") ? "[]" : ""}.${part}`),
        "",
      );
      const [, kind, itemKind, rest] = typed;
      kinds.set(at, kind!);
      const keywords: JsonObject = {};
      const isString = kind === "string";
      const min = /(?:^| )min: (-?[\d.]+)/.exec(rest!);
      const max = /(?:^| )max: (-?[\d.]+)/.exec(rest!);
      if (min) keywords[isString ? "minLength" : "minimum"] = Number(min[1]);
      if (max) keywords[isString ? "maxLength" : "maximum"] = Number(max[1]);
      const step = /step: ([\d.]+)/.exec(rest!);
      // A step is the page's slider increment, kept as an annotation (not a constraint the API enforces).
      if (step) keywords["x-step"] = Number(step[1]);
      const minItems = /min items: (\d+)/.exec(rest!);
      if (minItems) keywords.minItems = Number(minItems[1]);
      const fallback = /default: (\S+)/.exec(rest!);
      if (fallback) keywords.default = /^(true|false|-?[\d.]+)$/.test(fallback[1]!) ? (JSON.parse(fallback[1]!) as Json) : fallback[1]!;
      const fixed = /value: (\S+)/.exec(rest!);
      if (fixed) keywords.const = fixed[1]!;
      if (/UUID v4/.test(rest!)) keywords.format = "uuid";
      if (/\bURI\b/.test(rest!)) keywords.format = "uri";
      current = {
        type: kind === "float" ? "number" : kind!.startsWith("array") ? "array" : kind!,
        required: /\brequired\b/.test(rest!),
        ...(itemKind && { itemsType: itemKind === "strings" ? "string" : "object" }),
        keywords,
      };
      parameters.set(at, current);
      i++;
      continue;
    }
    const count = /^Allowed values (\d+) values$/.exec(line);
    if (count && current) current.valueCount = Number(count[1]);
    const properties = /^Properties (\d+) properties$/.exec(line);
    if (properties && current) current.propertyCount = Number(properties[1]);
  }
  return {
    seed: file,
    model: /^MODEL ID (\S+)$/m.exec(text)![1]!,
    status: /^(coming-soon|available|beta|deprecated)$/m.exec(text)?.[1],
    contextWindow: number(/(\d+)K token context window/.exec(text)![1]!) * 1000,
    parameters,
    examples: [],
  };
}

/** 004: the Markdown parameter table, the prose about limits, and the cURL / Python examples. */
function readAnyfastPage(file: string, text: string): SeedFacts {
  const parameters = new Map<string, Stated>();
  const table = text.slice(text.indexOf("## Parameters"));
  for (const [, name, kind, required, description] of table.matchAll(/^\| `(\w+)`\s*\| (\w+)\s*\| (Yes|No)\s*\| (.*?)\s*\|$/gm)) {
    const keywords: JsonObject = {};
    const fallback = /Default: `([^`]+)`/.exec(description!);
    if (fallback) keywords.default = /^(true|false|-?[\d.]+)$/.test(fallback[1]!) ? (JSON.parse(fallback[1]!) as Json) : fallback[1]!;
    const fixed = /Must be `([^`]+)`/.exec(description!);
    if (fixed) keywords.const = fixed[1]!;
    parameters.set(name!, { type: kind === "float" ? "number" : kind!, required: required === "Yes", keywords });
    // `{ effort, summary }`: the object's fields; `List of { role, content } objects`: its items' fields.
    const fields = /`\{ ([\w, ]+) \}`/.exec(description!);
    for (const field of fields ? fields[1]!.split(", ") : []) {
      const at = `${name}${kind === "array" ? "[]" : ""}.${field}`;
      const values = new RegExp(`\`${field}\` supports (.*)$`).exec(description!);
      parameters.set(at, { keywords: values ? { enum: [...values[1]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!) } : {} });
    }
  }
  // Prose: "Configure reasoning effort: none (default), ..." and "up to 128K output tokens".
  const effortDefault = /reasoning effort: (\w+) \(default\)/.exec(text);
  if (effortDefault) parameters.get("reasoning.effort")!.keywords.default = effortDefault[1]!;
  const outputLimit = /up to (\d+)K output tokens/.exec(text);
  if (outputLimit) parameters.get("max_output_tokens")!.keywords.maximum = Number(outputLimit[1]) * 1000;

  const examples: SeedExample[] = [];
  for (const [, , label, code] of text.matchAll(/```(\w+) (\w+) theme=\{null\}\n([\s\S]*?)```/g)) {
    let request: JsonObject;
    if (label === "cURL") request = JSON.parse(/-d '([\s\S]*?)'/.exec(code!)![1]!) as JsonObject;
    else {
      const call = code!.slice(code!.indexOf("client.responses.create("));
      const args = balancedSpans(call, "(", ")")[0]!;
      request = parseLiteral(`{${call.slice(args.start + 1, args.end - 1)}}`) as JsonObject;
    }
    examples.push({ title: label!, request });
  }
  return {
    seed: file,
    model: parameters.get("model")!.keywords.const as string,
    contextWindow: number(/(\d+)K token context window/.exec(text)![1]!) * 1000,
    ...(outputLimit && { maxOutputTokens: Number(outputLimit[1]) * 1000 }),
    parameters,
    examples,
  };
}

const readers: Record<string, (file: string, text: string) => SeedFacts> = {
  "000": readSeed000,
  "001": readRunwareListing,
  "002": readCloudflareList,
  "003": readCloudflareList,
  "004": readAnyfastPage,
};

const seeds: SeedFacts[] = seedFiles.map((file) => readers[file.slice(0, 3)]!(file, seedText(file)));
const seed000 = seeds.find((s) => s.seed.startsWith("000"))!;

// ---------------------------------------------------------------------------------------------
// Comparing

const ANNOTATIONS = new Set(["description", "title", "$comment", "examples", "$schema", "$defs"]);

/** A bundled schema with `$ref`s inlined and annotations dropped: what it means, not how it is written. */
function meaning(root: JsonObject, node: Json = root): Json {
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

const strip = ({ $schema: _, ...schema }: JsonObject): JsonObject => schema;

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

const offeringOf = (m: Model, seed: string) => m.offerings.filter((o) => o.source.seed === seed);
const isReconstructed = (facts: SeedFacts) => !facts.schemas && facts.seed !== seed000.seed && facts.model.startsWith("openai/");

/** Every way the specs in `m` disagree with the pages. Empty when the specs are faithful. */
function auditSeeds(m: Model): string[] {
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

// ---------------------------------------------------------------------------------------------
// Tests

describe("the seed pages", () => {
  it("are read as the pages say (guards the readers themselves)", () => {
    expect(seedFiles).toEqual([
      "000_a89bc762b21b47b9.txt",
      "001_70f3029293a2a987.txt",
      "002_0e1d7c0edc7d8d51.txt",
      "003_b4c33ac914a4a642.txt",
      "004_f951ccde1e2f37c5.txt",
    ]);
    const summary = seeds.map((s) => [
      s.seed.slice(0, 3),
      s.model,
      s.contextWindow,
      s.parameters.size,
      s.examples.length,
      s.examples.filter((e) => e.answer).length,
    ]);
    expect(summary).toEqual([
      ["000", "openai/gpt-5.4-mini", 128000, 15, 5, 0],
      ["001", "openai:gpt@5.4-mini", 400000, 22, 0, 0],
      ["002", "openai/gpt-5.4-nano", 128000, 9, 5, 5],
      ["003", "openai/gpt-5.4", 1000000, 9, 5, 5],
      ["004", "gpt-5.4-mini", 400000, 15, 3, 0],
    ]);
    expect(Object.keys(seed000.schemas!.request.properties as JsonObject)).toHaveLength(12);
    expect(seed000.schemas!.response.required).toEqual(["id", "object", "created", "model", "choices"]);
    const runware = seeds[1]!.parameters;
    expect(runware.get("settings.toolChoice.type")).toMatchObject({ type: "string", required: true, valueCount: 4 });
    expect(runware.get("settings.temperature")).toEqual({
      type: "number",
      required: false,
      keywords: { minimum: 0, maximum: 2, "x-step": 0.01, default: 1 },
    });
    expect(runware.get("taskUUID")!.keywords).toEqual({ format: "uuid" });
    expect(runware.get("messages[].content")).toMatchObject({ required: true, keywords: { minLength: 1 } });
    expect(seeds[4]!.parameters.get("max_output_tokens")!.keywords).toEqual({ maximum: 128000 });
    expect(seeds[2]!.examples[4]!.answer).toMatch(/^Recursion is a programming technique[\s\S]*traversing a tree\.$/);
    expect(seeds[3]!.examples[0]!.answer).toMatch(/^The \*\*three laws[\s\S]*explanation of each law\.$/);
  });

  // The copies make a clean clone self-contained; where the originals are at hand, they must match.
  it.skipIf(!existsSync(SHARED_SEEDS_DIR))("schemas/seeds and schemas/provider-notes.md are verbatim copies of ../shared", () => {
    const originals = readdirSync(SHARED_SEEDS_DIR);
    expect(readdirSync(SEEDS_DIR).sort()).toEqual(originals.sort());
    for (const file of originals) {
      expect(readFileSync(path.join(SEEDS_DIR, file), "utf8"), file).toBe(readFileSync(path.join(SHARED_SEEDS_DIR, file), "utf8"));
    }
    const notes = (dir: string) => readFileSync(path.join(dir, "provider-notes.md"), "utf8");
    expect(notes(SCHEMAS_DIR)).toBe(notes(path.dirname(SHARED_SEEDS_DIR)));
  });
});

describe("the specs against the pages", () => {
  it("agree: every parameter, constraint, schema, example, answer, model id and context window", () => {
    expect(auditSeeds(model)).toEqual([]);
  });

  it("a source url is on its page: the page names its site and links the path (only 004 gives one)", () => {
    const withUrl = model.offerings.filter((o) => o.source.url !== undefined);
    expect(withUrl.map((o) => o.source.seed)).toEqual(["004_f951ccde1e2f37c5.txt"]);
    for (const offering of withUrl) {
      const url = new URL(offering.source.url!);
      const text = seedText(offering.source.seed);
      expect(text).toContain(`${url.origin}/`);
      expect(text).toContain(`href="${url.pathname}"`);
    }
  });

  it("000's input and output JSON Schemas are the specs' schemas, $refs inlined (verbatim in meaning)", () => {
    const mini = model.offerings.find((o) => o.id === "cloudflare/gpt-5.4-mini")!;
    expect(meaning(mini.request.schema)).toEqual(strip(seed000.schemas!.request));
    expect(meaning(mini.response.schema)).toEqual(strip(seed000.schemas!.response));
  });

  it.each(seeds.map((s) => [s.seed, s.examples.length] as const))("%s: every example the page shows is a named example (%i)", (seed, count) => {
    const offering = offeringOf(model, seed)[0]!;
    const documented = offering.examples.filter((e) => e.provenance.request.kind === "documented");
    expect(documented).toHaveLength(count);
    for (const example of documented) expect(example.name).toMatch(/^[a-z0-9-]+$/);
    // Pages that print the model's answers: each is an example response (or stream) in the provider's shape.
    const answered = seeds.find((s) => s.seed === seed)!.examples.filter((e) => e.answer).length;
    expect(documented.filter((e) => e.response || e.events).length).toBeGreaterThanOrEqual(answered);
  });

  it("where the pages disagree with other sources, the spec follows the page and says so", () => {
    const byId = (id: string) => model.offerings.find((o) => o.id === id)!;
    const runware = byId("runware/gpt-5.4-mini");
    // 001 puts toolChoice and tools inside `settings`; Runware's SDK types have them at the top level.
    expect(findParameter(runware.request.schema, "settings.toolChoice")).toBeDefined();
    expect(findParameter(runware.request.schema, "settings.tools")).toBeDefined();
    expect(findParameter(runware.request.schema, "toolChoice")).toBeUndefined();
    expect(runware.notes.join("\n")).toMatch(/`toolChoice` and `tools` inside `settings`.*top level.*follows the page/);
    // gpt-5.4-mini: 128,000 on Cloudflare, 400K on Runware and Anyfast; each spec names the other figure.
    for (const id of ["cloudflare/gpt-5.4-mini", "runware/gpt-5.4-mini", "anyfast/gpt-5.4-mini"]) {
      expect(byId(id).notes.join("\n"), id).toMatch(/128,000[\s\S]*400K|400K[\s\S]*128,000/);
    }
  });

  /** The specs with one YAML edit applied, loaded in memory. */
  function edited(file: string, edit: (doc: ReturnType<typeof parseDocument>) => void): Model {
    const doc = parseDocument(new TextDecoder().decode(specFiles.get(file)!));
    edit(doc);
    const files: SpecFiles = new Map([...specFiles, [file, new TextEncoder().encode(doc.toString())]]);
    return loadModel(files);
  }

  it.each([
    [
      "a listed Runware parameter dropped (schema and provenance)",
      "runware/gpt-5.4-mini.yaml",
      (doc: ReturnType<typeof parseDocument>) => {
        doc.deleteIn(["request", "schema", "properties", "webhookURL"]);
        doc.deleteIn(["request", "parameters", "webhookURL"]);
      },
      "parameter webhookURL is missing",
    ],
    [
      "Anyfast's 128K output limit loosened",
      "anyfast/gpt-5.4-mini.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.deleteIn(["request", "schema", "properties", "max_output_tokens", "maximum"]),
      "max_output_tokens: maximum undefined, page 128000",
    ],
    [
      "a constraint of 000's input schema dropped",
      "cloudflare/shared/chat-completions.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.deleteIn(["$defs", "Request", "properties", "max_tokens", "exclusiveMinimum"]),
      "request schema /properties/max_tokens/exclusiveMinimum: spec undefined, page 0",
    ],
    [
      "a role added to 000's message schema",
      "cloudflare/shared/chat-completions.yaml",
      (doc: ReturnType<typeof parseDocument>) =>
        doc.setIn(["$defs", "Message", "properties", "role", "enum"], ["system", "developer", "user", "assistant", "tool", "function"]),
      "request schema /properties/messages/items/properties/role/enum",
    ],
    [
      "a counted enum given one value too many",
      "runware/shared/text-inference.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(["$defs", "ThinkingLevel", "x-open-enum"], ["off", "minimal", "low", "medium", "high"]),
      "settings.thinkingLevel: 5 allowed values, page counts 4",
    ],
    [
      "an unconfirmed counted list closed",
      "runware/shared/text-inference.yaml",
      (doc: ReturnType<typeof parseDocument>) => {
        doc.setIn(["$defs", "ToolChoiceType", "enum"], doc.getIn(["$defs", "ToolChoiceType", "x-open-enum"]));
        doc.deleteIn(["$defs", "ToolChoiceType", "x-open-enum"]);
      },
      "settings.toolChoice.type: no source confirms its values, so it must be an open enum (x-open-enum)",
    ],
    [
      "a confirmed counted list opened",
      "runware/shared/text-inference.yaml",
      (doc: ReturnType<typeof parseDocument>) => {
        doc.setIn(["$defs", "DeliveryMethod", "x-open-enum"], doc.getIn(["$defs", "DeliveryMethod", "enum"]));
        doc.deleteIn(["$defs", "DeliveryMethod", "enum"]);
      },
      "deliveryMethod: the provider notes confirm its values, so it must be a closed enum",
    ],
    [
      "an unstated bound no longer marked inferred",
      "anyfast/gpt-5.4-mini.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.deleteIn(["request", "schema", "properties", "top_p", "x-inferred"]),
      "top_p: minimum 0 is not on the page; mark it `x-inferred: { minimum: <reason> }`",
    ],
    [
      "a made-up answer labelled documented",
      "anyfast/gpt-5.4-mini.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(["examples", 0, "provenance"], "documented"),
      "example curl: its response is marked documented, but the page prints no response object",
    ],
    [
      "a stated default changed",
      "runware/gpt-5.4-mini.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(["request", "schema", "properties", "numberResults", "default"], 2),
      "numberResults: default 2, page 1",
    ],
    [
      "an answer the page prints, edited",
      "cloudflare/gpt-5.4-nano.yaml",
      (doc: ReturnType<typeof parseDocument>) =>
        doc.setIn(
          ["examples", 0, "response", "choices", 0, "message", "content"],
          String(doc.getIn(["examples", 0, "response", "choices", 0, "message", "content"])).replace("Zeroth", "Zeroeth"),
        ),
      "example usage: its answer is not the page's",
    ],
    [
      "an example request changed",
      "anyfast/gpt-5.4-mini.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(["examples", 2, "request", "stream"], false),
      "example python-streaming request /stream: spec false, page true",
    ],
    [
      "an example dropped",
      "cloudflare/gpt-5.4.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.deleteIn(["examples", 1]),
      "4 documented examples, the page shows 5",
    ],
    [
      "a 002-listed parameter marked inferred",
      "cloudflare/gpt-5.4-nano.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(["request", "parameters", "top_p"], doc.createNode({ inferred: "same API as 000" })),
      "top_p: the page documents it, but the spec marks it inferred",
    ],
  ])("finds a spec that drifts from its page: %s", (_, file, edit, expected) => {
    const problems = auditSeeds(edited(file, edit));
    expect(
      problems.some((p) => p.includes(expected)),
      problems.join("\n"),
    ).toBe(true);
  });
});
