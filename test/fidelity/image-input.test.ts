/**
 * Issue 11, point 1: Anyfast's page says the model "Accepts text and image input", so
 * `input[].content` takes the Responses API's input content parts (input_text, input_image,
 * input_file) as well as a string, marked inferred; the types, docs and mock server follow. The
 * catalog's input modalities and the request schema must agree: a modality other than text is
 * carried by a schema node marked `x-modality: <modality>`, and generation fails when one side
 * names a modality the other does not.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAnyfastRestClient, type AnyfastGpt54MiniRequest } from "../../generated/index.js";
import { loadModel } from "../../generator/generate.js";
import { readSpecDir } from "../../generator/load.js";
import { API_KEY, mock } from "../clients/harness.js";
import { GENERATED_DIR, MINIMAL_SPECS, offeringValidator, SCHEMAS_DIR, specProblems, textFiles } from "../helpers.js";

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string }[] | null };
const model = loadModel(await readSpecDir(SCHEMAS_DIR));
const anyfast = model.offerings.find((o) => o.id === "anyfast/gpt-5.4-mini")!;
const validator = () => offeringValidator<Validate>("anyfast/gpt-5.4-mini");

const imageRequest: AnyfastGpt54MiniRequest = {
  model: "gpt-5.4-mini",
  input: [
    {
      role: "user",
      content: [
        { type: "input_text", text: "What is in this picture?" },
        { type: "input_image", image_url: "https://example.com/cat.png", detail: "low" },
      ],
    },
  ],
};

describe("Anyfast image input", () => {
  it.each([
    ["a string", "Hello"],
    ["text and an image by URL", imageRequest.input[0]!.content],
    ["an image as a data URL", [{ type: "input_image", image_url: "data:image/png;base64,iVBORw0KGgo=" }]],
    ["an image by file id", [{ type: "input_image", file_id: "file-abc123", detail: "auto" }]],
    ["a file by id", [{ type: "input_file", file_id: "file-abc123" }]],
    ["a file inline", [{ type: "input_file", filename: "a.pdf", file_data: "data:application/pdf;base64,JVBERi0=" }]],
  ])("the validator accepts content as %s", async (_, content) => {
    const validate = await validator();
    expect(validate({ model: "gpt-5.4-mini", input: [{ role: "user", content }] }), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ["a part of an unknown type", [{ type: "input_video", video_url: "https://example.com/v.mp4" }]],
    ["a text part without text", [{ type: "input_text" }]],
    ["an image detail outside its values", [{ type: "input_image", image_url: "https://example.com/cat.png", detail: "huge" }]],
    ["a number", 5],
  ])("the validator rejects content as %s", async (_, content) => {
    const validate = await validator();
    expect(validate({ model: "gpt-5.4-mini", input: [{ role: "user", content }] })).toBe(false);
  });

  it("the content parts are parameters, each marked inferred with its reason", () => {
    const inferred = new Map(anyfast.parameters.flatMap((p) => (p.provenance.kind === "inferred" ? [[p.path, p.provenance.reason]] : [])));
    for (const path of [
      "input[].content",
      "input[].content[].type",
      "input[].content[].text",
      "input[].content[].image_url",
      "input[].content[].detail",
      "input[].content[].file_id",
    ]) {
      expect(inferred.get(path), path).toBeDefined();
    }
    expect(inferred.get("input[].content")).toMatch(/image/);
  });

  it("the catalog lists image input, and the docs list the image part", async () => {
    const catalog = JSON.parse(await readFile(path.join(GENERATED_DIR, "catalog.json"), "utf8")) as { id: string; inputModalities: string[] }[];
    expect(catalog.find((e) => e.id === "anyfast/gpt-5.4-mini")!.inputModalities).toEqual(expect.arrayContaining(["text", "image"]));
    const docs = await readFile(path.join(GENERATED_DIR, "docs/anyfast/gpt-5.4-mini.md"), "utf8");
    expect(docs).toMatch(/^\| `input\[\]\.content\[\]\.image_url` .*\| inferred: /m);
  });

  it("the mock server and the generated client take an image request", async () => {
    const server = await mock();
    const response = await createAnyfastRestClient({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0 }).gpt54Mini.create({
      input: imageRequest.input,
    });
    expect(response.status).toBe("completed");
    expect(server.requests[0]).toMatchObject({ status: 200, body: { input: imageRequest.input } });
  });
});

describe("input modalities and the request schema agree", () => {
  const TINY = "acme/tiny.yaml";
  const tiny = (modalities: string, content = "content: { type: string, minLength: 1 }") => ({
    ...MINIMAL_SPECS,
    [TINY]: MINIMAL_SPECS[TINY]!.replace("inputModalities: [text]", `inputModalities: ${modalities}`),
    "acme/shared/chat.yaml": MINIMAL_SPECS["acme/shared/chat.yaml"]!.replace("content: { type: string, minLength: 1 }", content),
  });

  it("every offering of the specs carries what it lists", () => {
    for (const offering of model.offerings) {
      // The `x-modality` marks of the request schema, read from its JSON text.
      const carried = new Set([...JSON.stringify(offering.request.schema).matchAll(/"x-modality":"([^"]+)"/g)].map((m) => m[1]));
      expect([...carried].sort(), offering.id).toEqual(offering.inputModalities.filter((m) => m !== "text").sort());
    }
    const runware = model.offerings.find((o) => o.id === "runware/gpt-5.4-mini")!;
    expect(runware.inputModalities).toContain("image");
  });

  it("fails generation when a listed modality has no carrier in the request schema", () => {
    const problems = specProblems(tiny("[text, image]"));
    expect(problems).toEqual([
      expect.objectContaining({
        file: TINY,
        pointer: "/inputModalities",
        message:
          'inputModalities lists "image", but nothing in the request schema carries it: mark the property or content part that takes it with `x-modality: image`',
      }),
    ]);
    expect(problems[0]!.line).toBe(9);
  });

  it("fails generation when the request schema carries a modality the offering does not list", () => {
    const problems = specProblems(tiny("[text]", "content: { anyOf: [{ type: string }, { type: object, x-modality: image }] }"));
    expect(problems).toEqual([
      expect.objectContaining({
        file: "acme/shared/chat.yaml",
        pointer: "/$defs/Message/properties/content/anyOf/1/x-modality",
        message: 'the request schema of acme/tiny carries image input (x-modality: image), but its inputModalities do not list "image"',
      }),
    ]);
  });

  it("loads when both agree", () => {
    const specs = tiny("[text, image]", "content: { anyOf: [{ type: string }, { type: object, x-modality: image }] }");
    const loaded = loadModel(textFiles(specs));
    expect(loaded.offerings[0]!.inputModalities).toEqual(["text", "image"]);
  });
});
