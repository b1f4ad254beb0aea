/**
 * Reading the seed pages of schemas/seeds/ (test/seed-fidelity.test.ts): what each page states,
 * parameter by parameter and example by example, read out of the page text, never out of the specs.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Json, JsonObject } from "../../generator/model.js";
import { joinParameterPath } from "../../generator/parameters.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { SCHEMAS_DIR } from "../helpers.js";

export const SEEDS_DIR = path.join(SCHEMAS_DIR, "seeds");
export const SHARED_SEEDS_DIR = path.join(PROJECT_ROOT, "..", "shared", "seeds");
export const seedFiles = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort();
export const seedText = (file: string) => readFileSync(path.join(SEEDS_DIR, file), "utf8");

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

export interface SeedFacts {
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

export const seeds: SeedFacts[] = seedFiles.map((file) => readers[file.slice(0, 3)]!(file, seedText(file)));
export const seed000 = seeds.find((s) => s.seed.startsWith("000"))!;
