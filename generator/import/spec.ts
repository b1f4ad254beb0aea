/**
 * What an importer produces: one offering spec per model, as plain data in the order a person
 * reads it, with `{ todo }` markers where the source is silent. Rendering to YAML and filling
 * markers from a spec a person already completed live here too.
 */
import { stringify } from "yaml";
import { joinPointer, splitPointer } from "../diagnostics.js";
import { getPointer } from "../runtime/json.js";
import type { Json, JsonObject } from "../model.js";
import { cloneJson, isObject, setOwn } from "../schema-walk.js";

export interface ImportedSpec {
  provider: string;
  slug: string;
  /** The layout the source was read as (see layouts.ts). */
  layout: string;
  /** The source file, as the user named it. */
  source: string;
  /** The offering spec. */
  data: JsonObject;
}

/** The schema-section provenance of what the provider file supplies (`import` in provider.yaml). */
export interface ProviderDefaults {
  stream?: { schema: Json; provenance: Json };
}

export type Todo = { todo: string };

export function todo(text: string): Todo {
  return { todo: text.replace(/\s*\n\s*/g, " ") };
}

/**
 * The `stream` section of an offering whose source says it streams: the provider file's
 * `import.stream` when it has one, else a marker that says why (`why`, what the source left out).
 */
export function streamSection(defaults: ProviderDefaults, why: string): Json {
  return defaults.stream
    ? { provenance: defaults.stream.provenance, schema: defaults.stream.schema }
    : todo(`${why}, and the provider file has no \`import.stream\``);
}

export function isTodo(value: unknown): value is Todo {
  return isObject(value) && typeof value.todo === "string" && Object.keys(value).length === 1;
}

/** Where the spec is written, relative to the schemas folder. */
export function specPath(spec: Pick<ImportedSpec, "provider" | "slug">): string {
  return `${spec.provider}/${spec.slug}.yaml`;
}

const KEY_ORDER = [
  "provider",
  "slug",
  "model",
  "name",
  "description",
  "status",
  "contextWindow",
  "maxOutputTokens",
  "inputModalities",
  "outputModalities",
  "source",
  "pricing",
  "notes",
  "request",
  "response",
  "stream",
  "examples",
];

/** The spec as YAML, with a header naming the source and the markers left to resolve. */
export function renderSpec(spec: ImportedSpec): string {
  const ordered: JsonObject = {};
  for (const key of [...KEY_ORDER, ...Object.keys(spec.data).filter((k) => !KEY_ORDER.includes(k))]) {
    if (key in spec.data) setOwn(ordered, key, spec.data[key]!);
  }
  const todos = todoPointers(spec.data);
  const header = [
    "# yaml-language-server: $schema=../../generator/meta/offering.yaml",
    `# Imported by \`modelspec import\` from ${oneLine(spec.source)} (${spec.layout}).`,
    ...(todos.length > 0
      ? [`# ${todos.length} TODO marker${todos.length === 1 ? "" : "s"} left: \`modelspec generate\` fails until each is replaced by a value.`]
      : []),
  ];
  return `${header.join("\n")}\n${stringify(ordered, { lineWidth: 0, aliasDuplicateObjects: false, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" })}`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]/g, " ");
}

/** Pointers of every marker: `{ todo }` values and `x-todo` annotations. */
export function todoPointers(value: Json, pointer = ""): string[] {
  if (isTodo(value)) return [pointer];
  const out: string[] = [];
  if (Array.isArray(value)) for (const [i, item] of value.entries()) out.push(...todoPointers(item, `${pointer}/${i}`));
  else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      const child = joinPointer(pointer, key);
      if (key === "x-todo") out.push(child);
      else out.push(...todoPointers(value[key] as Json, child));
    }
  }
  return out;
}

/**
 * The import with each marker replaced by what a person wrote in `resolved` (the committed spec)
 * at the same place: how `import --check` and the round-trip tests compare a source with a spec
 * whose gaps were filled by hand. A marker with nothing at its place stays.
 */
export function fillTodos(imported: JsonObject, resolved: JsonObject): JsonObject {
  const out = cloneJson(imported);
  for (const pointer of todoPointers(out)) {
    const tokens = splitPointer(pointer);
    const last = tokens.at(-1)!;
    if (last === "x-todo") {
      const schemaTokens = tokens.slice(0, -1);
      const target = valueAtTokens(resolved, schemaTokens);
      if (target === undefined) continue;
      setAt(out, schemaTokens, cloneJson(target));
      continue;
    }
    const target = valueAtTokens(resolved, tokens);
    if (target !== undefined && !isTodo(target)) setAt(out, tokens, cloneJson(target));
  }
  return out;
}

export function valueAtTokens(root: Json, tokens: readonly string[]): Json | undefined {
  return getPointer(root, joinPointer("", ...tokens)) as Json | undefined;
}

function setAt(root: JsonObject, tokens: readonly string[], value: Json): void {
  let parent: Json = root;
  for (const token of tokens.slice(0, -1)) parent = (Array.isArray(parent) ? parent[Number(token)] : (parent as JsonObject)[token]) as Json;
  const last = tokens.at(-1)!;
  if (Array.isArray(parent)) parent[Number(last)] = value;
  else setOwn(parent as JsonObject, last, value);
}

/** A spec's slug from a model id: its last path segment, lower-cased, other characters as `-` (`@cf/openai/GPT 5` → `gpt-5`). */
export function slugOf(model: string): string {
  const last = model.split("/").at(-1)!.toLowerCase();
  const slug = last
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .replace(/-+$/, "");
  return slug === "" ? "model" : slug;
}
