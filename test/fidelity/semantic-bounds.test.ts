/**
 * Issue 11, point 3: where a page is silent about a range that a parameter's meaning gives (a
 * nucleus-sampling probability lies in [0, 1]; a count of output tokens is a positive integer)
 * and the API the provider serves states it, the spec captures it as an inferred constraint:
 * `x-inferred: { <keyword>: <reason> }` beside the keyword. Docs, hover and `modelspec provenance`
 * show the reason; the spec notes list what was added.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../generator/cli.js";
import { loadModel } from "../../generator/generate.js";
import { readSpecDir } from "../../generator/load.js";
import { findParameter } from "../../generator/parameters.js";
import { GENERATED_DIR, generatedSharedType, MINIMAL_SPECS, offeringValidator, SCHEMAS_DIR, specProblems } from "../helpers.js";

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string }[] | null };
const model = loadModel(await readSpecDir(SCHEMAS_DIR));
const byId = (id: string) => model.offerings.find((o) => o.id === id)!;
const anyfast = byId("anyfast/gpt-5.4-mini");
const schemaOf = (parameter: string) => {
  const found = findParameter(anyfast.request.schema, parameter)!;
  return { ...found.schema, ...found.property };
};
const request = { model: "gpt-5.4-mini", input: [{ role: "user", content: "Hi" }] };
const validator = () => offeringValidator<Validate>("anyfast/gpt-5.4-mini");

describe("bounds that follow from what a parameter is", () => {
  it("Anyfast top_p is a probability in [0, 1], inferred with a reason", () => {
    const schema = schemaOf("top_p");
    expect(schema).toMatchObject({ type: "number", minimum: 0, maximum: 1 });
    expect(schema["x-inferred"]).toEqual({
      minimum: expect.stringMatching(/nucleus.*Responses API/),
      maximum: expect.stringMatching(/nucleus.*Responses API/),
    });
  });

  it("Anyfast max_output_tokens is a positive integer, inferred with a reason; its documented maximum stays", () => {
    const schema = schemaOf("max_output_tokens");
    expect(schema).toMatchObject({ type: "integer", minimum: 1, maximum: 128000 });
    expect(Object.keys(schema["x-inferred"] as object)).toEqual(["minimum"]);
  });

  it.each([
    [{ top_p: 1.5 }, "/top_p", "maximum"],
    [{ top_p: -0.1 }, "/top_p", "minimum"],
    [{ max_output_tokens: 0 }, "/max_output_tokens", "minimum"],
  ])("the validator rejects %j", async (extra, instancePath, keyword) => {
    const validate = await validator();
    expect(validate({ ...request, ...extra })).toBe(false);
    expect(validate.errors).toEqual([expect.objectContaining({ instancePath, keyword })]);
  });

  it.each([{ top_p: 0 }, { top_p: 1 }, { top_p: 0.35 }, { max_output_tokens: 1 }, { max_output_tokens: 128000 }])(
    "the validator accepts %j",
    async (extra) => {
      const validate = await validator();
      expect(validate({ ...request, ...extra }), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it("the docs and the hover show which bounds are inferred, and why", async () => {
    const docs = await readFile(path.join(GENERATED_DIR, "docs/anyfast/gpt-5.4-mini.md"), "utf8");
    const row = docs.split("\n").find((line) => line.startsWith("| `top_p`"))!;
    expect(row).toMatch(/minimum: 0 \(inferred: [^)]*nucleus/);
    expect(row).toMatch(/maximum: 1 \(inferred: /);
    const types = generatedSharedType("anyfast/gpt-5.4-mini", "AnyfastGpt54MiniRequest").file.contents;
    expect(types).toMatch(/@minimum 0 \(inferred: [^\n]*nucleus[^\n]*\)\n\s+\* @maximum 1 \(inferred: /);
  });

  it("`modelspec provenance` lists every inferred constraint with its reason", async () => {
    const out: string[] = [];
    expect(await main(["provenance", "--json"], { out: (t) => out.push(t), err: () => {} })).toBe(0);
    const report = JSON.parse(out.join("")) as {
      offering: string;
      constraints: { path: string; keyword: string; value: unknown; reason: string }[];
    }[];
    const constraints = report.find((r) => r.offering === "anyfast/gpt-5.4-mini")!.constraints;
    expect(constraints.map((c) => [c.path, c.keyword, c.value])).toEqual([
      ["input", "minItems", 1],
      ["max_output_tokens", "minimum", 1],
      ["top_p", "maximum", 1],
      ["top_p", "minimum", 0],
    ]);
    for (const c of constraints) expect(c.reason.length).toBeGreaterThan(20);
    const text: string[] = [];
    await main(["provenance"], { out: (t) => text.push(t), err: () => {} });
    expect(text.join("\n")).toMatch(/^ {2}documented {2}top_p\n {6}inferred maximum 1: .+\n {6}inferred minimum 0: .+$/m);
  });

  it("each offering's notes say which bounds were added, or that none were", () => {
    for (const offering of model.offerings) {
      expect(offering.notes.join("\n"), offering.id).toMatch(/Bounds from what a parameter is:/);
    }
    expect(anyfast.notes.join("\n")).toMatch(/Bounds from what a parameter is: .*`top_p`.*\[0, 1\].*`max_output_tokens`.*minimum 1/);
  });
});

describe("the x-inferred spec notion", () => {
  const withTemperature = (schema: string) => ({
    ...MINIMAL_SPECS,
    "acme/tiny.yaml": MINIMAL_SPECS["acme/tiny.yaml"]!.replace("temperature: { type: number, minimum: 0, maximum: 2 }", `temperature: ${schema}`),
  });

  it("names only keywords the schema has", () => {
    const problems = specProblems(withTemperature('{ type: number, minimum: 0, x-inferred: { maximum: "a sampling temperature" } }'));
    expect(problems).toEqual([
      expect.objectContaining({
        file: "acme/tiny.yaml",
        pointer: "/request/schema/properties/temperature/x-inferred/maximum",
        message: "x-inferred names maximum, which this schema does not have",
      }),
    ]);
  });

  it("gives a one-line reason per keyword (the meta-schema)", () => {
    const problems = specProblems(withTemperature('{ type: number, minimum: 0, x-inferred: { minimum: "" } }'));
    expect(problems).toEqual([expect.objectContaining({ pointer: "/request/schema/properties/temperature/x-inferred/minimum" })]);
  });
});
