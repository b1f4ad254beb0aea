/**
 * Issue 11, point 5: a "step" on a documentation page is a slider increment, not an API rule.
 * Runware's `step: 0.01` on `settings.temperature` and `settings.topP` is kept as the `x-step`
 * annotation (shown in the docs and on hover); the validators accept any value in range.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../generator/generate.js";
import { readSpecDir } from "../../generator/load.js";
import { findParameter } from "../../generator/parameters.js";
import { GENERATED_DIR, generatedSharedType, MINIMAL_SPECS, offeringValidator, SCHEMAS_DIR, specProblems } from "../helpers.js";

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
const model = loadModel(await readSpecDir(SCHEMAS_DIR));
const runware = model.offerings.find((o) => o.id === "runware/gpt-5.4-mini")!;
const request = {
  taskType: "textInference",
  taskUUID: "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  model: "openai:gpt@5.4-mini",
  messages: [{ role: "user", content: "Hi" }],
};

describe("a page's slider step", () => {
  it.each(["settings.temperature", "settings.topP"])("%s keeps its step as an annotation, not multipleOf", (parameter) => {
    const found = findParameter(runware.request.schema, parameter)!;
    const schema = { ...found.schema, ...found.property };
    expect(schema.multipleOf).toBeUndefined();
    expect(schema["x-step"]).toBe(0.01);
  });

  it.each([
    ["temperature", 0.555],
    ["temperature", 0.333],
    ["topP", 0.955],
  ])("the generated validator accepts settings.%s %s (off the page's step)", async (key, value) => {
    const validate = await offeringValidator<Validate>("runware/gpt-5.4-mini");
    expect(validate({ ...request, settings: { [key]: value } }), JSON.stringify(validate.errors)).toBe(true);
  });

  it("the range still holds", async () => {
    const validate = await offeringValidator<Validate>("runware/gpt-5.4-mini");
    expect(validate({ ...request, settings: { temperature: 2.001 } })).toBe(false);
  });

  it("shows the step in the docs and on hover, marked as not checked", async () => {
    const docs = await readFile(path.join(GENERATED_DIR, "docs/runware/gpt-5.4-mini.md"), "utf8");
    const row = docs.split("\n").find((line) => line.startsWith("| `settings.temperature`"))!;
    expect(row).toContain("step on the page: 0.01 (not checked)");
    expect(row).not.toContain("multipleOf");
    const types = generatedSharedType("runware/gpt-5.4-mini", "RunwareGpt54MiniRequest").file.contents;
    expect(types).toMatch(
      /Step on the page: 0\.01 \(a slider increment; other values are not rejected\)\n\s+\* @default 1\n\s+\* @minimum 0\n\s+\* @maximum 2\n\s+\*\/\n\s+temperature\?: number\n/,
    );
    expect(types).not.toContain("@multipleOf 0.01");
  });

  it("is a positive number, checked by the spec meta-schema", () => {
    const specs = { ...MINIMAL_SPECS, "acme/tiny.yaml": MINIMAL_SPECS["acme/tiny.yaml"]!.replace("maximum: 2 }", "maximum: 2, x-step: 0 }") };
    const problems = specProblems(specs);
    expect(problems).toEqual([
      expect.objectContaining({ file: "acme/tiny.yaml", pointer: "/request/schema/properties/temperature/x-step", message: "must be > 0" }),
    ]);
  });
});
