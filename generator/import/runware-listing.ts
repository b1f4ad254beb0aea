/**
 * Runware's model page as text (seed 001): `MODEL ID <air id>`, a status badge, the title and
 * description, then the parameter listing in groups (API Options, Inputs, Generation Parameters,
 * Settings). Each parameter is an optional path line (`settings » toolChoice » type`), its name, a
 * type line (`float min: 0 max: 2 step: 0.01 default: 1`, `string required UUID v4`, `array of
 * objects required min items: 1`) and a description, with `Allowed values N values` (a count, the
 * values themselves unspelled) and `Properties N properties` (the children that follow).
 *
 * Objects whose properties the listing enumerates are closed (`additionalProperties: false`): the
 * listing is the page's whole parameter set. A counted enum is an `x-todo` naming the count and
 * the descriptions, since the page does not spell the values.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { Json, JsonObject } from "../model.js";
import { joinParameterPath, parameterPaths } from "../parameters.js";
import { isObject, setOwn } from "../schema-walk.js";
import { checkedExamples } from "./examples.js";
import { lineProblem, markInputModalities, numberedLines, outputTokenProperty, proseLimits, scalarOf, type Line } from "./page-text.js";
import type { Source } from "./source.js";
import { slugOf, streamSection, todo, type ImportedSpec, type ProviderDefaults } from "./spec.js";

const TYPE_LINE =
  /^(string|integer|float|number|boolean|object|array)(?: of (strings|integers|floats|numbers|booleans|objects|arrays))?(?=\s|$)(.*)$/;
const PATH_LINE = /^\S+( » \S+)+$/;
const NAME_LINE = /^[A-Za-z_$][\w$-]*$/;
const LEARN_MORE = /^Learn more \d+ resources?$/;
const ALLOWED = /^Allowed values (\d+) values?$/;
const PROPERTIES = /^Properties (\d+) propert(?:y|ies)$/;
const STATUSES: Record<string, string> = {
  "coming-soon": "coming-soon",
  live: "available",
  available: "available",
  beta: "beta",
  deprecated: "deprecated",
};
const JSON_TYPE: Record<string, string> = {
  float: "number",
  floats: "number",
  numbers: "number",
  strings: "string",
  integers: "integer",
  booleans: "boolean",
  objects: "object",
  arrays: "array",
};

/** Words of a type line after the type, each with the keyword it sets. */
const CONSTRAINTS: [RegExp, (match: RegExpExecArray, type: string) => [string, Json][]][] = [
  [/^required(?=\s|$)/, () => [["required", true]]],
  [/^value: (\S+)/, (m, t) => [["const", scalarOf(m[1]!, t)]]],
  [/^default: (\S+)/, (m, t) => [["default", scalarOf(m[1]!, t)]]],
  [/^min items: (\S+)/, (m) => [["minItems", numberOf(m[1]!)]]],
  [/^max items: (\S+)/, (m) => [["maxItems", numberOf(m[1]!)]]],
  [/^min: (\S+)/, (m, t) => [[t === "string" ? "minLength" : t === "array" ? "minItems" : "minimum", numberOf(m[1]!)]]],
  [/^max: (\S+)/, (m, t) => [[t === "string" ? "maxLength" : t === "array" ? "maxItems" : "maximum", numberOf(m[1]!)]]],
  [/^step: (\S+)/, (m) => [["x-step", numberOf(m[1]!)]]],
  // "UUID v4": format uuid does not check the version; the pattern does (version nibble 4, variant 8/9/a/b).
  [
    /^UUID v4(?=\s|$)/,
    () => [
      ["format", "uuid"],
      ["pattern", "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"],
    ],
  ],
  [/^UUID(?=\s|$)/, () => [["format", "uuid"]]],
  [/^(URI|URL)(?=\s|$)/, () => [["format", "uri"]]],
  [/^email(?=\s|$)/i, () => [["format", "email"]]],
  [/^date-time(?=\s|$)/i, () => [["format", "date-time"]]],
];

function numberOf(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value)) throw new RangeError(`${JSON.stringify(text)} is not a number`);
  return value;
}

interface Field {
  path: string[];
  line: number;
  node: JsonObject;
  required: boolean;
  description: string[];
  counted?: { count: number; line: number; descriptions: string[] };
  properties?: { count: number; line: number };
}

export function isRunwareListing(text: string): boolean {
  return (
    /^\s*MODEL ID \S+/.test(text) &&
    /^\s*(Allowed values \d+ values?|Properties \d+ propert(y|ies)|(string|integer|float|boolean|object|array)\b.*)$/m.test(text)
  );
}

export function importRunwareListing(
  source: Source,
  ctx: { cite: string; defaults: ProviderDefaults; provider: string },
): { specs: ImportedSpec[]; diagnostics: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const lines = numberedLines(source);
  const model = /^MODEL ID (\S+)$/.exec(lines[0]?.text ?? "")?.[1];
  if (!model)
    return { specs: [], diagnostics: [lineProblem(source, lines[0]?.number ?? 1, "/model", "the page starts with no `MODEL ID <id>` line")] };
  const status = STATUSES[lines[1]?.text.toLowerCase() ?? ""];
  const title = lines[status ? 2 : 1]?.text ?? model;
  const introStart = status ? 3 : 2;
  const firstField = lines.findIndex((_, i) => i >= introStart && isFieldStart(lines, i));
  const intro = lines.slice(introStart, firstField < 0 ? lines.length : firstField);
  const description = intro.find((l) => /\.$/.test(l.text) && l.text.includes(" "))?.text;

  const { fields, groups } = readFields(source, lines, Math.max(firstField - 2, 0), problems);
  const root: JsonObject = { type: "object", required: [], properties: {}, additionalProperties: false };
  for (const group of groups) {
    if (!group.container) continue;
    setOwn(root.properties as JsonObject, group.container, {
      description: group.description,
      type: "object",
      properties: {},
      additionalProperties: false,
    });
  }
  const counted: string[] = [];
  const seen = new Map<string, number>();
  for (const field of fields) {
    const key = field.path.join(".");
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(lineProblem(source, field.line, `/${field.path.join("/")}`, `two values for one field: ${key} is also listed at line ${first}`));
      continue;
    }
    seen.set(key, field.line);
    const parent = parentOf(root, field.path);
    if (!parent) {
      problems.push(
        lineProblem(
          source,
          field.line,
          `/${field.path.join("/")}`,
          `listed under ${field.path.slice(0, -1).join(" » ")}, which the listing does not define as an object`,
        ),
      );
      continue;
    }
    const node: JsonObject = { ...(field.description.length > 0 ? { description: field.description.join(" ") } : {}), ...field.node };
    if (field.counted) {
      const described = field.counted.descriptions.map((d, i) => `${i + 1}. ${d.replace(/\.$/, "")}`).join("; ");
      node["x-todo"] =
        `the page gives only a count of allowed values (${field.counted.count})${described ? `, described in order as: ${described}` : ""}; write them as \`enum\` where a source confirms the spellings, or as \`x-open-enum\` for a best guess`;
      counted.push(parameterPath(root, field.path));
    }
    if (field.properties) closeObject(node);
    setOwn(parent.properties as JsonObject, field.path.at(-1)!, node);
    if (field.required) (parent.required as string[]).push(field.path.at(-1)!);
    if (field.properties) {
      const children = fields.filter((f) => f.path.length === field.path.length + 1 && f.path.slice(0, -1).join(".") === key).length;
      if (children !== field.properties.count)
        problems.push(
          lineProblem(
            source,
            field.properties.line,
            `/${field.path.join("/")}`,
            `the listing promises ${field.properties.count} properties of ${key} but gives ${children}: the listing is truncated or a property is missing`,
          ),
        );
    }
  }
  if (fields.length === 0 && problems.length === 0)
    problems.push(
      lineProblem(
        source,
        lines.at(-1)?.number ?? 1,
        "",
        "the page lists no parameters (a name line followed by a type line such as `string required`)",
      ),
    );
  dropEmptyRequired(root);
  if (problems.length > 0) return { specs: [], diagnostics: problems };

  const notes: string[] = [];
  const limits = proseLimits(description ?? "");
  const output = outputTokenProperty(root);
  const maxOutput = typeof output?.node.maximum === "number" ? output.node.maximum : undefined;
  if (limits.contextWindow) notes.push(`Context window from the description: "${limits.contextWindow.phrase}".`);
  notes.push(
    maxOutput !== undefined
      ? `maxOutputTokens ${maxOutput} is the maximum of \`${output!.path}\`; the page states no other output limit.`
      : "The page states no output-token limit, so maxOutputTokens is null.",
  );
  if (counted.length > 0)
    notes.push(
      `The page gives only a count of allowed values for ${counted.map((p) => `\`${p}\``).join(", ")}: each is a TODO until a source spells the values.`,
    );
  const modalities = markInputModalities(root, notes);
  const streams = /\bstream(s|ing)?\b/i.test(source.text);
  const groupNames = groups.map((g) => g.name);
  const section = `${groupNames.length > 1 ? `${groupNames.slice(0, -1).join(", ")} and ${groupNames.at(-1)}` : (groupNames[0] ?? "Parameters")} (parameter listing)`;
  const parameters: JsonObject = {};
  for (const path of parameterPaths(root))
    parameters[path] = counted.includes(path)
      ? todo(`the page gives only a count of allowed values for ${path}; mark it inferred, with the source of the values, once they are written`)
      : "documented";
  const slug = slugOfAir(model);
  const data: JsonObject = {
    provider: ctx.provider,
    slug,
    model,
    name: title,
    description: description ?? todo("the page has no description"),
    status: status ?? todo("the page shows no status badge (coming-soon, live…)"),
    contextWindow: limits.contextWindow?.value ?? todo("the page states no context window"),
    maxOutputTokens: maxOutput ?? null,
    inputModalities: modalities,
    outputModalities: ["text"],
    source: { seed: ctx.cite, section },
    notes,
    request: { provenance: "documented", schema: root, parameters },
    response: todo("the page gives no response shape, and the provider file has no `import.response`"),
    ...(streams
      ? {
          stream: streamSection(ctx.defaults, "the page says results can stream but gives no event shape"),
        }
      : {}),
  };
  if (counted.length > 0) {
    data.examples = [];
    notes.push("The page has no example, and one built from the schema would guess the counted values: examples are left to write.");
  } else data.examples = checkedExamples(data, "the page has no example: built from its parameter listing");
  return { specs: [{ provider: ctx.provider, slug, layout: "runware-listing", source: source.file, data }], diagnostics: problems };
}

/** `openai:gpt@5.4-mini` → `gpt-5.4-mini` (Runware's AIR ids are `<source>:<name>@<version>`). */
function slugOfAir(model: string): string {
  // The AIR id's name after the provider (`openai:gpt@5.4-mini` → `gpt-5.4-mini`); `@` and `/` as any other separator.
  const name = model.includes(":") ? model.slice(model.indexOf(":") + 1) : model;
  return slugOf(name.replace(/[@/]/g, "-"));
}

/** A path line, or a parameter name (lower-case first, as Runware's are; headings are capitalised) or a name with its type line. */
function isFieldStart(lines: readonly Line[], i: number): boolean {
  const text = lines[i]?.text ?? "";
  if (PATH_LINE.test(text)) return true;
  return NAME_LINE.test(text) && (/^[a-z]/.test(text) || TYPE_LINE.test(lines[i + 1]?.text ?? ""));
}

/** A group heading: a title line and its description, then a parameter. */
function isHeading(lines: readonly Line[], i: number): boolean {
  const text = lines[i]?.text ?? "";
  return !isFieldStart(lines, i) && !/[.:]$/.test(text) && !isMarker(text) && i + 2 < lines.length && isFieldStart(lines, i + 2);
}

function isMarker(text: string): boolean {
  return LEARN_MORE.test(text) || ALLOWED.test(text) || PROPERTIES.test(text);
}

interface Group {
  name: string;
  description: string;
  /** The object the group's parameters are nested in ("These must be nested inside the settings object."). */
  container?: string;
}

function readFields(source: Source, lines: readonly Line[], start: number, problems: Diagnostic[]): { fields: Field[]; groups: Group[] } {
  const fields: Field[] = [];
  const groups: Group[] = [];
  let field: Field | undefined;
  let mode: "description" | "values" = "description";
  for (let i = start; i < lines.length; i++) {
    const { text, number } = lines[i]!;
    if (isHeading(lines, i)) {
      const description = lines[i + 1]!.text;
      groups.push({ name: text, description, container: /nested inside the (\w+) object/.exec(description)?.[1] });
      field = undefined;
      i++;
      continue;
    }
    if (isFieldStart(lines, i)) {
      const path = PATH_LINE.test(text) ? text.split(" » ") : [...(groups.at(-1)?.container ? [groups.at(-1)!.container!] : []), text];
      const nameIndex = PATH_LINE.test(text) ? i + 1 : i;
      const name = lines[nameIndex];
      const typeLine = lines[nameIndex + 1];
      if (!name || name.text !== path.at(-1)) {
        problems.push(
          lineProblem(
            source,
            name?.number ?? number,
            `/${path.join("/")}`,
            `the path ${text} is not followed by its name line ${JSON.stringify(path.at(-1))}: the listing is truncated`,
          ),
        );
        return { fields, groups };
      }
      if (!typeLine || !TYPE_LINE.test(typeLine.text)) {
        problems.push(
          lineProblem(
            source,
            typeLine?.number ?? name.number,
            `/${path.join("/")}`,
            `${path.join(" » ")} has no type line (such as \`string required\` or \`integer min: 1 max: 4\`): the listing is truncated`,
          ),
        );
        return { fields, groups };
      }
      field = { path, line: name.number, required: false, description: [], node: {} };
      readTypeLine(source, typeLine, field, problems);
      fields.push(field);
      mode = "description";
      i = nameIndex + 1;
      continue;
    }
    if (!field) continue; // the page's header before the first group
    if (LEARN_MORE.test(text)) continue;
    const allowed = ALLOWED.exec(text);
    if (allowed) {
      if (field.counted)
        problems.push(lineProblem(source, number, `/${field.path.join("/")}`, "two values for one field: `Allowed values` is given twice"));
      field.counted = { count: Number(allowed[1]), line: number, descriptions: [] };
      mode = "values";
      continue;
    }
    const properties = PROPERTIES.exec(text);
    if (properties) {
      field.properties = { count: Number(properties[1]), line: number };
      mode = "description";
      continue;
    }
    if (mode === "values") field.counted!.descriptions.push(text);
    else field.description.push(text);
  }
  for (const f of fields) {
    const c = f.counted;
    if (c && c.descriptions.length > 0 && c.descriptions.length !== c.count)
      problems.push(
        lineProblem(
          source,
          c.line,
          `/${f.path.join("/")}`,
          `the page counts ${c.count} allowed values but describes ${c.descriptions.length}: the listing is truncated`,
        ),
      );
  }
  return { fields, groups };
}

function readTypeLine(source: Source, line: Line, field: Field, problems: Diagnostic[]): void {
  const match = TYPE_LINE.exec(line.text)!;
  const type = JSON_TYPE[match[1]!] ?? match[1]!;
  const node: JsonObject = { type };
  if (match[2]) node.items = { type: JSON_TYPE[match[2]]! };
  let rest = match[3]!.trim();
  const given = new Map<string, string>();
  while (rest !== "") {
    const rule = CONSTRAINTS.map(([re, set]) => [re.exec(rest), set] as const).find(([m]) => m !== null);
    if (!rule) {
      problems.push(
        lineProblem(
          source,
          line.number,
          `/${field.path.join("/")}`,
          `unrecognised constraint ${JSON.stringify(rest)} in the type line ${JSON.stringify(line.text)}`,
        ),
      );
      break;
    }
    const [m, set] = rule as [RegExpExecArray, (typeof CONSTRAINTS)[number][1]];
    let pairs: [string, Json][];
    try {
      pairs = set(m, type);
    } catch (error) {
      problems.push(
        lineProblem(source, line.number, `/${field.path.join("/")}`, `${(error as Error).message} in the type line ${JSON.stringify(line.text)}`),
      );
      break;
    }
    for (const [keyword, value] of pairs) {
      const before = given.get(keyword);
      if (before !== undefined)
        problems.push(
          lineProblem(
            source,
            line.number,
            `/${field.path.join("/")}`,
            `two values for one field: ${keyword} is given as ${before} and as ${m[0]} in ${JSON.stringify(line.text)}`,
          ),
        );
      given.set(keyword, m[0]);
      if (keyword === "required") field.required = true;
      else node[keyword] = value;
    }
    rest = rest.slice(m[0].length).trim();
  }
  field.node = node;
}

/** The object node that holds the field's parent properties (an array's items for `array of objects`). */
function parentOf(root: JsonObject, path: readonly string[]): JsonObject | undefined {
  let node: JsonObject = root;
  for (const segment of path.slice(0, -1)) {
    const next = isObject(node.properties) ? (node.properties as JsonObject)[segment] : undefined;
    if (!isObject(next)) return undefined;
    node = (next.type === "array" && isObject(next.items) ? next.items : next) as JsonObject;
  }
  if (node.type !== "object") return undefined;
  if (!isObject(node.properties)) node.properties = {};
  if (!Array.isArray(node.required)) node.required = [];
  return node;
}

/** A parameter the page lists the properties of is closed: its object, or its array's items. */
function closeObject(node: JsonObject): void {
  const target = node.type === "array" && isObject(node.items) ? (node.items as JsonObject) : node;
  if (target.type !== "object") return;
  target.required = [];
  target.properties = {};
  target.additionalProperties = false;
}

function parameterPath(root: JsonObject, path: readonly string[]): string {
  let out = "";
  let node: Json | undefined = root;
  for (const segment of path) {
    const holder: JsonObject | undefined = isObject(node)
      ? node.type === "array" && isObject(node.items)
        ? (node.items as JsonObject)
        : node
      : undefined;
    if (holder !== node) out += "[]";
    out = joinParameterPath(out, segment);
    node = isObject(holder?.properties) ? ((holder!.properties as JsonObject)[segment] as Json) : undefined;
  }
  return out;
}

function dropEmptyRequired(node: Json): void {
  if (!isObject(node)) return;
  if (Array.isArray(node.required) && node.required.length === 0) delete node.required;
  if (isObject(node.properties)) for (const child of Object.values(node.properties)) dropEmptyRequired(child as Json);
  if (isObject(node.items)) dropEmptyRequired(node.items as Json);
}
