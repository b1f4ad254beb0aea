/**
 * Cloudflare's model catalog record (one JSON document per Workers AI model: `name`, `description`,
 * `task`, `properties`, `schema.input` / `schema.output`) to an offering spec. Everything taken
 * from the record is `documented`; what it does not say comes from the provider file's `import`
 * section or is left as a `{ todo }` marker.
 */
import { diagnostic, joinPointer, type Diagnostic } from "../diagnostics.js";
import type { Json, JsonObject, SourcePosition } from "../model.js";
import { parameterPaths } from "../parameters.js";
import { forEachSchemaNode, isObject } from "../schema-walk.js";
import { checkedExamples } from "./examples.js";
import { repairSchema, type Repair } from "./repair.js";
import { slugOf, streamSection, todo, type ImportedSpec, type ProviderDefaults } from "./spec.js";

export const RECORD_SECTION = "Cloudflare model record: name, description, task, properties, schema.input and schema.output";

/** Modalities per task name, and whether the task's models count tokens (a context window is expected). */
const TASKS: Record<string, { input: string[]; output: string[]; tokens: boolean }> = {
  "Text Generation": { input: ["text"], output: ["text"], tokens: true },
  "Text Embeddings": { input: ["text"], output: ["text"], tokens: true },
  Summarization: { input: ["text"], output: ["text"], tokens: true },
  Translation: { input: ["text"], output: ["text"], tokens: false },
  "Text Classification": { input: ["text"], output: ["text"], tokens: false },
  "Text-to-Image": { input: ["text"], output: ["image"], tokens: false },
  "Text-to-Speech": { input: ["text"], output: ["audio"], tokens: false },
  "Automatic Speech Recognition": { input: ["audio"], output: ["text"], tokens: false },
  "Image Classification": { input: ["image"], output: ["text"], tokens: false },
  "Object Detection": { input: ["image"], output: ["text"], tokens: false },
  "Image-to-Text": { input: ["image", "text"], output: ["text"], tokens: false },
  "Voice Activity Detection": { input: ["audio"], output: ["text"], tokens: false },
};

export interface RecordContext {
  /** The source file as cited in `source.seed`. */
  cite: string;
  /** The source file as named in messages. */
  file: string;
  /** Pointer of the record in the file (`` or `/3` in a list). */
  base: string;
  positions: ReadonlyMap<string, SourcePosition>;
  defaults: ProviderDefaults;
  provider: string;
}

export function isCloudflareRecord(value: Json): value is JsonObject {
  return isObject(value) && typeof value.name === "string" && isObject(value.task) && ("schema" in value || "properties" in value);
}

export function importCloudflareRecord(record: JsonObject, ctx: RecordContext): { spec?: ImportedSpec; diagnostics: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const at = (pointer: string) => ctx.positions.get(ctx.base + pointer) ?? ctx.positions.get(ctx.base) ?? { file: ctx.file, line: 1, column: 1 };
  const fail = (pointer: string, message: string) => problems.push(diagnostic(at(pointer), ctx.base + pointer, message));

  const model = record.name as string;
  const task = record.task as JsonObject;
  const taskName = typeof task.name === "string" ? task.name : "";
  const schema = record.schema;
  if (!isObject(schema)) {
    fail(
      "",
      `the record for ${JSON.stringify(model)} has no \`schema\` (with \`input\` and \`output\`): there is nothing to import its request and response from`,
    );
    return { diagnostics: problems };
  }
  for (const part of ["input", "output"] as const) if (!(part in schema)) fail("/schema", `the record has no \`schema.${part}\``);
  if (problems.length > 0) return { diagnostics: problems };

  const repairs: Repair[] = [];
  const repaired = (part: "input" | "output") => {
    const result = repairSchema(schema[part] as Json, `/schema/${part}`);
    repairs.push(...result.repairs);
    for (const p of result.problems) fail(p.pointer, p.message);
    return result.schema;
  };
  const output = repaired("output");
  const input = jsonInput(repaired("input"), repairs, (message) => fail("/schema/input", message));
  if (problems.length > 0) return { diagnostics: problems };

  const properties = propertyValues(record, fail);
  const { response, stream } = splitOutput(output);
  const facts = TASKS[taskName];
  const slug = slugOf(model);
  const notes: string[] = [`Task: ${taskName || "(none)"}${typeof task.description === "string" ? ` — ${task.description}` : ""}`];
  for (const [id, value] of [...properties].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (["context_window", "price", "beta"].includes(id)) continue;
    notes.push(`Record property \`${id}\`: ${typeof value === "string" ? value : JSON.stringify(value)}`);
  }
  for (const repair of repairs) notes.push(`Imported schema repaired at ${repair.pointer}: ${repair.reason}.`);

  const contextWindow = integerOf(properties.get("context_window"));
  const deprecation = properties.get("planned_deprecation_date");
  const status = record.deprecated === true || deprecation !== undefined ? "deprecated" : truthy(properties.get("beta")) ? "beta" : "available";
  if (contextWindow === undefined && !(facts?.tokens ?? true))
    notes.push("The record states no context window; this task's models do not count tokens, so contextWindow is null.");
  notes.push("The record states no output-token limit, so maxOutputTokens is null.");

  const modalities = facts ?? guessModalities(input, response);
  if (!facts)
    notes.push(
      `Task ${JSON.stringify(taskName)} is not in the importer's task table: modalities are read from the schemas (properties named image or audio, binary outputs).`,
    );
  modalities.input = markModalities(input, modalities.input, notes);

  const data: JsonObject = {
    provider: ctx.provider,
    slug,
    model,
    name: model.split("/").at(-1)!,
    description:
      typeof record.description === "string" && record.description.trim() !== "" ? record.description.trim() : todo("the record has no description"),
    status,
    contextWindow:
      contextWindow ?? ((facts?.tokens ?? true) ? todo(`the record states no context window for this ${taskName || "model"} model`) : null),
    maxOutputTokens: null,
    inputModalities: modalities.input,
    outputModalities: modalities.output,
    source: { seed: ctx.cite, section: RECORD_SECTION },
  };
  const pricing = pricingOf(properties.get("price"), notes);
  if (pricing) data.pricing = pricing;
  data.notes = notes;
  const requestSchema = input as JsonObject;
  data.request = {
    provenance: "documented",
    schema: requestSchema,
    parameters: Object.fromEntries(parameterPaths(isObject(requestSchema) ? requestSchema : {}).map((p) => [p, "documented"])),
  };
  data.response = response
    ? { provenance: "documented", schema: response }
    : todo("the record's output schema has only an event-stream form; write the JSON answer's schema");
  if (stream) {
    data.stream = streamSection(ctx.defaults, "the record says the model streams (text/event-stream) but not the event shape");
  }
  data.examples = checkedExamples(data, "the record has no example: built from its schemas");
  return { spec: { provider: ctx.provider, slug, layout: "cloudflare-record", source: ctx.file, data }, diagnostics: problems };
}

/**
 * The clients send a JSON object; an input form that is the raw bytes (`type: string, format:
 * binary` at the top) is left out, with a note, when a JSON form remains (Cloudflare's image and
 * audio models accept the bytes as an array of numbers too).
 */
export function jsonInput(input: Json, repairs: Repair[], fail: (message: string) => void): Json {
  if (!isObject(input)) return input;
  const isObjectForm = (branch: Json) =>
    isObject(branch) && (branch.type === "object" || (branch.type === undefined && (isObject(branch.properties) || Array.isArray(branch.oneOf))));
  if (!Array.isArray(input.oneOf)) {
    if (!isObjectForm(input))
      fail("the input is not a JSON object (it is the raw request body); the clients send JSON objects, so this record cannot be imported yet");
    return input;
  }
  const kept = input.oneOf.filter(isObjectForm);
  if (kept.length === input.oneOf.length) return input;
  if (kept.length === 0) {
    fail("every input form is the raw request body (no JSON object form); the clients send JSON objects, so this record cannot be imported yet");
    return input;
  }
  repairs.push({
    pointer: "/schema/input/oneOf",
    reason: `${input.oneOf.length - kept.length} input form(s) that are the raw request body (binary) left out: the clients send the JSON form, with the bytes as an array of numbers`,
  });
  const { oneOf, ...root } = input;
  if (kept.length === 1 && Object.keys(root).every((k) => ["type", "description", "title"].includes(k)))
    return { ...root, ...(kept[0] as JsonObject) };
  return { ...root, oneOf: kept };
}

/** `properties: [{ property_id, value }]` as a map; a repeated id is two values for one field. */
function propertyValues(record: JsonObject, fail: (pointer: string, message: string) => void): Map<string, Json> {
  const out = new Map<string, Json>();
  const list = record.properties;
  if (list === undefined) return out;
  if (!Array.isArray(list)) {
    fail("/properties", "`properties` must be a list of { property_id, value }");
    return out;
  }
  for (const [i, item] of list.entries()) {
    if (!isObject(item) || typeof item.property_id !== "string") {
      fail(`/properties/${i}`, "expected { property_id, value }");
      continue;
    }
    const first = [...out.keys()].indexOf(item.property_id);
    if (out.has(item.property_id)) {
      fail(`/properties/${i}`, `two values for one field: property ${JSON.stringify(item.property_id)} is also given at /properties/${first}`);
      continue;
    }
    out.set(item.property_id, item.value as Json);
  }
  return out;
}

/** The output's JSON forms become the response; a `text/event-stream` form says the model streams. */
export function splitOutput(output: Json): { response?: Json; stream: boolean } {
  if (!isObject(output)) return { response: output, stream: false };
  const isStream = (branch: Json) => isObject(branch) && branch.contentMediaType === "text/event-stream";
  if (isStream(output)) return { stream: true };
  if (!Array.isArray(output.oneOf)) return { response: output, stream: false };
  const rest = output.oneOf.filter((b) => !isStream(b));
  const stream = rest.length < output.oneOf.length;
  if (rest.length === 0) return { stream };
  const { oneOf, ...root } = output;
  const significant = Object.keys(root).filter((k) => !["contentMediaType", "description", "title", "type"].includes(k));
  if (rest.length === 1 && significant.length === 0 && isObject(rest[0])) {
    return { response: { ...(typeof root.description === "string" ? { description: root.description } : {}), ...rest[0] }, stream };
  }
  return { response: { ...root, oneOf: rest }, stream };
}

/**
 * Each input modality but text must be carried by a request node marked `x-modality` (generation
 * checks the catalog against the schema): the first property named for it (`image`, `audio_url`)
 * is marked. A modality no property is named for is left out of the list, with a note.
 */
function markModalities(input: Json, listed: readonly string[], notes: string[]): string[] {
  const kept: string[] = [];
  for (const modality of listed) {
    let marked = modality === "text";
    forEachSchemaNode(input, "", (node) => {
      if (marked || !isObject(node.properties)) return;
      const properties = node.properties as JsonObject;
      const name = Object.keys(properties).find((key) => key.toLowerCase().includes(modality) && isObject(properties[key]));
      if (name === undefined) return;
      (properties[name] as JsonObject)["x-modality"] = modality;
      marked = true;
    });
    if (marked) kept.push(modality);
    else notes.push(`The task takes ${modality} input, but no request property is named for it: ${modality} is left out of inputModalities.`);
  }
  return kept;
}

function guessModalities(input: Json, response: Json | undefined): { input: string[]; output: string[] } {
  const text = JSON.stringify(input ?? {});
  const inputs = new Set<string>();
  if (/"(prompt|text|messages|query|input_text)"/.test(text)) inputs.add("text");
  if (/"image[^"]*"/.test(text)) inputs.add("image");
  if (/"audio[^"]*"/.test(text)) inputs.add("audio");
  const media = JSON.stringify(response ?? {});
  const output = /"contentMediaType":"image\//.test(media) ? "image" : /"contentMediaType":"audio\//.test(media) ? "audio" : "text";
  return { input: inputs.size > 0 ? [...inputs].sort() : ["text"], output: [output] };
}

function integerOf(value: Json | undefined): number | undefined {
  const number = typeof value === "string" ? Number(value.replace(/[,_\s]/g, "")) : value;
  return typeof number === "number" && Number.isInteger(number) && number > 0 ? number : undefined;
}

function truthy(value: Json | undefined): boolean {
  return value === true || value === "true";
}

/** `price: [{ unit, price, currency }]` as catalog fields: per million input and output tokens, else per its own unit. */
function pricingOf(value: Json | undefined, notes: string[]): JsonObject | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const out: JsonObject = { currency: "USD" };
  const other: JsonObject[] = [];
  let currency: string | undefined;
  for (const item of value) {
    if (!isObject(item) || typeof item.price !== "number" || typeof item.unit !== "string") continue;
    const itemCurrency = typeof item.currency === "string" ? item.currency.toUpperCase() : "USD";
    if (currency !== undefined && itemCurrency !== currency) {
      notes.push(`Price ${item.price} ${itemCurrency} ${item.unit} is in another currency than the others (${currency}); left out of pricing.`);
      continue;
    }
    currency = itemCurrency;
    const unit = item.unit.trim();
    if (/^per (1M|M|million) input tokens?$/i.test(unit)) out.inputPerMillionTokens = item.price;
    else if (/^per (1M|M|million) output tokens?$/i.test(unit)) out.outputPerMillionTokens = item.price;
    else other.push({ unit, price: item.price });
  }
  if (currency === undefined) return undefined;
  out.currency = currency;
  if (other.length > 0) out.other = other;
  out.provenance = "documented";
  return out;
}

export function recordPointer(base: string, ...tokens: string[]): string {
  return joinPointer(base, ...tokens);
}
