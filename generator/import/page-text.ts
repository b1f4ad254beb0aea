/**
 * Helpers the text-page readers share (Runware's parameter listing, Markdown parameter tables):
 * numbered lines for located errors, "400K"-style counts, the offering limits a page states in
 * prose, and the request property that is the output-token limit.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import type { Json, JsonObject } from "../model.js";
import { forEachSchemaNode, isObject } from "../schema-walk.js";
import type { Source } from "./source.js";

export interface Line {
  /** 1-based line number in the source. */
  number: number;
  text: string;
}

/** The source's non-blank lines, trimmed, with their line numbers. */
export function numberedLines(source: Source): Line[] {
  return source.text
    .split("\n")
    .map((text, i) => ({ number: i + 1, text: text.trim() }))
    .filter((l) => l.text !== "");
}

/** A problem at a line of a text source (column 1: the lines are read trimmed). */
export function lineProblem(source: Source, line: number, pointer: string, message: string): Diagnostic {
  return diagnostic({ file: source.file, line, column: 1 }, pointer, message);
}

/** "400K", "128k", "1M", "128,000" as a number; undefined for anything else. */
function countOf(text: string): number | undefined {
  const match = /^([\d,]+(?:\.\d+)?)\s*([KkMm])?$/.exec(text.trim());
  if (!match) return undefined;
  const base = Number(match[1]!.replace(/,/g, ""));
  const scale = match[2] === undefined ? 1 : /k/i.test(match[2]) ? 1000 : 1_000_000;
  const value = Math.round(base * scale);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** The context window and output-token limit a page states in prose ("a 400K token context window", "up to 128K output tokens"). */
export function proseLimits(text: string): { contextWindow?: { value: number; phrase: string }; maxOutput?: { value: number; phrase: string } } {
  const out: ReturnType<typeof proseLimits> = {};
  const window = /([\d,.]+\s*[KkMm]?)[ -]tokens? context window/.exec(text) ?? /context window of ([\d,.]+\s*[KkMm]?) tokens/.exec(text);
  const windowValue = window ? countOf(window[1]!) : undefined;
  if (window && windowValue) out.contextWindow = { value: windowValue, phrase: window[0] };
  const output = /up to ([\d,.]+\s*[KkMm]?) output tokens/.exec(text);
  const outputValue = output ? countOf(output[1]!) : undefined;
  if (output && outputValue) out.maxOutput = { value: outputValue, phrase: output[0] };
  return out;
}

/** Names of a request's output-token limit, as providers spell it (max_tokens, maxTokens, max_output_tokens, max_completion_tokens). */
function isOutputTokenLimit(name: string): boolean {
  return /^max_?(output_?|completion_?)?tokens$/i.test(name);
}

/** The output-token limit property of a request schema (at the top or one object down, as Runware's `settings.maxTokens`), with its path. */
export function outputTokenProperty(schema: JsonObject): { path: string; node: JsonObject } | undefined {
  const properties = isObject(schema.properties) ? (schema.properties as JsonObject) : {};
  for (const [name, node] of Object.entries(properties)) if (isOutputTokenLimit(name) && isObject(node)) return { path: name, node };
  for (const [name, node] of Object.entries(properties)) {
    if (!isObject(node) || !isObject(node.properties)) continue;
    for (const [inner, value] of Object.entries(node.properties as JsonObject))
      if (isOutputTokenLimit(inner) && isObject(value)) return { path: `${name}.${inner}`, node: value as JsonObject };
  }
  return undefined;
}

/** A scalar as the page writes it, typed by the schema's type. */
export function scalarOf(text: string, type: Json | undefined): Json {
  const trimmed = text.trim();
  if (type === "boolean" && /^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === "true";
  if ((type === "number" || type === "integer") && trimmed !== "" && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (type === "null" && trimmed === "null") return null;
  return trimmed;
}

const MODALITIES = ["image", "audio", "video"] as const;

/**
 * Input modalities a request schema carries: text, and each of image, audio and video that a
 * property is named for (`images`, `audio_url`), whose node is marked `x-modality` (generation
 * checks the catalog's list against these marks).
 */
export function markInputModalities(schema: JsonObject, notes: string[]): string[] {
  const out = ["text"];
  for (const modality of MODALITIES) {
    let marked: string | undefined;
    forEachSchemaNode(schema, "", (node) => {
      if (marked !== undefined || !isObject(node.properties)) return;
      const properties = node.properties as JsonObject;
      const name = Object.keys(properties).find((key) => key.toLowerCase().includes(modality) && isObject(properties[key]));
      if (name === undefined) return;
      (properties[name] as JsonObject)["x-modality"] = modality;
      marked = name;
    });
    if (marked !== undefined) {
      out.push(modality);
      notes.push(`Input modality ${modality}: carried by the request property \`${marked}\`.`);
    }
  }
  return out;
}
