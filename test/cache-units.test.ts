/**
 * Each offering's own files are recalled from the cache by the offering's fingerprint (see
 * `emitModel`), and the pages and documents made from several offerings by theirs. Whatever
 * changed (an offering, its provider file, a `$ref` target, an option) or whatever happened to the
 * cache, the output is exactly a cold run's; and only the offerings that changed are made again.
 */
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diskCache, NO_CACHE, type Cache } from "../generator/cache.js";
import { emitModel, generateFiles, loadModel } from "../generator/generate.js";
import { readSpecDir } from "../generator/load.js";
import type { GeneratedFile } from "../generator/model.js";
import { resolveOptions } from "../generator/options.js";
import { SILENT } from "../generator/progress.js";
import type { PackageSettings } from "../generator/version.js";
import { SCHEMAS_DIR, withTempDir } from "./helpers.js";

const asMap = (files: readonly GeneratedFile[]) => new Map(files.map((f) => [f.path, f.contents]));

/** A disk cache that counts the offerings (and the files of several) whose files it was given to store, those made afresh, and the texts it was asked for. */
function countingCache(dir: string): { cache: Cache; made: string[]; madeShared: string[]; bundled: string[]; textsRead: () => number } {
  const inner = diskCache(dir);
  const made: string[] = [];
  const madeShared: string[] = [];
  // The spec file of each section bundled afresh (its key is the file, the pointer and the file's hash).
  const bundled: string[] = [];
  let textsRead = 0;
  const cache: Cache = {
    ...inner,
    get(step, input) {
      if (step === "output-file") textsRead++;
      return inner.get(step, input);
    },
    set(step, input, value) {
      if (step === "unit") made.push((JSON.parse(value) as [string, string][]).map(([file]) => file).find((f) => f.startsWith("docs/"))!);
      if (step === "bundle") bundled.push(input.split("\0")[0]!);
      if (step === "file") madeShared.push(...(JSON.parse(value) as { files: [string, string][] }).files.map(([file]) => file));
      inner.set(step, input, value);
    },
  };
  return { cache, made, madeShared, bundled, textsRead: () => textsRead };
}

/** Specs → output through the per-offering memo (no whole-run entry is consulted here). */
async function run(schemas: string, cache: Cache, settings?: PackageSettings): Promise<Map<string, string>> {
  const model = loadModel(await readSpecDir(schemas), resolveOptions(), cache);
  return asMap(await emitModel(model, { cache, progress: SILENT, verify: false, ...(settings ? { package: settings } : {}) }));
}

async function cold(schemas: string, settings?: PackageSettings): Promise<Map<string, string>> {
  return asMap(await generateFiles(await readSpecDir(schemas), { cacheDir: false, ...(settings ? { package: settings } : {}) }));
}

async function withCopy<T>(body: (schemas: string, cacheDir: string) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const schemas = path.join(dir, "schemas");
    await cp(SCHEMAS_DIR, schemas, { recursive: true });
    return body(schemas, path.join(dir, "cache"));
  });
}

/** Each offering's page, for naming the offerings made afresh. */
const page = (file: string) => `docs/${file.replace(/\.ya?ml$/, "")}.md`;

const edits: [what: string, file: string, edit: (text: string) => string, remade: string[]][] = [
  ["one offering", "anyfast/gpt-5.4-mini.yaml", (t) => t.replace(/^contextWindow: \d+$/m, "contextWindow: 123456"), ["anyfast/gpt-5.4-mini.yaml"]],
  [
    "its provider file",
    "runware/provider.yaml",
    (t) => t.replace(/retryStatuses: \[([^\]]*)\]/, "retryStatuses: [$1, 599]"),
    ["runware/gpt-5.4-mini.yaml"],
  ],
  [
    "a $ref target its offerings share",
    "cloudflare/shared/chat-completions.yaml",
    (t) => t.replace("Sampling temperature", "Sampling temperature (edited)").replace("maximum: 2", "maximum: 1.5"),
    ["cloudflare/gpt-5.4-mini.yaml", "cloudflare/gpt-5.4-nano.yaml", "cloudflare/gpt-5.4.yaml"],
  ],
];

describe("the per-offering memo", () => {
  it.each(edits)("after an edit of %s, makes only the offerings it touches again, and gives the cold output", async (_, file, edit, remade) => {
    await withCopy(async (schemas, cacheDir) => {
      const first = countingCache(cacheDir);
      await run(schemas, first.cache);
      expect(first.made.length).toBe(5);
      const target = path.join(schemas, file);
      const before = await readFile(target, "utf8");
      expect(edit(before)).not.toBe(before);
      await writeFile(target, edit(before));
      const warm = countingCache(cacheDir);
      const got = await run(schemas, warm.cache);
      expect(warm.made.sort()).toEqual(remade.map(page));
      expect(got).toEqual(await cold(schemas));
    });
  });

  it("recalls an unchanged offering without reading its texts; they are read when asked for, and are the cold run's", async () => {
    await withCopy(async (schemas, cacheDir) => {
      await run(schemas, countingCache(cacheDir).cache);
      const target = path.join(schemas, "anyfast/gpt-5.4-mini.yaml");
      await writeFile(target, (await readFile(target, "utf8")).replace(/^contextWindow: \d+$/m, "contextWindow: 123456"));
      const warm = countingCache(cacheDir);
      const model = loadModel(await readSpecDir(schemas), resolveOptions(), warm.cache);
      const files = await emitModel(model, { cache: warm.cache, progress: SILENT, verify: false });
      expect(warm.made).toEqual([page("anyfast/gpt-5.4-mini.yaml")]);
      expect(warm.textsRead(), "no text of the four unchanged offerings read while generating").toBe(0);
      const recalled = files.filter((file) => file.sha256 !== undefined && /^(cloudflare|runware)\//.test(file.path));
      expect(recalled.length).toBeGreaterThan(4);
      // Of the files several offerings make, only those of the changed one are made again: its
      // provider's clients and OpenAPI document, its model's page, the catalog and its three JSON
      // Schema files (named by their content, so the same names); no validator (its schemas did not
      // change), no provider descriptors (its provider did not).
      const remadeShared = warm.madeShared.sort();
      const ownSchemas = /^anyfast\/schemas\/(request|response|stream)-[0-9a-f]{12}\.json$/;
      expect(remadeShared.filter((file) => !ownSchemas.test(file))).toEqual([
        "anyfast/client.d.ts",
        "anyfast/client.js",
        "anyfast/openapi.json",
        "catalog.json",
        "docs/models/gpt-5.4-mini.md",
      ]);
      expect(remadeShared.filter((file) => ownSchemas.test(file))).toHaveLength(3);
      expect(asMap(files)).toEqual(await cold(schemas));
      expect(warm.textsRead()).toBeGreaterThanOrEqual(recalled.length);
    });
  });

  it("makes every offering again under another generator option, and gives that option's cold output", async () => {
    await withCopy(async (schemas, cacheDir) => {
      await run(schemas, countingCache(cacheDir).cache);
      const settings = { name: "@someone/models", version: "9.8.7", license: "MIT" };
      const warm = countingCache(cacheDir);
      const got = await run(schemas, warm.cache, settings);
      expect(warm.made.length).toBe(5);
      const want = await cold(schemas, settings);
      expect(got).toEqual(want);
      expect(got.get("package.json")).toContain("9.8.7");
      // And back: the first option's files are recalled, as a cold run with it gives them.
      const again = countingCache(cacheDir);
      expect(await run(schemas, again.cache)).toEqual(await cold(schemas));
      expect(again.made).toEqual([]);
    });
  });

  it("judges examples again when a $ref target they are checked against changes, placing the problem as a cold run does", async () => {
    await withCopy(async (schemas, cacheDir) => {
      const { cache } = countingCache(cacheDir);
      await run(schemas, cache);
      // The examples passed and that verdict is stored; now the shared schema no longer takes their role.
      const shared = path.join(schemas, "cloudflare/shared/chat-completions.yaml");
      const text = await readFile(shared, "utf8");
      await writeFile(shared, text.replace("enum: [system, developer, user, assistant, tool]", "enum: [system, developer, assistant, tool]"));
      const problems = (load: () => Promise<unknown>) =>
        load().then(
          () => "no problem",
          (error: Error) => error.message,
        );
      const cold = await problems(async () => loadModel(await readSpecDir(schemas), resolveOptions(), NO_CACHE));
      expect(cold).toMatch(
        /cloudflare\/gpt-5\.4\.yaml:\d+:\d+: \/examples\/0\/request\/messages\/\d+\/role: example does not match the request schema: must be one of/,
      );
      // The offerings' files are unchanged: their data comes from the cache, their positions when the message asks,
      // from their own entries or, those deleted, by parsing the file again.
      expect(await problems(() => run(schemas, cache))).toBe(cold);
      let dropped = 0;
      for (const entry of await entries(cacheDir)) {
        const body = await readFile(entry, "utf8");
        if (body.includes('\n{"positions":[')) {
          await rm(entry);
          dropped++;
        }
      }
      expect(dropped).toBeGreaterThan(5);
      expect(await problems(() => run(schemas, cache))).toBe(cold);
    });
  });

  it("bundles again only the sections whose files changed, and places a problem in a recalled bundle as a cold run does", async () => {
    await withCopy(async (schemas, cacheDir) => {
      const first = countingCache(cacheDir);
      await run(schemas, first.cache);
      expect(new Set(first.bundled).size).toBe(5);
      const offering = path.join(schemas, "runware/gpt-5.4-mini.yaml");
      const text = await readFile(offering, "utf8");
      await writeFile(offering, text.replace(/^contextWindow: \d+$/m, "contextWindow: 123456"));
      const warm = countingCache(cacheDir);
      await run(schemas, warm.cache);
      expect(new Set(warm.bundled)).toEqual(new Set(["runware/gpt-5.4-mini.yaml"]));

      // A bundle that starts in a shared file is stored once, apart; without it, the first section that
      // shares it is bundled again (storing it again) and the others take that bundle.
      let dropped = 0;
      for (const entry of await entries(cacheDir)) {
        if ((await readFile(entry, "utf8")).includes('\n{"$schema":"https://json-schema.org/draft/2020-12/schema"')) {
          await rm(entry);
          dropped++;
        }
      }
      expect(dropped).toBeGreaterThan(0);
      const rebuilt = countingCache(cacheDir);
      expect(await run(schemas, rebuilt.cache)).toEqual(await cold(schemas));
      expect(rebuilt.bundled.filter((file) => file.startsWith("cloudflare/"))).toEqual(["cloudflare/gpt-5.4-mini.yaml"]);
      const restored = countingCache(cacheDir);
      expect(await run(schemas, restored.cache)).toEqual(await cold(schemas));
      expect(restored.bundled).toEqual([]);

      // A schema ajv refuses (a required key no property defines): its bundle is stored before it is judged.
      await writeFile(
        offering,
        text.replace("required: [taskType, taskUUID, model, messages]", "required: [taskType, taskUUID, model, messages, notAProperty]"),
      );
      const problems = (load: () => Promise<unknown>) =>
        load().then(
          () => "no problem",
          (error: Error) => error.message,
        );
      const refused = await problems(async () => loadModel(await readSpecDir(schemas), resolveOptions(), NO_CACHE));
      expect(refused).toMatch(/runware\/gpt-5\.4-mini\.yaml:38:\d+: \/request\/schema\/required: ajv refuses this schema: .*notAProperty/);
      const refusing = countingCache(cacheDir);
      expect(await problems(() => run(schemas, refusing.cache))).toBe(refused);
      expect(refusing.bundled, "the refused schema's bundle was stored").toEqual(["runware/gpt-5.4-mini.yaml"]);
      // Nothing changed since: the bundle is recalled, and where the problem is comes from bundling it again.
      const again = countingCache(cacheDir);
      expect(await problems(() => run(schemas, again.cache))).toBe(refused);
      expect(again.bundled).toEqual([]);
    });
  });

  it("makes an offering again when its stored entry is deleted or altered", async () => {
    await withCopy(async (schemas, cacheDir) => {
      const want = await cold(schemas);
      await run(schemas, countingCache(cacheDir).cache);
      // The stored listings of two offerings (each holds its files' paths and hashes): one deleted, one altered.
      const damage = new Map([
        [JSON.stringify("docs/anyfast/gpt-5.4-mini.md"), "delete"],
        [JSON.stringify("docs/runware/gpt-5.4-mini.md"), "alter"],
      ]);
      let found = 0;
      for (const entry of await entries(cacheDir)) {
        const text = await readFile(entry, "utf8");
        const body = text.slice(text.indexOf("\n", text.indexOf("\n") + 1) + 1);
        if (!body.startsWith("[[")) continue;
        const how = [...damage].find(([name]) => body.includes(`[${name},`))?.[1];
        if (how === "delete") await rm(entry);
        if (how === "alter") await writeFile(entry, text.slice(0, text.length - body.length) + body.replace("gpt-5.4-mini", "gpt-5.4-m1ni"));
        if (how) found++;
      }
      expect(found).toBe(2);
      const warm = countingCache(cacheDir);
      expect(await run(schemas, warm.cache)).toEqual(want);
      expect(warm.made.sort()).toEqual([page("anyfast/gpt-5.4-mini.yaml"), page("runware/gpt-5.4-mini.yaml")]);
    });
  });
});

async function entries(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}
