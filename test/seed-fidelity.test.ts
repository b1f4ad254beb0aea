/**
 * The specs against the seed pages themselves. Everything expected here is read out of the page
 * text in schemas/seeds/ (a verbatim copy of ../shared/seeds, so a clean clone has them), never
 * out of the specs:
 *  - 000's input and output JSON Schemas, parsed from the page, equal the specs' schemas once
 *    `$ref`s are inlined and descriptions dropped (002 and 003 share them, marked inferred);
 *  - every parameter of 001's listing, 002/003's parameter lists and 004's table (plus its prose)
 *    is in the spec with each constraint the page states, and with the right provenance;
 *  - every example request a page shows is a named example of its spec, and every answer the
 *    page shows is that example's response;
 *  - model ids, status and context windows are the pages'.
 * `auditSeeds(model)` collects every disagreement; a spec with a dropped parameter or a loosened
 * bound (built below in memory) must produce one.
 *
 * The page readers are in seed-fidelity/pages.ts, the comparison in seed-fidelity/audit.ts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { loadModel } from "../generator/generate.js";
import { readSpecDir, type SpecFiles } from "../generator/load.js";
import type { JsonObject, Model } from "../generator/model.js";
import { findParameter } from "../generator/parameters.js";
import { SCHEMAS_DIR } from "./helpers.js";
import { auditSeeds, meaning, offeringOf, strip } from "./seed-fidelity/audit.js";
import { SEEDS_DIR, SHARED_SEEDS_DIR, seed000, seedFiles, seeds, seedText } from "./seed-fidelity/pages.js";

const specFiles = await readSpecDir(SCHEMAS_DIR);
const model = loadModel(specFiles);

describe("the seed pages", () => {
  it("are read as the pages say (guards the readers themselves)", () => {
    expect(seedFiles).toEqual([
      "000_a89bc762b21b47b9.txt",
      "001_70f3029293a2a987.txt",
      "002_0e1d7c0edc7d8d51.txt",
      "003_b4c33ac914a4a642.txt",
      "004_f951ccde1e2f37c5.txt",
    ]);
    const summary = seeds.map((s) => [
      s.seed.slice(0, 3),
      s.model,
      s.contextWindow,
      s.parameters.size,
      s.examples.length,
      s.examples.filter((e) => e.answer).length,
    ]);
    expect(summary).toEqual([
      ["000", "openai/gpt-5.4-mini", 128000, 15, 5, 0],
      ["001", "openai:gpt@5.4-mini", 400000, 22, 0, 0],
      ["002", "openai/gpt-5.4-nano", 128000, 9, 5, 5],
      ["003", "openai/gpt-5.4", 1000000, 9, 5, 5],
      ["004", "gpt-5.4-mini", 400000, 15, 3, 0],
    ]);
    expect(Object.keys(seed000.schemas!.request.properties as JsonObject)).toHaveLength(12);
    expect(seed000.schemas!.response.required).toEqual(["id", "object", "created", "model", "choices"]);
    const runware = seeds[1]!.parameters;
    expect(runware.get("settings.toolChoice.type")).toMatchObject({ type: "string", required: true, valueCount: 4 });
    expect(runware.get("settings.temperature")).toEqual({
      type: "number",
      required: false,
      keywords: { minimum: 0, maximum: 2, "x-step": 0.01, default: 1 },
    });
    expect(runware.get("taskUUID")!.keywords).toEqual({ format: "uuid" });
    expect(runware.get("messages[].content")).toMatchObject({ required: true, keywords: { minLength: 1 } });
    expect(seeds[4]!.parameters.get("max_output_tokens")!.keywords).toEqual({ maximum: 128000 });
    expect(seeds[2]!.examples[4]!.answer).toMatch(/^Recursion is a programming technique[\s\S]*traversing a tree\.$/);
    expect(seeds[3]!.examples[0]!.answer).toMatch(/^The \*\*three laws[\s\S]*explanation of each law\.$/);
  });

  // The copies make a clean clone self-contained; where the originals are at hand, they must match.
  it.skipIf(!existsSync(SHARED_SEEDS_DIR))("schemas/seeds and schemas/provider-notes.md are verbatim copies of ../shared", () => {
    const originals = readdirSync(SHARED_SEEDS_DIR);
    expect(readdirSync(SEEDS_DIR).sort()).toEqual(originals.sort());
    for (const file of originals) {
      expect(readFileSync(path.join(SEEDS_DIR, file), "utf8"), file).toBe(readFileSync(path.join(SHARED_SEEDS_DIR, file), "utf8"));
    }
    const notes = (dir: string) => readFileSync(path.join(dir, "provider-notes.md"), "utf8");
    expect(notes(SCHEMAS_DIR)).toBe(notes(path.dirname(SHARED_SEEDS_DIR)));
  });
});

describe("the specs against the pages", () => {
  it("agree: every parameter, constraint, schema, example, answer, model id and context window", () => {
    expect(auditSeeds(model)).toEqual([]);
  });

  it("a source url is on its page: the page names its site and links the path (only 004 gives one)", () => {
    const withUrl = model.offerings.filter((o) => o.source.url !== undefined);
    expect(withUrl.map((o) => o.source.seed)).toEqual(["004_f951ccde1e2f37c5.txt"]);
    for (const offering of withUrl) {
      const url = new URL(offering.source.url!);
      const text = seedText(offering.source.seed);
      expect(text).toContain(`${url.origin}/`);
      expect(text).toContain(`href="${url.pathname}"`);
    }
  });

  it("000's input and output JSON Schemas are the specs' schemas, $refs inlined (verbatim in meaning)", () => {
    const mini = model.offerings.find((o) => o.id === "cloudflare/gpt-5.4-mini")!;
    expect(meaning(mini.request.schema)).toEqual(strip(seed000.schemas!.request));
    expect(meaning(mini.response.schema)).toEqual(strip(seed000.schemas!.response));
  });

  it.each(seeds.map((s) => [s.seed, s.examples.length] as const))("%s: every example the page shows is a named example (%i)", (seed, count) => {
    const offering = offeringOf(model, seed)[0]!;
    const documented = offering.examples.filter((e) => e.provenance.request.kind === "documented");
    expect(documented).toHaveLength(count);
    for (const example of documented) expect(example.name).toMatch(/^[a-z0-9-]+$/);
    // Pages that print the model's answers: each is an example response (or stream) in the provider's shape.
    const answered = seeds.find((s) => s.seed === seed)!.examples.filter((e) => e.answer).length;
    expect(documented.filter((e) => e.response || e.events).length).toBeGreaterThanOrEqual(answered);
  });

  it("where the pages disagree with other sources, the spec follows the page and says so", () => {
    const byId = (id: string) => model.offerings.find((o) => o.id === id)!;
    const runware = byId("runware/gpt-5.4-mini");
    // 001 puts toolChoice and tools inside `settings`; Runware's SDK types have them at the top level.
    expect(findParameter(runware.request.schema, "settings.toolChoice")).toBeDefined();
    expect(findParameter(runware.request.schema, "settings.tools")).toBeDefined();
    expect(findParameter(runware.request.schema, "toolChoice")).toBeUndefined();
    expect(runware.notes.join("\n")).toMatch(/`toolChoice` and `tools` inside `settings`.*top level.*follows the page/);
    // gpt-5.4-mini: 128,000 on Cloudflare, 400K on Runware and Anyfast; each spec names the other figure.
    for (const id of ["cloudflare/gpt-5.4-mini", "runware/gpt-5.4-mini", "anyfast/gpt-5.4-mini"]) {
      expect(byId(id).notes.join("\n"), id).toMatch(/128,000[\s\S]*400K|400K[\s\S]*128,000/);
    }
  });

  /** The specs with one YAML edit applied, loaded in memory. */
  function edited(file: string, edit: (doc: ReturnType<typeof parseDocument>) => void): Model {
    const doc = parseDocument(new TextDecoder().decode(specFiles.get(file)!));
    edit(doc);
    const files: SpecFiles = new Map([...specFiles, [file, new TextEncoder().encode(doc.toString())]]);
    return loadModel(files);
  }

  it.each([
    [
      "a listed Runware parameter dropped (schema and provenance)",
      "runware/gpt-5.4-mini.yaml",
      (doc: ReturnType<typeof parseDocument>) => {
        doc.deleteIn(["request", "schema", "properties", "webhookURL"]);
        doc.deleteIn(["request", "parameters", "webhookURL"]);
      },
      "parameter webhookURL is missing",
    ],
    [
      "Anyfast's 128K output limit loosened",
      "anyfast/gpt-5.4-mini.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.deleteIn(["request", "schema", "properties", "max_output_tokens", "maximum"]),
      "max_output_tokens: maximum undefined, page 128000",
    ],
    [
      "a constraint of 000's input schema dropped",
      "cloudflare/shared/chat-completions.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.deleteIn(["$defs", "Request", "properties", "max_tokens", "exclusiveMinimum"]),
      "request schema /properties/max_tokens/exclusiveMinimum: spec undefined, page 0",
    ],
    [
      "a role added to 000's message schema",
      "cloudflare/shared/chat-completions.yaml",
      (doc: ReturnType<typeof parseDocument>) =>
        doc.setIn(["$defs", "Message", "properties", "role", "enum"], ["system", "developer", "user", "assistant", "tool", "function"]),
      "request schema /properties/messages/items/properties/role/enum",
    ],
    [
      "a counted enum given one value too many",
      "runware/shared/text-inference.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(["$defs", "ThinkingLevel", "x-open-enum"], ["off", "minimal", "low", "medium", "high"]),
      "settings.thinkingLevel: 5 allowed values, page counts 4",
    ],
    [
      "an unconfirmed counted list closed",
      "runware/shared/text-inference.yaml",
      (doc: ReturnType<typeof parseDocument>) => {
        doc.setIn(["$defs", "ToolChoiceType", "enum"], doc.getIn(["$defs", "ToolChoiceType", "x-open-enum"]));
        doc.deleteIn(["$defs", "ToolChoiceType", "x-open-enum"]);
      },
      "settings.toolChoice.type: no source confirms its values, so it must be an open enum (x-open-enum)",
    ],
    [
      "a confirmed counted list opened",
      "runware/shared/text-inference.yaml",
      (doc: ReturnType<typeof parseDocument>) => {
        doc.setIn(["$defs", "DeliveryMethod", "x-open-enum"], doc.getIn(["$defs", "DeliveryMethod", "enum"]));
        doc.deleteIn(["$defs", "DeliveryMethod", "enum"]);
      },
      "deliveryMethod: the provider notes confirm its values, so it must be a closed enum",
    ],
    [
      "an unstated bound no longer marked inferred",
      "anyfast/gpt-5.4-mini.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.deleteIn(["request", "schema", "properties", "top_p", "x-inferred"]),
      "top_p: minimum 0 is not on the page; mark it `x-inferred: { minimum: <reason> }`",
    ],
    [
      "a made-up answer labelled documented",
      "anyfast/gpt-5.4-mini.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(["examples", 0, "provenance"], "documented"),
      "example curl: its response is marked documented, but the page prints no response object",
    ],
    [
      "a stated default changed",
      "runware/gpt-5.4-mini.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(["request", "schema", "properties", "numberResults", "default"], 2),
      "numberResults: default 2, page 1",
    ],
    [
      "an answer the page prints, edited",
      "cloudflare/gpt-5.4-nano.yaml",
      (doc: ReturnType<typeof parseDocument>) =>
        doc.setIn(
          ["examples", 0, "response", "choices", 0, "message", "content"],
          String(doc.getIn(["examples", 0, "response", "choices", 0, "message", "content"])).replace("Zeroth", "Zeroeth"),
        ),
      "example usage: its answer is not the page's",
    ],
    [
      "an example request changed",
      "anyfast/gpt-5.4-mini.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(["examples", 2, "request", "stream"], false),
      "example python-streaming request /stream: spec false, page true",
    ],
    [
      "an example dropped",
      "cloudflare/gpt-5.4.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.deleteIn(["examples", 1]),
      "4 documented examples, the page shows 5",
    ],
    [
      "a 002-listed parameter marked inferred",
      "cloudflare/gpt-5.4-nano.yaml",
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(["request", "parameters", "top_p"], doc.createNode({ inferred: "same API as 000" })),
      "top_p: the page documents it, but the spec marks it inferred",
    ],
  ])("finds a spec that drifts from its page: %s", (_, file, edit, expected) => {
    const problems = auditSeeds(edited(file, edit));
    expect(
      problems.some((p) => p.includes(expected)),
      problems.join("\n"),
    ).toBe(true);
  });
});
