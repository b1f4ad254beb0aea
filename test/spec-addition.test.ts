/**
 * A new user's first change, by spec alone: a sixth offering (a copy of cloudflare/gpt-5.4.yaml
 * under a new slug and model id) and a fourth provider (a Chat Completions API in OpenAI's style,
 * test/fixtures/spec-addition/openai/) added to a temporary copy of schemas/, generated into a
 * temporary folder with nothing under generator/ touched. The spec-driven checks then run on that
 * output as on the committed one: the catalog lists them, the validators accept every example and
 * reject the bad requests derived from each schema, and the clients work against the mock server.
 */
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { generate, loadModel } from "../generator/generate.js";
import { readSpecDir } from "../generator/load.js";
import { PROJECT_ROOT } from "../generator/options.js";
import { API_KEY, collect, type GeneratedIndex, modelFields, targetsOf } from "./clients/harness.js";
import { SCHEMAS_DIR } from "./helpers.js";
import { catalogOf, describeValidators, OFFERING_IDS, PROVIDER_IDS, type RegistryOffering } from "./spec-driven.js";

const NEW_OFFERING = "cloudflare/gpt-5.4-lite";
const NEW_PROVIDER_OFFERING = "openai/gpt-5.4-mini";

/**
 * The copy of an existing offering under a new slug, name and model id (in its examples' answers
 * too, as a careful user would: the answers name the model that gave them). Each pattern must match.
 */
async function copiedOffering(): Promise<string> {
  let text = await readFile(path.join(SCHEMAS_DIR, "cloudflare", "gpt-5.4.yaml"), "utf8");
  for (const [from, to] of [
    [/^slug: gpt-5\.4$/m, "slug: gpt-5.4-lite"],
    [/^name: GPT-5\.4$/m, "name: GPT-5.4 lite"],
    [/^( *)model: openai\/gpt-5\.4$/gm, "$1model: openai/gpt-5.4-lite"],
  ] as const) {
    if (!from.test(text)) throw new Error(`schemas/cloudflare/gpt-5.4.yaml has no line matching ${from}: update this test's copy`);
    text = text.replace(from, to);
  }
  return text;
}

// Generated once, while the file's tests are collected: the suites below are listed from its output.
const dir = await mkdtemp(path.join(os.tmpdir(), "modelspec-spec-addition-"));
afterAll(() => rm(dir, { recursive: true, force: true }));
const schemasDir = path.join(dir, "schemas");
const outDir = path.join(dir, "generated");
await cp(SCHEMAS_DIR, schemasDir, { recursive: true });
await writeFile(path.join(schemasDir, "cloudflare", "gpt-5.4-lite.yaml"), await copiedOffering());
await mkdir(path.join(schemasDir, "openai"));
await cp(path.join(PROJECT_ROOT, "test", "fixtures", "spec-addition", "openai"), path.join(schemasDir, "openai"), { recursive: true });
// The generated runtime imports its dependencies (eventsource-parser) by name, as an installed package would.
await symlink(path.join(PROJECT_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
// The shared cache only speeds this up: it never changes the output (test/cache.test.ts).
await generate({ schemasDir, outDir });

const model = loadModel(await readSpecDir(schemasDir));
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(outDir, file)).href)) as T;
const index = {
  ...(await load<GeneratedIndex>("index.js")),
  ...(await load<{ offerings: Record<string, RegistryOffering & GeneratedIndex["offerings"][string]> }>("offerings.js")),
};
/** The part of the generated mock's entry this test uses. */
interface MockEntry {
  startMockProviders(options: { apiKey: string }): Promise<{ url: string; requests: readonly object[]; close(): Promise<void> }>;
}
const { startMockProviders } = await load<MockEntry>("mock/index.js");

describe("the catalog and the registry list the additions", () => {
  test("every offering of the specs, the two new ones included, and the new provider", () => {
    const ids = model.offerings.map((o) => o.id);
    expect(ids).toEqual([...OFFERING_IDS, NEW_OFFERING, NEW_PROVIDER_OFFERING].sort());
    expect(
      catalogOf(outDir)
        .map((entry) => entry.id)
        .sort(),
    ).toEqual(ids);
    expect(Object.keys(index.offerings).sort()).toEqual(ids);
    expect(Object.keys(index.providers).sort()).toEqual([...PROVIDER_IDS, "openai"].sort());
  });

  test("each new entry carries its own model id, provider and source", () => {
    const catalog = catalogOf(outDir);
    expect(catalog.find((e) => e.id === NEW_OFFERING)).toMatchObject({ provider: "cloudflare", model: "openai/gpt-5.4-lite" });
    expect(catalog.find((e) => e.id === NEW_PROVIDER_OFFERING)).toMatchObject({
      provider: "openai",
      model: "gpt-5.4-mini",
      source: { section: "Create chat completion", url: null },
    });
  });
});

describe("validators", () => {
  describeValidators(index.offerings, new Map(model.offerings.map((o) => [o.id, o.request.schema])));
});

describe("clients against the mock server", () => {
  const added = targetsOf(index).filter((t) => [NEW_OFFERING, NEW_PROVIDER_OFFERING].includes(t.offering.id));

  test("every transport of the new offerings is a target", () => {
    expect(added.map((t) => t.name).sort()).toEqual([
      `${NEW_OFFERING} over binding`,
      `${NEW_OFFERING} over rest`,
      `${NEW_PROVIDER_OFFERING} over rest`,
    ]);
  });

  describe.each(added)("$name", (t) => {
    test("a plain call, a stream and a bad request", async () => {
      const server = await startMockProviders({ apiKey: API_KEY });
      try {
        const client = t.client(server);
        const result = await client.create(t.valid);
        expect(t.offering.validators.response(result), JSON.stringify(t.offering.validators.response.errors)).toBe(true);
        expect(server.requests).toMatchObject([{ offering: `${t.offering.provider}/${t.offering.model}`, status: 200, aborted: false }]);
        expect(new Set(modelFields(result))).toEqual(new Set([t.offering.model]));

        expect(t.streams).toBe(true);
        const events = await collect(client.stream!(t.valid, { validateResponse: true }));
        expect(events.length).toBeGreaterThan(1);
        for (const event of events) expect(t.streamValidator!(event)).toBe(true);
        expect(new Set(modelFields(events))).toEqual(new Set([t.offering.model]));

        // Refused before the network: the server sees nothing more.
        await expect(client.create(t.invalid)).rejects.toThrow(`/${t.invalidField}`);
        expect(server.requests).toHaveLength(2);
      } finally {
        await server.close();
      }
    });
  });
});
