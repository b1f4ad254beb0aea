/**
 * Every parameter on every seed page, with every constraint the page states, as read off the
 * pages in ../shared/seeds by hand. If a spec drops a parameter or loosens a stated bound, this fails.
 * Also: the provenance listing (`modelspec provenance`) says which parameters are documented and
 * which inferred, and the catalog shows each offering's limits as its page gives them.
 */
import { describe, expect, it } from "vitest";
import { main } from "../generator/cli.js";
import { loadModel } from "../generator/generate.js";
import { readSpecDir } from "../generator/load.js";
import type { JsonObject } from "../generator/model.js";
import { findParameter } from "../generator/parameters.js";
import { GENERATED_DIR, SCHEMAS_DIR } from "./helpers.js";
import { readFile } from "node:fs/promises";
import path from "node:path";

const model = loadModel(await readSpecDir(SCHEMAS_DIR));

/** What a page states about one parameter. `values` is the number of allowed values a page counts. */
type Stated = { type?: string; required?: boolean; values?: number } & JsonObject;

const chatCompletionsListed: Record<string, Stated> = {
  temperature: { type: "number", minimum: 0, maximum: 2 },
  max_tokens: { type: "number", exclusiveMinimum: 0 },
  max_completion_tokens: { type: "number", exclusiveMinimum: 0 },
  top_p: { type: "number", minimum: 0, maximum: 1 },
  frequency_penalty: { type: "number", minimum: -2, maximum: 2 },
  presence_penalty: { type: "number", minimum: -2, maximum: 2 },
  stream: { type: "boolean" },
  tool_choice: {},
  response_format: {},
};

const seedPages: Record<string, Record<string, Stated>> = {
  // 000: the page's input JSON Schema.
  "cloudflare/gpt-5.4-mini": {
    ...chatCompletionsListed,
    messages: { type: "array", required: true },
    "messages[].role": { type: "string", required: true, enum: ["system", "developer", "user", "assistant", "tool"] },
    "messages[].content": { required: true },
    stream_options: { type: "object", additionalProperties: false },
    "stream_options.include_usage": { type: "boolean" },
    tools: { type: "array" },
  },
  // 002 and 003: their parameter lists.
  "cloudflare/gpt-5.4-nano": chatCompletionsListed,
  "cloudflare/gpt-5.4": chatCompletionsListed,
  // 001: the parameter listing.
  "runware/gpt-5.4-mini": {
    taskType: { type: "string", required: true, const: "textInference" },
    taskUUID: { type: "string", required: true },
    webhookURL: { type: "string", format: "uri" },
    deliveryMethod: { type: "string", default: "sync", values: 3 },
    includeCost: { type: "boolean", default: true },
    numberResults: { type: "integer", minimum: 1, maximum: 4, default: 1 },
    includeUsage: { type: "boolean", default: false },
    inputs: {},
    "inputs.images": { type: "array", minItems: 1 },
    model: { type: "string", required: true, const: "openai:gpt@5.4-mini" },
    seed: { type: "integer", minimum: 0, maximum: 9223372036854776000 },
    messages: { type: "array", required: true, minItems: 1 },
    "messages[].role": { type: "string", required: true, values: 2 },
    "messages[].content": { type: "string", required: true, minLength: 1 },
    settings: {},
    "settings.systemPrompt": { type: "string", minLength: 1, maxLength: 200000 },
    "settings.temperature": { type: "number", minimum: 0, maximum: 2, "x-step": 0.01, default: 1 },
    "settings.topP": { type: "number", minimum: 0, maximum: 1, "x-step": 0.01, default: 0.95 },
    "settings.maxTokens": { type: "integer", minimum: 1, maximum: 128000, default: 4096 },
    "settings.thinkingLevel": { type: "string", values: 4 },
    "settings.toolChoice": { type: "object" },
    "settings.toolChoice.type": { type: "string", required: true, values: 4 },
    "settings.toolChoice.name": { type: "string" },
    "settings.tools": { type: "array" },
  },
  // 004: the parameter table and its prose.
  "anyfast/gpt-5.4-mini": {
    model: { type: "string", required: true, const: "gpt-5.4-mini" },
    input: { type: "array", required: true },
    stream: { type: "boolean", default: false },
    top_p: { type: "number", default: 1 },
    max_output_tokens: { type: "integer", maximum: 128000 },
    reasoning: { type: "object" },
    "reasoning.effort": { enum: ["none", "low", "medium", "high", "xhigh"], default: "none" },
    "reasoning.summary": {},
    text: { type: "object" },
    "text.format": {},
    "text.verbosity": {},
    tools: { type: "array" },
    store: { type: "boolean", default: true },
  },
};

describe.each(Object.keys(seedPages))("%s states every parameter of its page", (id) => {
  const offering = model.offerings.find((o) => o.id === id)!;

  it.each(Object.entries(seedPages[id]!))("%s", (parameter, stated) => {
    expect(offering.parameters.map((p) => p.path)).toContain(parameter);
    const found = findParameter(offering.request.schema, parameter);
    expect(found, parameter).toBeDefined();
    const schema = { ...found!.schema, ...found!.property };
    const { type, required, values, ...keywords } = stated;
    if (type !== undefined) expect(schema.type).toBe(type);
    if (required !== undefined) expect(found!.required).toBe(required);
    // A counted list is closed (`enum`) where a source confirms it, open (`x-open-enum`) where not.
    if (values !== undefined) expect(((schema.enum ?? schema["x-open-enum"]) as unknown[] | undefined)?.length).toBe(values);
    for (const [keyword, value] of Object.entries(keywords)) expect(schema[keyword], keyword).toEqual(value);
  });
});

describe("provenance listing", () => {
  it("lists per offering which parameters are documented and which inferred, with reasons", async () => {
    const out: string[] = [];
    expect(await main(["provenance", "--json"], { out: (t) => out.push(t), err: () => {} })).toBe(0);
    const report = JSON.parse(out.join("")) as { offering: string; documented: string[]; inferred: { path: string; reason: string }[] }[];
    expect(report.map((r) => r.offering)).toEqual(model.offerings.map((o) => o.id));
    const byId = Object.fromEntries(report.map((r) => [r.offering, r]));
    // 000 carries the schemas, so everything is documented there.
    expect(byId["cloudflare/gpt-5.4-mini"]!.inferred).toEqual([]);
    // 002 and 003 list only some parameters; the rest come from 000.
    for (const id of ["cloudflare/gpt-5.4-nano", "cloudflare/gpt-5.4"]) {
      expect(byId[id]!.documented).toEqual(expect.arrayContaining(Object.keys(chatCompletionsListed)));
      expect(byId[id]!.inferred.map((p) => p.path)).toEqual(expect.arrayContaining(["messages", "stream_options", "tools"]));
    }
    // Runware counts allowed values without listing them: those enums are inferred, with a reason.
    const runwareInferred = byId["runware/gpt-5.4-mini"]!.inferred;
    expect(runwareInferred.map((p) => p.path)).toEqual(
      expect.arrayContaining(["settings.thinkingLevel", "settings.toolChoice.type", "messages[].role"]),
    );
    for (const p of [...runwareInferred, ...byId["anyfast/gpt-5.4-mini"]!.inferred]) expect(p.reason.length).toBeGreaterThan(10);
  });

  it("prints a readable table too", async () => {
    const out: string[] = [];
    expect(await main(["provenance"], { out: (t) => out.push(t), err: () => {} })).toBe(0);
    expect(out.join("\n")).toMatch(/^cloudflare\/gpt-5\.4-nano \(openai\/gpt-5\.4-nano\): 9 documented, 6 inferred$/m);
  });
});

describe("catalog", () => {
  /** What the seed pages say of the offerings they describe (one row per seed offering; other offerings are not here). */
  const SEEDED = [
    ["anyfast/gpt-5.4-mini", "anyfast", "gpt-5.4-mini", "available", 400000, 128000],
    ["cloudflare/gpt-5.4", "cloudflare", "openai/gpt-5.4", "available", 1000000, null],
    ["cloudflare/gpt-5.4-mini", "cloudflare", "openai/gpt-5.4-mini", "available", 128000, null],
    ["cloudflare/gpt-5.4-nano", "cloudflare", "openai/gpt-5.4-nano", "available", 128000, null],
    ["runware/gpt-5.4-mini", "runware", "openai:gpt@5.4-mini", "coming-soon", 400000, 128000],
  ];

  it("lists every offering of the specs, the seed offerings with the seeds' context windows and limits", async () => {
    const catalog = JSON.parse(await readFile(path.join(GENERATED_DIR, "catalog.json"), "utf8")) as Record<string, unknown>[];
    const rows = catalog.map((e) => [e.id, e.provider, e.model, e.status, e.contextWindow, e.maxOutputTokens]);
    expect(rows).toEqual(model.offerings.map((o) => [o.id, o.provider, o.model, o.status, o.contextWindow, o.maxOutputTokens]));
    expect(rows.filter(([id]) => SEEDED.some(([seeded]) => seeded === id))).toEqual(SEEDED);
    for (const entry of catalog) {
      if (SEEDED.some(([id]) => id === entry.id)) expect(entry.source).toMatchObject({ seed: expect.stringMatching(/^00[0-4]_[0-9a-f]{16}\.txt$/) });
      const validators = entry.validators as Record<string, string>;
      await expect(readFile(path.join(GENERATED_DIR, validators.request!), "utf8")).resolves.toContain("export default");
      await expect(readFile(path.join(GENERATED_DIR, validators.response!), "utf8")).resolves.toContain("export default");
    }
  });
});
