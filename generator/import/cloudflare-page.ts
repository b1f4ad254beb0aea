/**
 * Cloudflare's model page as text (seeds 000, 002, 003): the title and description, the Model
 * Info table (context window), the `env.AI.run(...)` examples and the "API Schemas" JSON (input,
 * then output). A page without the schemas gets `x-todo` schemas naming the gap.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import type { Json, JsonObject } from "../model.js";
import { parameterPaths } from "../parameters.js";
import { isObject } from "../schema-walk.js";
import { splitOutput } from "./cloudflare-record.js";
import { parseObjectLiteral, passes } from "./examples.js";
import { repairSchema } from "./repair.js";
import { positionOf, type Source } from "./source.js";
import { slugOf, streamSection, todo, type ImportedSpec, type ProviderDefaults } from "./spec.js";

const RUN_CALL = /env\.AI\.run\(\s*(['"])([^'"]+)\1\s*,/g;

export function importCloudflarePage(
  source: Source,
  ctx: { cite: string; defaults: ProviderDefaults },
): { specs: ImportedSpec[]; diagnostics: Diagnostic[] } {
  const text = source.text;
  const diagnostics: Diagnostic[] = [];
  const model = [...text.matchAll(RUN_CALL)][0]?.[2];
  if (!model)
    return { specs: [], diagnostics: [diagnostic(positionOf(source, "env.AI.run"), "", "the page's env.AI.run(...) calls name no model id")] };
  const lines = text.split("\n").map((l) => l.trim());
  const titleIndex = lines.findIndex((l) => l !== "" && l !== "Skip to content" && !/ logo$/.test(l));
  const name = lines[titleIndex] ?? model;
  const badge = lines.findIndex((l, i) => i > titleIndex && /^Text Generation/.test(l));
  const afterBadge = badge >= 0 ? lines[badge]!.replace(/^.*Proxied/, "").trim() : "";
  const description = afterBadge || lines.slice(badge + 1).find((l) => l !== "") || "";
  const window = /Context Window\D*([\d,]+) tokens/.exec(text)?.[1];

  const sections: string[] = ["Model Info", "Usage and Examples (env.AI.run)"];
  const schemas = apiSchemas(text);
  const notes: string[] = [];
  let request: JsonObject;
  let response: Json | undefined;
  let streams = false;
  if (schemas) {
    sections.push("API Schemas (input and output)");
    const input = repairSchema(schemas.input, "/API Schemas/input");
    const output = repairSchema(schemas.output, "/API Schemas/output");
    for (const p of [...input.problems, ...output.problems]) diagnostics.push(diagnostic(positionOf(source, "API Schemas"), p.pointer, p.message));
    for (const r of [...input.repairs, ...output.repairs]) notes.push(`Imported schema repaired at ${r.pointer}: ${r.reason}.`);
    request = withoutDialect(input.schema);
    const split = splitOutput(withoutDialect(output.schema));
    response = split.response;
    streams = split.stream || (isObject(request.properties) && "stream" in (request.properties as JsonObject));
  } else {
    request = {
      type: "object",
      "x-todo": "the page's API Schemas section is empty: write the input schema (the Parameters list names the fields and bounds)",
    };
    streams = /\bstream\b/.test(text);
  }
  const examples = pageExamples(text, request);
  const data: JsonObject = {
    provider: "cloudflare",
    slug: slugOf(model),
    model,
    name,
    description: description || todo("the page has no description"),
    status: "available",
    contextWindow: window ? Number(window.replace(/,/g, "")) : todo("the page's Model Info table gives no context window"),
    maxOutputTokens: null,
    inputModalities: ["text"],
    outputModalities: ["text"],
    source: { seed: ctx.cite, section: sections.join(", ") },
    notes: ["The page states no output-token limit, so maxOutputTokens is null.", ...notes],
    request: { provenance: "documented", schema: request, parameters: Object.fromEntries(parameterPaths(request).map((p) => [p, "documented"])) },
    response: response !== undefined ? { provenance: "documented", schema: response } : todo("the page gives no output schema"),
    ...(streams
      ? {
          stream: streamSection(ctx.defaults, "the page streams but gives no event shape"),
        }
      : {}),
    examples: examples.filter((e) => passes(schemas ? request : undefined, e.request as Json)),
  };
  return { specs: [{ provider: "cloudflare", slug: data.slug as string, layout: "cloudflare-page", source: source.file, data }], diagnostics };
}

/** The page prints `$schema`; specs are 2020-12 throughout and leave it out. */
function withoutDialect(schema: Json): JsonObject {
  if (!isObject(schema)) return {};
  const { $schema, ...rest } = schema;
  return rest as JsonObject;
}

/** The two JSON documents after "API Schemas", or undefined when the section is empty. */
function apiSchemas(text: string): { input: Json; output: Json } | undefined {
  const start = text.indexOf("API Schemas");
  if (start < 0) return undefined;
  const brace = text.indexOf("{", start);
  if (brace < 0) return undefined;
  const input = parseObjectLiteral(text, brace);
  if (!input) return undefined;
  const next = text.indexOf("{", input.end);
  const output = next >= 0 ? parseObjectLiteral(text, next) : undefined;
  return output ? { input: input.value, output: output.value } : undefined;
}

/** Each `env.AI.run(model, inputs, options)` call: its inputs and the title written before it. */
function pageExamples(text: string, request: JsonObject): JsonObject[] {
  const out: JsonObject[] = [];
  const names = new Set<string>();
  let previousEnd = 0;
  for (const match of text.matchAll(RUN_CALL)) {
    const literal = parseObjectLiteral(text, match.index! + match[0].length);
    const before = text.slice(previousEnd, match.index!);
    previousEnd = literal?.end ?? match.index! + match[0].length;
    if (!literal || !isObject(literal.value)) continue;
    const title = titleBefore(before, out.length === 0);
    let name = slugOf(title.split(" — ")[0]!.replace(/\s+/g, "-"));
    for (let n = 2; names.has(name); n++) name = `${name}-${n}`;
    names.add(name);
    out.push({ name, title, provenance: "documented", request: literal.value });
  }
  void request;
  return out;
}

function titleBefore(before: string, first: boolean): string {
  const chunk = before.replace(/[\s\S]*console\.log\(response\)/, "").replace(/const response = await\s*$/, "");
  const lines = chunk
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && l !== "TypeScript" && l !== "Examples");
  if (first) return "Usage";
  const last = lines.at(-1) ?? "Example";
  return last.replace(/^Examples/, "").trim() || "Example";
}
