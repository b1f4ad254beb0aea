/**
 * Binary answers (an image) and top-level array answers (labels), from hand-written Cloudflare
 * specs added to a copy of schemas/: generated, type-checked as a user's code, validated, and
 * called over REST against the mock server and over a stub binding. Also how a binary route reports
 * errors, and the checks on the examples such specs may hold.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { generateFiles } from "../../generator/generate.js";
import { readSpecDir } from "../../generator/load.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { binaryResponse } from "../../generator/response-body.js";
import { binaryAnswer, placeholder } from "../../generator/mock/binary.js";
import { MINIMAL_SPECS, SCHEMAS_DIR, specProblems, typecheck } from "../helpers.js";

/** Generated JS imports eventsource-parser, so it is written where node_modules is found. */
const CACHE = path.join(PROJECT_ROOT, "node_modules", ".cache");

/** 8 bytes (the PNG signature), so the answer is told apart from the mock's 67-byte placeholder. */
const EXAMPLE_BYTES = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const OFFERING = (slug: string, rest: string) => `provider: cloudflare
slug: ${slug}
model: "@cf/test/${slug}"
name: ${slug}
description: A test model.
status: available
contextWindow: null
maxOutputTokens: null
source: { seed: test, section: fixture }
${rest}`;

const PAINTER = OFFERING(
  "test-painter",
  `inputModalities: [text]
outputModalities: [image]
request:
  provenance: documented
  parameters: { prompt: documented }
  schema:
    type: object
    required: [prompt]
    properties:
      prompt: { type: string, minLength: 1 }
response:
  provenance: documented
  schema: { type: string, format: binary, contentMediaType: image/png, description: The image. }
examples:
  - name: cat
    title: A cat
    provenance: documented
    request: { prompt: a cat }
    response: { contentType: image/png, base64: "${Buffer.from(EXAMPLE_BYTES).toString("base64")}" }
`,
);

const LABELER = OFFERING(
  "test-labeler",
  `inputModalities: [text]
outputModalities: [text]
request:
  provenance: documented
  parameters: { text: documented }
  schema:
    type: object
    required: [text]
    properties:
      text: { type: string, minLength: 1 }
response:
  provenance: documented
  schema:
    type: array
    items:
      type: object
      required: [label, score]
      properties:
        label: { type: string }
        score: { type: number, minimum: 0, maximum: 1 }
examples:
  - name: pets
    title: Pets
    provenance: documented
    request: { text: a cat and a dog }
    response: [{ label: cat, score: 0.9 }, { label: dog, score: 0.1 }]
`,
);

/** A user's code: the `@ts-expect-error` lines are the assertions. */
const CONSUMER = `import { createCloudflareBindingClient, createCloudflareRestClient } from "./cloudflare/client.js";
import { offering as painter } from "./cloudflare/test-painter/index.js";
import { offering as labeler } from "./cloudflare/test-labeler/index.js";
import type { BinaryBody } from "./runtime/index.js";

export async function use(rest: ReturnType<typeof createCloudflareRestClient>, binding: ReturnType<typeof createCloudflareBindingClient>) {
  const image: BinaryBody = await rest.testPainter.create({ prompt: "a cat" });
  const bytes: Uint8Array = image.body;
  const type: string = image.contentType;
  // @ts-expect-error a binary answer is bytes, not the schema's string
  const text: string = await rest.testPainter.create({ prompt: "a cat" });
  const viaBinding: BinaryBody = await binding.testPainter.create({ prompt: "a cat" });
  const labels = await rest.testLabeler.create({ text: "a cat" });
  const first: string | undefined = labels[0]?.label;
  const score: number | undefined = labels[1]?.score;
  // @ts-expect-error an array answer has no fields of its own
  labels.label;
  const example = painter.examples[0]?.response;
  const base64: string | undefined = example?.base64;
  const declared: "image/png" = painter.binaryResponse.contentType;
  const none: undefined = labeler.binaryResponse;
  const listed: number | undefined = labeler.examples[0]?.response?.[0]?.score;
  return [bytes, type, text, viaBinding, first, score, base64, declared, none, listed];
}
`;

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2022", "DOM", "DOM.Iterable", "DOM.AsyncIterable"],
    types: ["node"],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
  },
  files: ["consumer.ts"],
};

// biome-ignore lint/suspicious/noExplicitAny: modules this test generates, which no declaration types
type Untyped = Record<string, any>;

describe("binary and array answers", () => {
  let out: string;
  let index: Untyped;
  let mock: Untyped;

  beforeAll(async () => {
    await mkdir(CACHE, { recursive: true });
    out = await mkdtemp(path.join(CACHE, "modelspec-binary-"));
    const schemas = path.join(out, "schemas");
    await cp(SCHEMAS_DIR, schemas, { recursive: true });
    await writeFile(path.join(schemas, "cloudflare/test-painter.yaml"), PAINTER);
    await writeFile(path.join(schemas, "cloudflare/test-labeler.yaml"), LABELER);
    const files = await generateFiles(await readSpecDir(schemas));
    const generated = path.join(out, "generated");
    for (const file of files) {
      await mkdir(path.dirname(path.join(generated, file.path)), { recursive: true });
      await writeFile(path.join(generated, file.path), file.contents);
    }
    await writeFile(path.join(generated, "consumer.ts"), CONSUMER);
    await writeFile(path.join(generated, "tsconfig.json"), JSON.stringify(TSCONFIG));
    index = {
      ...((await import(pathToFileURL(path.join(generated, "index.js")).href)) as Untyped),
      ...((await import(pathToFileURL(path.join(generated, "offerings.js")).href)) as Untyped),
    };
    mock = (await import(pathToFileURL(path.join(generated, "mock", "index.js")).href)) as Untyped;
  }, 240_000);

  afterAll(() => rm(out, { recursive: true, force: true }));

  it("types the binary answer as bytes and the array answer as a list (tsc, strict)", async () => {
    const result = await typecheck(path.join(out, "generated", "tsconfig.json"));
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  }, 120_000);

  it("validates the array answer and its examples; the binary offering declares its media type", () => {
    const labeler = index.offerings["cloudflare/test-labeler"];
    expect(labeler.validators.response(labeler.examples[0].response)).toBe(true);
    expect(labeler.validators.response([{ label: "cat", score: 2 }])).toBe(false);
    expect(labeler.validators.response({ label: "cat", score: 0.5 })).toBe(false);
    const painter = index.offerings["cloudflare/test-painter"];
    expect(painter.binaryResponse).toEqual({ contentType: "image/png" });
    expect(labeler.binaryResponse).toBeUndefined();
  });

  it("describes the binary answer in the OpenAPI document by its media type, the array answer as JSON", async () => {
    const document = JSON.parse(await readFile(path.join(out, "generated", "cloudflare", "openapi.json"), "utf8")) as Untyped;
    const answers = Object.values(document.paths as Untyped).flatMap((item: Untyped) =>
      Object.values(item).filter((op: Untyped) => op?.["x-modelspec-offerings"]),
    ) as Untyped[];
    const answer = (id: string) => answers.find((op) => op["x-modelspec-offerings"].includes(id))!.responses["200"].content;
    expect(answer("cloudflare/test-painter")).toEqual({ "image/png": { schema: { type: "string", contentMediaType: "image/png" } } });
    expect(Object.keys(answer("cloudflare/test-labeler"))).toEqual(["application/json"]);
  });

  it("answers both from their examples on the mock server, over REST", async () => {
    const server = await mock.startMockProviders({ apiKey: "test-key" });
    try {
      const client = index.createCloudflareRestClient({
        apiKey: "test-key",
        accountId: "a",
        baseUrl: server.url,
        maxRetries: 0,
        validateResponse: true,
      });
      const image = await client.testPainter.create({ prompt: "a cat" });
      expect(image.contentType).toBe("image/png");
      expect([...image.body]).toEqual(EXAMPLE_BYTES);
      const labels = await client.testLabeler.create({ text: "a cat" });
      expect(labels).toEqual([
        { label: "cat", score: 0.9 },
        { label: "dog", score: 0.1 },
      ]);
    } finally {
      await server.close();
    }
  });

  it("a JSON error on a binary route is a typed error", async () => {
    const { ApiError, BadRequestError, InternalServerError } = index;
    const server = await mock.startMockProviders({ apiKey: "test-key" });
    try {
      const client = index.createCloudflareRestClient({ apiKey: "test-key", accountId: "a", baseUrl: server.url, maxRetries: 0 });
      const fault = (name: string) => ({ headers: { "x-modelspec-fault": name } });
      // The provider's error envelope inside a 200.
      const failed = await client.testPainter.create({ prompt: "a cat" }, fault("task-error")).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(ApiError);
      expect(failed).toMatchObject({ providerMessage: "The model failed to complete the task" });
      await expect(client.testPainter.create({ prompt: "a cat" }, fault("server-error"))).rejects.toBeInstanceOf(InternalServerError);
      const invalid = await client.testPainter.create({ prompt: "" }, { validateRequest: false }).catch((e: unknown) => e);
      expect(invalid).toBeInstanceOf(BadRequestError);
      expect(invalid).toMatchObject({ status: 400, providerMessage: expect.stringContaining("Invalid parameter 'prompt'") });
    } finally {
      await server.close();
    }
  });

  it("reads any body as bytes; a JSON success or, with validateResponse, another media type is an InvalidResponseError", async () => {
    const { InvalidResponseError } = index;
    let reply = () => new Response(new Uint8Array([1, 2, 3]), { headers: { "content-type": "image/jpeg" } });
    const client = index.createCloudflareRestClient({
      apiKey: "test-key",
      accountId: "a",
      baseUrl: "http://127.0.0.1:9",
      maxRetries: 0,
      fetch: async () => reply(),
    });
    const loose = await client.testPainter.create({ prompt: "a cat" });
    expect(loose.contentType).toBe("image/jpeg");
    expect([...loose.body]).toEqual([1, 2, 3]);
    const strict = await client.testPainter.create({ prompt: "a cat" }, { validateResponse: true }).catch((e: unknown) => e);
    expect(strict).toBeInstanceOf(InvalidResponseError);
    expect((strict as Error).message).toContain('expected a body of type image/png, got "image/jpeg"');
    reply = () => Response.json({ success: true, errors: [], messages: [], result: { image: "aGk=" } });
    const json = await client.testPainter.create({ prompt: "a cat" }).catch((e: unknown) => e);
    expect(json).toBeInstanceOf(InvalidResponseError);
    expect((json as Error).message).toContain("expected a binary body (image/png), got JSON");
  });

  it("reads a binding's stream of bytes whole, with the declared media type", async () => {
    const { InvalidResponseError } = index;
    let output: unknown = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1, 2]));
        controller.enqueue(new Uint8Array([3]));
        controller.close();
      },
    });
    const ai = index.createCloudflareBindingClient({ binding: { run: async () => output } });
    const image = await ai.testPainter.create({ prompt: "a cat" });
    expect(image.contentType).toBe("image/png");
    expect([...image.body]).toEqual([1, 2, 3]);
    output = { image: "aGk=" };
    const wrong = await ai.testPainter.create({ prompt: "a cat" }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(InvalidResponseError);
    expect((wrong as Error).message).toBe("cloudflare: expected the binding to return bytes (image/png), got an object");
  });
});

describe("examples of binary and array answers", () => {
  const binarySpec = (response: string) => ({
    ...MINIMAL_SPECS,
    "acme/paint.yaml": `provider: acme
slug: paint
model: acme-paint-1
name: Acme Paint
description: Draws.
status: available
contextWindow: null
maxOutputTokens: null
inputModalities: [text]
outputModalities: [image]
source: { seed: test, section: fixture }
request:
  provenance: documented
  parameters: { prompt: documented }
  schema: { type: object, required: [prompt], properties: { prompt: { type: string } } }
response:
  provenance: documented
  schema: { type: string, format: binary, contentMediaType: image/png }
examples:
  - name: cat
    title: A cat
    provenance: documented
    request: { prompt: cat }
    response: ${response}
`,
  });
  const problems = (files: Record<string, string>) => specProblems(files).map(formatDiagnostic);

  it.each([
    [
      "text that is not base64",
      "{ contentType: image/png, base64: 'not base64!' }",
      "acme/paint.yaml:24:49: /examples/0/response/base64: example does not match the response: is not base64 (A-Z, a-z, 0-9, + and /, padded with =)",
    ],
    [
      "another media type than the schema's",
      "{ contentType: image/jpeg, base64: aGk= }",
      'acme/paint.yaml:24:30: /examples/0/response/contentType: example does not match the response: is "image/jpeg", but the response schema says "image/png"',
    ],
    [
      "the schema's string instead of the example form",
      "aGk=",
      "acme/paint.yaml:24:15: /examples/0/response: must be the answer: an object, an array (a top-level array response), or for a binary response (an image, audio) `{ contentType: <media type>, base64: <the bytes> }`",
    ],
    [
      "a key the form does not have",
      "{ contentType: image/png, base64: aGk=, url: x }",
      'acme/paint.yaml:24:15: /examples/0/response: example does not match the response: a binary response\'s example is `{ contentType: <media type>, base64: <the bytes in base64> }`; "url" is not one of them',
    ],
  ])("a binary example with %s is a located error", (_, response, message) => {
    expect(problems(binarySpec(response))).toContain(message);
  });

  it("a binary example in the documented form passes", () => {
    expect(() => specProblems(binarySpec("{ contentType: image/png, base64: aGk= }"))).toThrow("expected the specs to be rejected");
  });

  it("an array example is checked against the array schema, item by item", () => {
    const files = {
      ...MINIMAL_SPECS,
      "acme/tiny.yaml": MINIMAL_SPECS["acme/tiny.yaml"]!.replace(
        "    type: object\n    required: [text]\n    properties:\n      text: { type: string }\n",
        "    type: array\n    items: { type: object, required: [text], properties: { text: { type: string } } }\n",
      ).replace("response: { text: hello }", "response: [{ text: hello }, { text: 1 }]"),
    };
    expect(problems(files)).toEqual([
      "acme/tiny.yaml:38:41: /examples/0/response/1/text: example does not match the response schema: must be string",
    ]);
  });
});

describe("which answers are binary", () => {
  it.each([
    ["a string of format binary", { type: "string", format: "binary" }, { contentType: "application/octet-stream" }],
    [
      "a string with a media type (Cloudflare's contentType)",
      { type: "string", contentMediaType: "audio/mpeg", format: "binary" },
      { contentType: "audio/mpeg" },
    ],
    ["a string with a media type alone", { type: "string", contentMediaType: "image/png" }, { contentType: "image/png" }],
    ["base64 text inside JSON", { type: "string", contentMediaType: "image/png", contentEncoding: "base64" }, undefined],
    ["a JSON string", { type: "string", contentMediaType: "application/json" }, undefined],
    ["an event stream", { type: "string", contentMediaType: "text/event-stream" }, undefined],
    ["a top-level array", { type: "array", contentMediaType: "application/json", items: { type: "number" } }, undefined],
    ["an object", { type: "object", properties: { image: { type: "string", format: "binary" } } }, undefined],
    ["a plain string", { type: "string" }, undefined],
  ])("%s", (_, schema, want) => {
    expect(binaryResponse(schema)).toEqual(want);
  });
});

describe("the mock's binary answers", () => {
  const head = (bytes: Uint8Array, n: number) => [...bytes.slice(0, n)];

  it("are tiny files of the media type where one is known, and name the type otherwise", () => {
    expect(head(placeholder("image/png"), 8)).toEqual(EXAMPLE_BYTES);
    expect(new TextDecoder().decode(placeholder("audio/wav").slice(0, 12))).toBe("RIFF$\u0000\u0000\u0000WAVE");
    expect(placeholder("audio/wav")).toHaveLength(44);
    expect(head(placeholder("audio/mpeg; charset=x"), 2)).toEqual([0xff, 0xfb]);
    expect(new TextDecoder().decode(placeholder("video/mp4"))).toBe("modelspec mock placeholder: video/mp4");
  });

  it("come from the example when it has one", () => {
    expect(binaryAnswer({ contentType: "image/png" }, { response: { contentType: "image/png", base64: "AQID" } })).toEqual({
      contentType: "image/png",
      bytes: new Uint8Array([1, 2, 3]),
    });
    expect(binaryAnswer({ contentType: "audio/mpeg" }, undefined).contentType).toBe("audio/mpeg");
  });
});
