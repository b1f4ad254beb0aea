/**
 * Issue 11, point 4: an open enum is a list of values the page does not spell (Runware's
 * "Allowed values 4 values"). Spelled `x-open-enum: [...]` beside `type: string`, it suggests the
 * known values in the types (`"off" | "low" | ... | (string & {})`), checks only the type in the
 * validator, is marked unconfirmed in the docs, and a change to it is `info` in `modelspec diff`.
 * Confirmed enums stay closed.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../generator/generate.js";
import { readSpecDir } from "../../generator/load.js";
import { findParameter } from "../../generator/parameters.js";
import { GENERATED_DIR, generatedSharedType, MINIMAL_SPECS, offeringValidator, SCHEMAS_DIR, specProblems } from "../helpers.js";

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string }[] | null };
const model = loadModel(await readSpecDir(SCHEMAS_DIR));
const runware = model.offerings.find((o) => o.id === "runware/gpt-5.4-mini")!;
const schemaOf = (parameter: string) => {
  const found = findParameter(runware.request.schema, parameter)!;
  return { ...found.schema, ...found.property };
};
const request = {
  taskType: "textInference",
  taskUUID: "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  model: "openai:gpt@5.4-mini",
  messages: [{ role: "user", content: "Hi" }],
};
const validator = () => offeringValidator<Validate>("runware/gpt-5.4-mini");

describe("Runware's counted-but-unspelled values", () => {
  it.each([
    ["settings.thinkingLevel", ["off", "low", "medium", "high"]],
    ["settings.toolChoice.type", ["auto", "any", "tool", "none"]],
  ])("%s is an open enum of its best-guess values", (parameter, values) => {
    const schema = schemaOf(parameter);
    expect(schema.enum).toBeUndefined();
    expect(schema["x-open-enum"]).toEqual(values);
    expect(schema.type).toBe("string");
  });

  it.each([
    ["messages[].role", ["user", "assistant"]],
    ["deliveryMethod", ["sync", "async", "stream"]],
  ])("%s, confirmed by Runware's SDK types, stays closed", (parameter, values) => {
    expect(schemaOf(parameter).enum).toEqual(values);
    expect(schemaOf(parameter)["x-open-enum"]).toBeUndefined();
  });

  it("the validator accepts a value outside the guesses and still checks the type", async () => {
    const validate = await validator();
    expect(validate({ ...request, settings: { thinkingLevel: "minimal" } }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...request, settings: { toolChoice: { type: "required" } } }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...request, settings: { thinkingLevel: 5 } })).toBe(false);
    expect(validate.errors).toEqual([expect.objectContaining({ instancePath: "/settings/thinkingLevel", keyword: "type" })]);
    expect(validate({ ...request, deliveryMethod: "push" })).toBe(false);
  });

  it("the types suggest the known values and accept any string", async () => {
    const types = generatedSharedType("runware/gpt-5.4-mini", "RunwareGpt54MiniRequest").file.contents;
    expect(types).toMatch(/export type RunwareRequestThinkingLevel = \("off" \| "low" \| "medium" \| "high" \| string & \{\}\)/);
    expect(types).toMatch(/export type RunwareRequestToolChoiceType = \("auto" \| "any" \| "tool" \| "none" \| string & \{\}\)/);
    expect(types).toMatch(/Known values \(unconfirmed; any string is accepted\): "off", "low", "medium", "high"/);
  });

  it("the docs mark the list unconfirmed", async () => {
    const docs = await readFile(path.join(GENERATED_DIR, "docs/runware/gpt-5.4-mini.md"), "utf8");
    const row = docs.split("\n").find((line) => line.startsWith("| `settings.thinkingLevel`"))!;
    expect(row).toContain('known values (unconfirmed, any string passes): "off", "low", "medium", "high"');
    expect(row).not.toContain("allowed values: ");
  });
});

describe("the x-open-enum spec notion", () => {
  const withTemperature = (schema: string) => ({
    ...MINIMAL_SPECS,
    "acme/tiny.yaml": MINIMAL_SPECS["acme/tiny.yaml"]!.replace("temperature: { type: number, minimum: 0, maximum: 2 }", `temperature: ${schema}`),
  });

  it("loads beside type: string", () => {
    const tiny = loadModel(
      new Map(Object.entries(withTemperature("{ type: string, x-open-enum: [low, high] }")).map(([k, v]) => [k, new TextEncoder().encode(v)])),
    );
    expect(tiny.offerings[0]!.request.schema.properties).toMatchObject({ temperature: { type: "string", "x-open-enum": ["low", "high"] } });
  });

  it.each([
    [
      "without type: string",
      "{ x-open-enum: [low, high] }",
      "/request/schema/properties/temperature/x-open-enum",
      "x-open-enum needs `type: string` beside it",
    ],
    [
      "beside a closed enum",
      "{ type: string, enum: [low], x-open-enum: [low, high] }",
      "/request/schema/properties/temperature/x-open-enum",
      "x-open-enum and enum contradict each other: a list is either closed (enum) or open (x-open-enum)",
    ],
    [
      "beside const",
      "{ type: string, const: low, x-open-enum: [low, high] }",
      "/request/schema/properties/temperature/x-open-enum",
      "x-open-enum and const contradict each other: a list is either closed (enum) or open (x-open-enum)",
    ],
  ])("is a located error %s", (_, schema, pointer, message) => {
    expect(specProblems(withTemperature(schema))).toEqual([expect.objectContaining({ file: "acme/tiny.yaml", pointer, message })]);
  });

  it("holds distinct strings (the meta-schema)", () => {
    const problems = specProblems(withTemperature("{ type: string, x-open-enum: [low, 5] }"));
    expect(problems).toEqual([
      expect.objectContaining({ pointer: "/request/schema/properties/temperature/x-open-enum/1", message: "must be string, found integer" }),
    ]);
  });
});
