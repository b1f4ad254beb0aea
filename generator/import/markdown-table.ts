/**
 * A Markdown model page with a parameter table (seed 004: Anyfast, the OpenAI Responses API): the
 * `# Title`, its `>` tagline and first paragraph, limits stated in prose ("a 400K token context
 * window", "up to 128K output tokens"), fenced cURL and Python examples, and the table
 * `| Parameter | Type | Required | Description |`. The provider is the one whose transport's
 * base URL the cURL example calls.
 *
 * Read from a row's description: `Default: \`x\``, `Must be \`x\`` (a constant), a leading
 * `{ a, b }` naming an object's keys (the keys of a list's items: each item has them), and
 * "`a` supports `x`, `y` and `z`" (a key's allowed values). A key the page names without a type is
 * an `x-todo`, as is an array whose items the table does not describe.
 */
import type { Diagnostic } from "../diagnostics.js";
import { regExpText } from "../escape.js";
import type { Json, JsonObject } from "../model.js";
import { joinParameterPath, parameterPaths } from "../parameters.js";
import { isObject, setOwn } from "../schema-walk.js";
import { passes } from "./examples.js";
import { curlExample, pythonExample } from "./code-examples.js";
import { lineProblem, markInputModalities, outputTokenProperty, proseLimits, scalarOf } from "./page-text.js";
import type { Source } from "./source.js";
import { slugOf, streamSection, todo, type ImportedSpec, type ProviderDefaults } from "./spec.js";

const HEADER = /^\|\s*Parameter\s*\|\s*Type\s*\|/im;
const TYPES: Record<string, string> = {
  string: "string",
  integer: "integer",
  int: "integer",
  float: "number",
  number: "number",
  boolean: "boolean",
  bool: "boolean",
  object: "object",
  array: "array",
};

export function isMarkdownTable(text: string): boolean {
  return HEADER.test(text);
}

export interface MarkdownContext {
  cite: string;
  /** Provider id given on the command line, if any. */
  provider?: string;
  /** Provider id → base URLs of its transports, to tell the provider from the examples' URL. */
  baseUrls: ReadonlyMap<string, readonly string[]>;
  defaults: (provider: string) => ProviderDefaults;
}

interface Row {
  line: number;
  name: string;
  type: string;
  required: boolean;
  description: string;
}

export function importMarkdownTable(source: Source, ctx: MarkdownContext): { specs: ImportedSpec[]; diagnostics: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const text = source.text;
  const lines = text.split("\n");
  const rows = readTable(source, lines, problems);
  if (problems.length > 0) return { specs: [], diagnostics: problems };

  const root: JsonObject = { type: "object", required: [], properties: {}, additionalProperties: false };
  const gaps: string[] = [];
  const limits = proseLimits(text);
  for (const row of rows) {
    const at = `/${row.name}`;
    const fail = (message: string) => problems.push(lineProblem(source, row.line, at, message));
    const node = rowSchema(row, fail, gaps);
    if (row.required) (root.required as string[]).push(row.name);
    setOwn(root.properties as JsonObject, row.name, node);
  }
  const output = outputTokenProperty(root);
  if (output && limits.maxOutput && output.node.maximum === undefined) {
    output.node.maximum = limits.maxOutput.value;
    output.node.description = `${String(output.node.description ?? "").replace(/\.$/, "")} (the page: ${limits.maxOutput.phrase}).`.trim();
  }
  const reasoningDefaults = proseDefaults(text, root);
  if ((root.required as string[]).length === 0) delete root.required;

  const codeBlocks = fencedBlocks(lines);
  const curl = codeBlocks
    .map((b) => ({ block: b, example: b.lang === "bash" || /curl\s/.test(b.body) ? curlExample(b.body) : undefined }))
    .find((c) => c.example);
  // The `model` row's constant, else the model the cURL example sends.
  const sent = isObject(curl?.example?.request) ? (curl.example.request as JsonObject).model : undefined;
  const model = modelOf(root) ?? (typeof sent === "string" ? sent : undefined);
  if (!model)
    problems.push(
      lineProblem(
        source,
        rows[0]?.line ?? 1,
        "/model",
        "the page names no model id (a `model` row saying ``Must be `<id>` ``, or a cURL example sending `model`)",
      ),
    );
  const provider = ctx.provider ?? providerOf(curl?.example?.url, ctx.baseUrls);
  if (!provider)
    problems.push(
      lineProblem(
        source,
        curl ? curl.block.line : 1,
        "",
        curl?.example?.url
          ? `no provider file has a transport at ${curl.example.url}: name the provider with --provider ID`
          : "the page has no cURL example naming the endpoint: name the provider with --provider ID",
      ),
    );
  if (problems.length > 0 || !model || !provider) return { specs: [], diagnostics: problems };

  const notes: string[] = [...reasoningDefaults];
  if (limits.contextWindow) notes.push(`Context window from the page: "${limits.contextWindow.phrase}".`);
  if (limits.maxOutput)
    notes.push(`maxOutputTokens from the page: "${limits.maxOutput.phrase}"${output ? `; it is also \`${output.path}\`'s maximum` : ""}.`);
  const inputModalities = markInputModalities(root, notes);
  const accepts = /accepts? ([a-z ,]+?) input/i.exec(text);
  const stated = accepts?.[1]?.split(/,\s*|\s+and\s+|\s+or\s+/).map((w) => w.trim().toLowerCase()) ?? [];
  const missing = stated.filter((m) => m !== "" && !inputModalities.includes(m));
  const examples: JsonObject[] = [];
  const names = new Set<string>();
  const section = headingBefore(lines, codeBlocks[0]?.line ?? 0);
  for (const block of codeBlocks) {
    const parsed = block.lang === "python" ? pythonExample(block.body) : curlExample(block.body);
    if (!parsed || !isObject(parsed.request) || !passes(root, parsed.request)) continue;
    const name = exampleName(block, names);
    examples.push({ name, title: `${section} — ${block.label || block.lang}`, provenance: "documented", request: parsed.request });
  }
  const url = sourceUrl(text);
  const parameters: JsonObject = {};
  for (const path of parameterPaths(root))
    parameters[path] = gaps.includes(path)
      ? todo(`the table names ${path} but gives no type; mark it documented or inferred once its schema is written`)
      : "documented";
  const printed = /print\((\w+(?:\.\w+|\[\d+\])+)\)/.exec(text)?.[1];
  const data: JsonObject = {
    provider,
    slug: slugOf(model),
    model,
    name: /^# (.+)$/m.exec(text)?.[1]?.trim() ?? model,
    description: descriptionOf(lines) ?? todo("the page has no tagline or first paragraph"),
    status: "available",
    contextWindow: limits.contextWindow?.value ?? todo("the page states no context window"),
    maxOutputTokens: limits.maxOutput?.value ?? (typeof output?.node.maximum === "number" ? output.node.maximum : null),
    inputModalities:
      missing.length > 0
        ? todo(
            `the page says the model "${accepts![0]}", but no request parameter carries ${missing.join(", ")}: write the content schema that does (marked x-modality) and list it`,
          )
        : inputModalities,
    outputModalities: ["text"],
    source: {
      seed: ctx.cite,
      section: [
        ...(limits.contextWindow || limits.maxOutput
          ? [headingBefore(lines, lineOf(lines, limits.contextWindow?.phrase ?? limits.maxOutput!.phrase))]
          : []),
        ...(examples.length > 0 ? [`${section} (${codeBlocks.map((b) => b.label || b.lang).join(", ")})`] : []),
      ]
        .concat(`${headingBefore(lines, rows[0]!.line - 1)} table`)
        .join(", ")
        .replace(/, ([^,]*)$/, " and $1"),
      ...(url ? { url } : {}),
    },
    notes,
    request: { provenance: "documented", schema: root, parameters },
    response: todo(
      `the page gives no response shape${printed ? ` (its examples print only \`${printed}\`)` : ""}, and the provider file has no \`import.response\``,
    ),
    ...(/\bstream(ing)?\b/i.test(text)
      ? {
          stream: streamSection(ctx.defaults(provider), "the page says the model streams but gives no event shape"),
        }
      : {}),
    examples,
  };
  return { specs: [{ provider, slug: data.slug as string, layout: "markdown-table", source: source.file, data }], diagnostics: problems };
}

/** The table's rows; a header without its separator, a row cut short or a repeated parameter is a located problem. */
function readTable(source: Source, lines: readonly string[], problems: Diagnostic[]): Row[] {
  const header = lines.findIndex((l) => HEADER.test(l));
  const columns = cells(lines[header]!).map((c) => c.toLowerCase());
  const column = (name: string) => columns.indexOf(name);
  if (!/^\|(\s*:?-{3,}:?\s*\|)+$/.test(lines[header + 1]?.trim() ?? "")) {
    problems.push(
      lineProblem(source, header + 2, "", "the parameter table's header is not followed by its `| --- |` separator row: the table is truncated"),
    );
    return [];
  }
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (let i = header + 2; i < lines.length && lines[i]!.trim().startsWith("|"); i++) {
    const line = lines[i]!.trim();
    const values = cells(line);
    if (!line.endsWith("|") || values.length !== columns.length) {
      problems.push(
        lineProblem(
          source,
          i + 1,
          "",
          `the table row has ${values.length} cell(s)${line.endsWith("|") ? "" : " and no closing `|`"}, the header ${columns.length}: the table is truncated`,
        ),
      );
      continue;
    }
    const name = values[column("parameter")]!.replace(/`/g, "").trim();
    const at = `/${name}`;
    const first = seen.get(name);
    if (first !== undefined) {
      problems.push(lineProblem(source, i + 1, at, `two values for one field: the parameter ${name} is also given at line ${first}`));
      continue;
    }
    seen.set(name, i + 1);
    const type = TYPES[values[column("type")]!.replace(/`/g, "").trim().toLowerCase()];
    if (!type)
      problems.push(
        lineProblem(source, i + 1, at, `unknown type ${JSON.stringify(values[column("type")])} (expected ${Object.keys(TYPES).join(", ")})`),
      );
    const requiredCell = column("required") >= 0 ? values[column("required")]!.trim().toLowerCase() : "no";
    if (!/^(yes|no|true|false|required|optional|)$/.test(requiredCell))
      problems.push(lineProblem(source, i + 1, at, `the Required cell says ${JSON.stringify(requiredCell)}; expected Yes or No`));
    rows.push({
      line: i + 1,
      name,
      type: type ?? "string",
      required: /^(yes|true|required)$/.test(requiredCell),
      description: column("description") >= 0 ? values[column("description")]!.trim() : "",
    });
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push(lineProblem(source, header + 1, "", "the parameter table has no rows: the table is truncated"));
  return rows;
}

function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** One row's schema: its type, and what its description says (default, constant, keys, allowed values). */
function rowSchema(row: Row, fail: (message: string) => void, gaps: string[]): JsonObject {
  let description = row.description;
  const node: JsonObject = { type: row.type };
  const defaults = [...description.matchAll(/\s*Default:\s*`([^`]*)`\.?/g)];
  if (defaults.length > 1)
    fail(`two values for one field: the description gives ${defaults.length} defaults (${defaults.map((d) => d[1]).join(", ")})`);
  if (defaults[0]) {
    node.default = scalarOf(defaults[0][1]!, row.type);
    description = description.replace(defaults[0][0], "").trim();
  }
  const constant = /^Must be `([^`]+)`\.?$/.exec(description);
  if (constant) node.const = scalarOf(constant[1]!, row.type);
  const keys = /`\{\s*([\w\s,]+?)\s*\}`/.exec(description);
  const keyNames = keys
    ? keys[1]!
        .split(",")
        .map((k) => k.trim())
        .filter((k) => k !== "")
    : [];
  // `{ a, b }` names the object's keys, or each list item's.
  let target: JsonObject | undefined;
  if (keyNames.length > 0 && row.type === "object") target = node;
  if (keyNames.length > 0 && row.type === "array") {
    target = { type: "object" };
    node.items = target;
  }
  if (target) {
    const properties: JsonObject = {};
    for (const key of keyNames) {
      // "`effort` supports `none`, `low`, … and `xhigh`": the key's allowed values; the sentence is not the parent's description.
      const allowed = new RegExp(`\\s*\`${key}\` supports ((?:\`[^\`]+\`(?:,?\\s+(?:and|or)\\s+|,\\s*)?)+)`).exec(description);
      if (allowed) {
        setOwn(properties, key, { type: "string", enum: [...allowed[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!) });
        description = description.replace(allowed[0], "").trim();
        continue;
      }
      // Spelled as parameterPaths spells it (a name with a dot or a space is quoted), so the gap is found again.
      const parent = joinParameterPath("", row.name);
      const path = joinParameterPath(row.type === "array" ? `${parent}[]` : parent, key);
      gaps.push(path);
      setOwn(properties, key, { "x-todo": `the table names \`${key}\` in \`{ ${keyNames.join(", ")} }\` but gives no type` });
    }
    target.properties = properties;
    if (row.type === "array") target.required = keyNames;
    target.additionalProperties = false;
  } else if (row.type === "array") {
    node.items = { "x-todo": `the table gives no item type for ${row.name} ("${description}")` };
  }
  return description === "" ? node : { description, ...node };
}

/** "Configure reasoning effort: none (default), low, medium…": a default for the enum whose values the sentence lists. */
function proseDefaults(text: string, root: JsonObject): string[] {
  const notes: string[] = [];
  const visit = (node: Json, path: string) => {
    if (!isObject(node) || !isObject(node.properties)) return;
    for (const [key, child] of Object.entries(node.properties as JsonObject)) {
      if (!isObject(child)) continue;
      const values = Array.isArray(child.enum) ? (child.enum as string[]) : undefined;
      if (values && child.default === undefined) {
        for (const line of text.split("\n")) {
          const chosen = /(\w+) \(default\)/.exec(line)?.[1];
          if (chosen && values.includes(chosen) && values.every((v) => new RegExp(`\\b${regExpText(v)}\\b`).test(line))) {
            child.default = chosen;
            notes.push(
              `\`${path}${key}\` default \`${chosen}\` from the page's prose: "${line
                .replace(/\*\*/g, "")
                .replace(/^[\s*-]+/, "")
                .trim()}".`,
            );
            break;
          }
        }
      }
      visit(child, `${path}${key}.`);
    }
  };
  visit(root, "");
  return notes;
}

function modelOf(root: JsonObject): string | undefined {
  const model = isObject(root.properties) ? (root.properties as JsonObject).model : undefined;
  return isObject(model) && typeof model.const === "string" ? model.const : undefined;
}

function providerOf(url: string | undefined, baseUrls: ReadonlyMap<string, readonly string[]>): string | undefined {
  if (!url) return undefined;
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return undefined;
  }
  for (const [id, urls] of baseUrls) if (urls.some((u) => URL.canParse(u) && new URL(u).host === host)) return id;
  return undefined;
}

interface Block {
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  label: string;
  body: string;
}

function fencedBlocks(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*```(\w+)\s*([^`]*?)(?:\s+theme=\{[^}]*\})?\s*$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && /^\s*```\s*$/.test(l));
    if (end < 0) break;
    out.push({ line: i + 1, lang: open[1]!.toLowerCase(), label: open[2]!.trim(), body: lines.slice(i + 1, end).join("\n") });
    i = end;
  }
  return out;
}

const LANGUAGE_NAMES = new Set(["curl", "python", "javascript", "typescript", "node", "go", "java", "ruby", "php", "bash", "shell"]);

/** `bash cURL` → curl, `python Python` → python, `python Streaming` → python-streaming. */
function exampleName(block: Block, names: Set<string>): string {
  const label = block.label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  let name = label === "" ? block.lang : LANGUAGE_NAMES.has(label) ? label : `${block.lang}-${label}`;
  for (let n = 2; names.has(name); n++) name = `${name.replace(/-\d+$/, "")}-${n}`;
  names.add(name);
  return name;
}

/** The `## ` heading above a 0-based line. */
function headingBefore(lines: readonly string[], index: number): string {
  for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
    const heading = /^#{2,3} (.+)$/.exec(lines[i]!.trim());
    if (heading) return heading[1]!.trim();
  }
  return "Page";
}

function lineOf(lines: readonly string[], needle: string): number {
  return Math.max(
    0,
    lines.findIndex((l) => l.includes(needle)),
  );
}

/** The title's `>` tagline and the paragraph after it. */
function descriptionOf(lines: readonly string[]): string | undefined {
  const title = lines.findIndex((l) => /^# /.test(l));
  if (title < 0) return undefined;
  const parts: string[] = [];
  let i = title + 1;
  while (i < lines.length && lines[i]!.trim() === "") i++;
  if (/^>\s*/.test(lines[i] ?? "")) {
    parts.push(
      lines[i]!.replace(/^>\s*/, "")
        .trim()
        .replace(/([^.])$/, "$1."),
    );
    i++;
  }
  while (i < lines.length && lines[i]!.trim() === "") i++;
  if (i < lines.length && !/^[#|<`*-]/.test(lines[i]!.trim())) parts.push(lines[i]!.trim());
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/** The page's address: its documentation index's site joined with the API reference card's link. */
function sourceUrl(text: string): string | undefined {
  const index = /documentation index at: (https:\/\/\S+)/.exec(text)?.[1];
  const href = /<Card [^>]*href="(\/[^"]+)"/.exec(text)?.[1];
  if (!index || !href || !URL.canParse(index)) return undefined;
  return new URL(href, new URL(index).origin).href;
}
