/**
 * One hand-written Cloudflare model record per task type (test/import/fixtures/records, in the
 * shape of Cloudflare's catalog records) through import, generate, the generated validators and
 * the generated client against the mock server.
 */
import { afterAll, describe, expect, it } from "vitest";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { main } from "../../generator/cli.js";
import { generateFiles } from "../../generator/generate.js";
import { readSpecDir } from "../../generator/load.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { SCHEMAS_DIR, withTempDir } from "../helpers.js";

const FIXTURES = path.join(PROJECT_ROOT, "test/import/fixtures/records");

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

/** Generated JS imports eventsource-parser, so it is written where node_modules is found. */
const OUT = path.join(PROJECT_ROOT, "node_modules", ".cache", `modelspec-import-records-${process.pid}`);

// biome-ignore lint/suspicious/noExplicitAny: modules this test generates into OUT, which no declaration types
type Untyped = Record<string, any>;

describe("Cloudflare records, one per task type", () => {
  afterAll(() => rm(OUT, { recursive: true, force: true }));

  it("import, generate, validate and call each model on the mock server", async () => {
    await withTempDir(async (dir) => {
      const schemas = path.join(dir, "schemas");
      await cp(SCHEMAS_DIR, schemas, { recursive: true });
      const run = io();
      expect(await main(["import", FIXTURES, "--schemas", schemas], run.io), run.err.join("\n")).toBe(0);
      const written = (await readdir(path.join(schemas, "cloudflare"))).filter((f) => f.startsWith("tiny-"));
      expect(written).toHaveLength((await readdir(FIXTURES)).length);

      // --verify: every emitted module, the imported models' types among them, type-checked as one strict program.
      const files = await generateFiles(await readSpecDir(schemas), { verify: true });
      await rm(OUT, { recursive: true, force: true });
      for (const file of files) {
        await mkdir(path.dirname(path.join(OUT, file.path)), { recursive: true });
        await writeFile(path.join(OUT, file.path), file.contents);
      }
      const catalog = JSON.parse(files.find((f) => f.path === "catalog.json")!.contents) as Record<string, unknown>[];
      const entry = (slug: string) => catalog.find((e) => e.id === `cloudflare/${slug}`)!;
      expect(entry("tiny-chat")).toMatchObject({
        contextWindow: 8192,
        streaming: true,
        pricing: { currency: "USD", inputPerMillionTokens: 0.1, outputPerMillionTokens: 0.2, documented: true },
      });
      expect(entry("tiny-paint")).toMatchObject({
        contextWindow: null,
        outputModalities: ["image"],
        pricing: {
          other: [
            { unit: "per 512 by 512 tile", price: 0.00005 },
            { unit: "per step", price: 0.0001 },
          ],
        },
      });
      expect(entry("tiny-ears")).toMatchObject({ inputModalities: ["audio"], pricing: { other: [{ unit: "per audio minute" }] } });
      expect(entry("tiny-detector")).toMatchObject({ status: "beta" });
      expect(entry("tiny-caption")).toMatchObject({ status: "deprecated", inputModalities: ["image", "text"] });

      const index = {
        ...((await import(pathToFileURL(path.join(OUT, "index.js")).href)) as Untyped),
        ...((await import(pathToFileURL(path.join(OUT, "offerings.js")).href)) as Untyped),
      } as Untyped;
      const { startMockProviders } = (await import(pathToFileURL(path.join(OUT, "mock", "index.js")).href)) as Untyped;
      const server = await startMockProviders({ apiKey: "k" });
      try {
        const client = index.createCloudflareRestClient({ apiKey: "k", accountId: "a", baseUrl: server.url, maxRetries: 0 });
        let called = 0;
        const binary: string[] = [];
        const arrays: string[] = [];
        for (const [id, offering] of Object.entries(index.offerings as Untyped)) {
          if (!id.startsWith("cloudflare/tiny-")) continue;
          const example = offering.examples[0];
          expect(example, id).toBeDefined();
          expect(offering.validators.request(example.request), id).toBe(true);
          expect(offering.validators.request("not an object"), id).toBe(false);
          const answer = await client[offering.clientKey].create(example.request);
          if (offering.binaryResponse) {
            // Binary answers (image, audio): the mock's placeholder bytes, with the declared type.
            expect(answer.contentType, id).toBe(offering.binaryResponse.contentType);
            expect(answer.body, id).toBeInstanceOf(Uint8Array);
            expect(answer.body.length, id).toBeGreaterThan(0);
            binary.push(id);
          } else {
            expect(offering.validators.response(answer), id).toBe(true);
            if (Array.isArray(answer)) arrays.push(id);
          }
          called++;
        }
        expect(called).toBe((await readdir(FIXTURES)).length);
        expect(binary.sort()).toEqual(["cloudflare/tiny-paint", "cloudflare/tiny-voice"]);
        expect(arrays.sort()).toEqual(["cloudflare/tiny-detector", "cloudflare/tiny-labels", "cloudflare/tiny-sentiment"]);
      } finally {
        await server.close();
      }
    });
  }, 240_000);

  it("records the repairs it made, with their reasons, in the spec's notes", async () => {
    await withTempDir(async (dir) => {
      const schemas = path.join(dir, "schemas");
      await cp(SCHEMAS_DIR, schemas, { recursive: true });
      const run = io();
      expect(
        await main(
          ["import", path.join(FIXTURES, "text-classification.json"), path.join(FIXTURES, "speech-recognition.json"), "--schemas", schemas],
          run.io,
        ),
      ).toBe(0);
      const sentiment = await readFile(path.join(schemas, "cloudflare/tiny-sentiment.yaml"), "utf8");
      expect(sentiment).toContain(
        "/schema/input/properties/required: `required: [text]` was placed inside `properties` (invalid JSON Schema); moved to the object's `required`",
      );
      expect(sentiment).toContain("/schema/output/contentType: Cloudflare's `contentType` keyword is written as JSON Schema's `contentMediaType`");
      const ears = await readFile(path.join(schemas, "cloudflare/tiny-ears.yaml"), "utf8");
      expect(ears).toContain('format "language-code" is not one the validators check; kept as the annotation `x-format`');
      expect(ears).toContain("input form(s) that are the raw request body (binary) left out");
    });
  });
});
