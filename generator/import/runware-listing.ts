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
import { lineProblem, markInputModalities, numberedLines, outputTokenProperty, proseLimits } from "./page-text.js";
import { isFieldStart, readFields } from "./runware-fields.js";
import type { Source } from "./source.js";
import { slugOf, streamSection, todo, type ImportedSpec, type ProviderDefaults } from "./spec.js";

const STATUSES: Record<string, string> = {
  "coming-soon": "coming-soon",
  live: "available",
  available: "available",
  beta: "beta",
  deprecated: "deprecated",
};

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
