/**
 * The generated validators, run as users run them: imported from generated/ and called.
 * Every spec example passes; for every offering, bad requests fail at the right instancePath.
 */
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadModel } from "../generator/generate.js";
import { readSpecDir } from "../generator/load.js";
import type { Json } from "../generator/model.js";
import { GENERATED_DIR, importGenerated, SCHEMAS_DIR } from "./helpers.js";
import {
  checkTableIds,
  derivedInvalidRequests,
  describeValidators,
  type Invalid,
  mutate,
  OFFERING_IDS,
  REMOVE,
  type RegistryOffering,
} from "./spec-driven.js";

const { offerings } = await importGenerated<{ offerings: Record<string, RegistryOffering> }>("offerings.js");
const model = loadModel(await readSpecDir(SCHEMAS_DIR));

const chatCompletionsInvalid: Invalid[] = [
  ["temperature below 0", "/temperature", -0.01, "/temperature", "minimum"],
  ["temperature above 2", "/temperature", 2.01, "/temperature", "maximum"],
  ["max_tokens at its exclusive minimum 0", "/max_tokens", 0, "/max_tokens", "exclusiveMinimum"],
  ["max_tokens as a string", "/max_tokens", "500", "/max_tokens", "type"],
  ["max_completion_tokens negative", "/max_completion_tokens", -5, "/max_completion_tokens", "exclusiveMinimum"],
  ["top_p below 0", "/top_p", -0.01, "/top_p", "minimum"],
  ["top_p above 1", "/top_p", 1.5, "/top_p", "maximum"],
  ["frequency_penalty below -2", "/frequency_penalty", -2.5, "/frequency_penalty", "minimum"],
  ["frequency_penalty above 2", "/frequency_penalty", 2.01, "/frequency_penalty", "maximum"],
  ["presence_penalty below -2", "/presence_penalty", -2.01, "/presence_penalty", "minimum"],
  ["presence_penalty above 2", "/presence_penalty", 2.5, "/presence_penalty", "maximum"],
  ["stream as a string", "/stream", "yes", "/stream", "type"],
  ["messages missing", "/messages", REMOVE, "", "required"],
  ["messages not an array", "/messages", "hello", "/messages", "type"],
  ["a message that is not an object", "/messages/0", "hello", "/messages/0", "type"],
  ["a role the provider does not allow", "/messages/0/role", "robot", "/messages/0/role", "enum"],
  ["message without role", "/messages/0/role", REMOVE, "/messages/0", "required"],
  ["message without content", "/messages/0/content", REMOVE, "/messages/0", "required"],
  ["content of the wrong type", "/messages/0/content", 42, "/messages/0/content", "anyOf"],
  ["stream_options.include_usage as a string", "/stream_options", { include_usage: "yes" }, "/stream_options/include_usage", "type"],
  [
    "unknown key in the closed stream_options",
    "/stream_options",
    { include_usage: true, include_cost: true },
    "/stream_options",
    "additionalProperties",
  ],
  ["tools not an array", "/tools", { type: "function" }, "/tools", "type"],
];

/**
 * Hand-picked bad requests, beside those derived from each request schema (spec-driven.ts): the
 * ones derivation cannot write (branches of a union, nested shapes the examples leave out, values
 * the page calls out). An offering without a row here is covered by the derived cases alone.
 */
const handPicked: Record<string, Invalid[]> = {
  "cloudflare/gpt-5.4": chatCompletionsInvalid,
  "cloudflare/gpt-5.4-mini": chatCompletionsInvalid,
  "cloudflare/gpt-5.4-nano": chatCompletionsInvalid,
  "runware/gpt-5.4-mini": [
    ["wrong fixed taskType", "/taskType", "imageInference", "/taskType", "const"],
    ["wrong fixed model id", "/model", "openai:gpt@5.4", "/model", "const"],
    ["taskUUID not a UUID", "/taskUUID", "task-1", "/taskUUID", "format"],
    ["taskUUID a UUID but not version 4", "/taskUUID", "6f1c2d3e-4a5b-1c6d-8e7f-9a0b1c2d3e4f", "/taskUUID", "pattern"],
    ["taskType missing", "/taskType", REMOVE, "", "required"],
    ["webhookURL not a URI", "/webhookURL", "not a uri", "/webhookURL", "format"],
    ["deliveryMethod outside its values", "/deliveryMethod", "push", "/deliveryMethod", "enum"],
    ["numberResults below 1", "/numberResults", 0, "/numberResults", "minimum"],
    ["numberResults above 4", "/numberResults", 5, "/numberResults", "maximum"],
    ["numberResults not an integer", "/numberResults", 1.5, "/numberResults", "type"],
    ["seed below 0", "/seed", -1, "/seed", "minimum"],
    ["seed above its maximum", "/seed", 1e20, "/seed", "maximum"],
    ["seed not an integer", "/seed", 1.5, "/seed", "type"],
    ["includeCost as a string", "/includeCost", "yes", "/includeCost", "type"],
    ["model missing", "/model", REMOVE, "", "required"],
    ["messages missing", "/messages", REMOVE, "", "required"],
    ["an unknown key in a message", "/messages/0/name", "ada", "/messages/0", "additionalProperties"],
    ["messages empty", "/messages", [], "/messages", "minItems"],
    ["a role the provider does not allow", "/messages/0/role", "system", "/messages/0/role", "enum"],
    ["empty message content", "/messages/0/content", "", "/messages/0/content", "minLength"],
    ["inputs.images empty", "/inputs", { images: [] }, "/inputs/images", "minItems"],
    ["an image that is not a string", "/inputs", { images: [42] }, "/inputs/images/0", "type"],
    ["settings.temperature above 2", "/settings", { temperature: 2.01 }, "/settings/temperature", "maximum"],
    ["settings.temperature below 0", "/settings", { temperature: -0.01 }, "/settings/temperature", "minimum"],
    ["settings.topP below 0", "/settings", { topP: -0.1 }, "/settings/topP", "minimum"],
    ["settings.topP above 1", "/settings", { topP: 1.01 }, "/settings/topP", "maximum"],
    ["settings.maxTokens not an integer", "/settings", { maxTokens: 10.5 }, "/settings/maxTokens", "type"],
    ["settings.systemPrompt over 200000 characters", "/settings", { systemPrompt: "x".repeat(200_001) }, "/settings/systemPrompt", "maxLength"],
    // Open enums (unconfirmed values): any string passes, so only the type is checked.
    ["settings.thinkingLevel not a string", "/settings", { thinkingLevel: 2 }, "/settings/thinkingLevel", "type"],
    ["settings.toolChoice.type not a string", "/settings", { toolChoice: { type: null } }, "/settings/toolChoice/type", "type"],
    ["settings.tools not objects", "/settings", { tools: ["lookup"] }, "/settings/tools/0", "type"],
    ["settings.maxTokens above 128000", "/settings", { maxTokens: 128001 }, "/settings/maxTokens", "maximum"],
    ["settings.maxTokens below 1", "/settings", { maxTokens: 0 }, "/settings/maxTokens", "minimum"],
    ["settings.systemPrompt empty", "/settings", { systemPrompt: "" }, "/settings/systemPrompt", "minLength"],
    ["settings.toolChoice without type", "/settings", { toolChoice: { name: "lookup" } }, "/settings/toolChoice", "required"],
    ["unknown top-level key", "/temperature", 0.5, "", "additionalProperties"],
  ],
  "anyfast/gpt-5.4-mini": [
    ["wrong fixed model id", "/model", "gpt-5.4", "/model", "const"],
    ["model missing", "/model", REMOVE, "", "required"],
    ["input missing", "/input", REMOVE, "", "required"],
    ["input empty", "/input", [], "/input", "minItems"],
    ["an input item without content", "/input/0/content", REMOVE, "/input/0", "required"],
    ["input not an array", "/input", "hello", "/input", "type"],
    ["a role the provider does not allow", "/input/0/role", "tool", "/input/0/role", "enum"],
    ["content of the wrong type", "/input/0/content", 5, "/input/0/content", "type"],
    ["max_output_tokens above 128000", "/max_output_tokens", 128001, "/max_output_tokens", "maximum"],
    ["max_output_tokens 0 (an inferred minimum: a positive count)", "/max_output_tokens", 0, "/max_output_tokens", "minimum"],
    ["top_p above 1 (an inferred maximum: a probability)", "/top_p", 1.01, "/top_p", "maximum"],
    ["top_p below 0 (an inferred minimum: a probability)", "/top_p", -0.01, "/top_p", "minimum"],
    ["max_output_tokens not an integer", "/max_output_tokens", 1.5, "/max_output_tokens", "type"],
    ["reasoning.effort outside its values", "/reasoning/effort", "max", "/reasoning/effort", "enum"],
    ["reasoning.summary outside its values", "/reasoning/summary", "long", "/reasoning/summary", "enum"],
    ["text.verbosity outside its values", "/text/verbosity", "loud", "/text/verbosity", "enum"],
    ["top_p as a string", "/top_p", "1", "/top_p", "type"],
    ["max_output_tokens as a string", "/max_output_tokens", "100", "/max_output_tokens", "type"],
    ["text.format without its type", "/text/format", {}, "/text/format", "required"],
    ["text.format.type outside its values", "/text/format/type", "xml", "/text/format/type", "enum"],
    ["an unknown key in reasoning", "/reasoning/budget", 5, "/reasoning", "additionalProperties"],
    ["an unknown top-level key (the table is the whole request)", "/temperature", 0.5, "", "additionalProperties"],
    ["store as a string", "/store", "yes", "/store", "type"],
    ["stream as a number", "/stream", 1, "/stream", "type"],
    ["a tool without its type", "/tools", [{ name: "lookup" }], "/tools/0", "required"],
  ],
};

const schemas = new Map(model.offerings.map((o) => [o.id, o.request.schema]));
const casesOf = (id: string): Invalid[] => [
  ...derivedInvalidRequests(
    schemas.get(id)!,
    offerings[id]!.examples.map((e) => e.request),
  ),
  ...(handPicked[id] ?? []),
];
const TABLE = "`handPicked` in test/validators.test.ts";

describe("every offering has validators and examples", () => {
  it("the registry and the specs list the catalog's offerings; the hand-picked table names no other", () => {
    expect(Object.keys(offerings).sort()).toEqual([...OFFERING_IDS]);
    expect(model.offerings.map((o) => o.id)).toEqual([...OFFERING_IDS]);
    checkTableIds(TABLE, Object.keys(handPicked));
  });

  it.each(OFFERING_IDS)("%s has at least ten invalid-request cases", (id) => {
    expect(casesOf(id).length, `${id}: add hand-picked cases to ${TABLE}`).toBeGreaterThanOrEqual(10);
  });

  // Every kind of constraint the request schema states (bounds, fixed values, formats, minimum
  // sizes, allowed values, required fields, closed objects) is broken by at least one case.
  const CONSTRAINTS = [
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "const",
    "enum",
    "format",
    "pattern",
    "required",
    "type",
  ];
  function constraintKinds(node: Json, out = new Set<string>()): Set<string> {
    if (Array.isArray(node)) for (const item of node) constraintKinds(item, out);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (CONSTRAINTS.includes(key) && key !== "required") out.add(key);
        if (key === "required" && Array.isArray(value) && value.length > 0) out.add(key);
        if (key === "additionalProperties" && value === false) out.add(key);
        if (key !== "properties" && key !== "$defs") constraintKinds(value, out);
        else for (const sub of Object.values(value as Record<string, Json>)) constraintKinds(sub, out);
      }
    }
    return out;
  }
  it.each(model.offerings.map((o) => [o.id, [...constraintKinds(o.request.schema)].sort()] as const))(
    "%s: a case breaks each kind of constraint: %j",
    (id, kinds) => {
      const tested = new Set(casesOf(id).map((c) => c[4]));
      expect(
        kinds.filter((k) => !tested.has(k)),
        `${id}: no derived case breaks these constraints; add hand-picked cases for them to ${TABLE}`,
      ).toEqual([]);
      expect(kinds).toEqual(expect.arrayContaining(["required", "type"]));
    },
  );
});

describeValidators(offerings, schemas, handPicked);

describe("open where the page is open", () => {
  // Where a request schema leaves an object open (seed 000's `additionalProperties: {}` at the top
  // and in each message), the validator accepts extra keys there (the generated types reject them;
  // see test/types/consumer.ts). Which objects are open is read from each schema.
  const openPlaces = model.offerings.flatMap((o) => {
    const schema = o.request.schema;
    const example = offerings[o.id]!.examples[0]!.request as Record<string, unknown>;
    const places: [string, string][] = [];
    if (schema.additionalProperties !== false) places.push([o.id, ""]);
    const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const [key, value] of Object.entries(example)) {
      const items = properties[key]?.items as { $ref?: string; additionalProperties?: unknown } | undefined;
      const item = items?.$ref ? ((schema.$defs as Record<string, typeof items>)[items.$ref.split("/").pop()!] ?? items) : items;
      if (Array.isArray(value) && value[0] && typeof value[0] === "object" && item && item.additionalProperties !== false)
        places.push([o.id, `/${key}/0`]);
    }
    return places;
  });

  it("the specs leave some request objects open", () => {
    expect(openPlaces.length).toBeGreaterThan(0);
  });

  it.each(openPlaces)("%s accepts an undocumented key at %j", (id, pointer) => {
    const offering = offerings[id]!;
    const request = mutate(offering.examples[0]!.request, `${pointer}/x_undocumented`, 7);
    expect(offering.validators.request(request), JSON.stringify(offering.validators.request.errors)).toBe(true);
  });
});

describe("Anyfast output items are a closed union like OpenAI's", () => {
  const validate = () => offerings["anyfast/gpt-5.4-mini"]!.validators.response;
  const response = (item: object) => ({
    id: "resp_1",
    object: "response",
    created_at: 1,
    model: "gpt-5.4-mini",
    status: "completed",
    output: [item],
  });
  it.each([
    ["a function call", { type: "function_call", id: "fc_1", call_id: "call_1", name: "lookup", arguments: "{}", status: "completed" }],
    ["reasoning with a summary", { type: "reasoning", id: "rs_1", summary: [{ type: "summary_text", text: "thought" }] }],
    ["a refusal", { type: "message", id: "msg_1", role: "assistant", content: [{ type: "refusal", refusal: "no" }] }],
    ["a web search call", { type: "web_search_call", id: "ws_1", status: "completed", action: { type: "search", query: "q" } }],
  ])("accepts %s", (_, item) => {
    expect(validate()(response(item)), JSON.stringify(validate().errors)).toBe(true);
  });
  it.each([
    ["an unknown item type", { type: "telepathy", id: "x" }],
    ["a message without content", { type: "message", id: "msg_1", role: "assistant" }],
    ["a function call without arguments", { type: "function_call", call_id: "call_1", name: "lookup" }],
  ])("rejects %s", (_, item) => {
    expect(validate()(response(item))).toBe(false);
  });
});

describe("validators are plain ES modules", () => {
  const files = async () => {
    const out: string[] = [];
    const walk = async (dir: string) => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else out.push(full);
      }
    };
    await walk(GENERATED_DIR);
    return out;
  };

  it("no generated file contains require(, eval( or new Function", async () => {
    const all = await files();
    expect(all.length).toBeGreaterThan(50);
    for (const file of all) {
      const text = await readFile(file, "utf8");
      expect(text, file).not.toMatch(/require\(|eval\(|new Function/);
    }
  });

  it("load and run in plain Node ESM, outside the test runner", async () => {
    const validators = (await files()).filter((f) => /\/validators\/[^/]+\.js$/.test(f));
    // One per distinct schema, as the catalog names them: offerings that share a schema share its validator.
    const catalog = JSON.parse(await readFile(path.join(GENERATED_DIR, "catalog.json"), "utf8")) as { validators: Record<string, string | null> }[];
    const named = new Set(catalog.flatMap((entry) => Object.values(entry.validators).filter((v): v is string => v !== null)));
    expect(validators.map((f) => path.relative(GENERATED_DIR, f).split(path.sep).join("/")).sort()).toEqual([...named].sort());
    expect(validators.length).toBeLessThan(catalog.length * 3);
    const script = `
      const results = {};
      for (const file of ${JSON.stringify(validators)}) {
        const mod = await import("file://" + file);
        results[file] = typeof mod.default === "function" && mod.default === mod.validate && mod.default({}) === false && Array.isArray(mod.default.errors);
      }
      const { offerings } = await import("file://${GENERATED_DIR}/offerings.js");
      const first = offerings[${JSON.stringify(OFFERING_IDS[0])}];
      results.example = first.validators.request(first.examples[0].request);
      console.log(JSON.stringify(results));`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script]);
    const results = JSON.parse(stdout) as Record<string, boolean>;
    expect(Object.values(results).every(Boolean), stdout).toBe(true);
    expect(Object.keys(results)).toHaveLength(validators.length + 1);
  });
});
