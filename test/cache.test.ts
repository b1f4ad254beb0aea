/**
 * The content-hash cache never changes what is generated: whatever it holds (nothing, entries of
 * an earlier run, entries of other specs or another generator, corrupt files), the output equals a
 * cold run's, byte for byte. And an unchanged rerun is answered from it whole.
 */
import { cp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diskCache, NO_CACHE } from "../generator/cache.js";
import { generate, generateFiles } from "../generator/generate.js";
import { readSpecDir } from "../generator/load.js";
import type { GeneratedFile } from "../generator/model.js";
import { SCHEMAS_DIR, withTempDir } from "./helpers.js";

const asMap = (files: readonly GeneratedFile[]) => new Map(files.map((f) => [f.path, f.contents]));

/** A cold run: no cache at all. */
async function cold(schemas: string): Promise<Map<string, string>> {
  return asMap(await generateFiles(await readSpecDir(schemas), { cacheDir: false }));
}

/** Every file below a folder, by relative path. */
async function tree(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await tree(dir, relative)));
    else out.push(relative);
  }
  return out;
}

async function withCopy<T>(run: (dirs: { schemas: string; out: string; cache: string }) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const schemas = path.join(dir, "schemas");
    await cp(SCHEMAS_DIR, schemas, { recursive: true });
    return run({ schemas, out: path.join(dir, "generated"), cache: path.join(dir, "cache") });
  });
}

const edits: [string, string, (text: string) => string][] = [
  [
    "a changed $ref target (a shared definition)",
    "cloudflare/shared/chat-completions.yaml",
    (t) => t.replace("Sampling temperature", "Sampling temperature (edited)").replace("maximum: 2", "maximum: 1.5"),
  ],
  ["a changed provider file", "runware/provider.yaml", (t) => t.replace(/retryStatuses: \[([^\]]*)\]/, "retryStatuses: [$1, 599]")],
  ["a changed offering", "anyfast/gpt-5.4-mini.yaml", (t) => t.replace(/^contextWindow: \d+$/m, "contextWindow: 123456")],
];

describe("the content-hash cache", () => {
  it("gives the cold run's output on a first run, a warm rerun and a recalled rerun", async () => {
    await withCopy(async ({ schemas, out, cache }) => {
      const want = await cold(schemas);
      const first = await generate({ schemasDir: schemas, outDir: out, cacheDir: cache });
      expect(first.fromCache).toBe(false);
      expect(asMap(first.files)).toEqual(want);
      // Same specs, same generator: answered whole from the cache, and the output folder is left as it is.
      const second = await generate({ schemasDir: schemas, outDir: out, cacheDir: cache });
      expect(second.fromCache).toBe(true);
      expect(asMap(second.files)).toEqual(want);
      expect(second.difference).toEqual({ stale: [], missing: [], extra: [] });
      // --check uses it too, and still names a hand-edited file.
      await writeFile(path.join(out, "catalog.json"), "[]\n");
      const check = await generate({ schemasDir: schemas, outDir: out, cacheDir: cache, check: true });
      expect(check.fromCache).toBe(true);
      expect(check.difference.stale).toEqual(["catalog.json"]);
      // Each step's entries alone (no whole-run entry) give the same output too.
      const steps = asMap(await generateFiles(await readSpecDir(schemas), { cacheDir: cache }));
      expect(steps).toEqual(want);
    });
  });

  it.each(edits)("after %s, gives exactly what a cold run gives", async (_, file, edit) => {
    await withCopy(async ({ schemas, out, cache }) => {
      await generate({ schemasDir: schemas, outDir: out, cacheDir: cache });
      const target = path.join(schemas, file);
      const before = await readFile(target, "utf8");
      const after = edit(before);
      expect(after).not.toBe(before);
      await writeFile(target, after);
      const want = await cold(schemas);
      const warm = await generate({ schemasDir: schemas, outDir: out, cacheDir: cache });
      expect(warm.fromCache).toBe(false);
      expect(asMap(warm.files)).toEqual(want);
      expect(warm.difference.stale.length).toBeGreaterThan(0);
    });
  });

  it("gives the cold output when its files are deleted, truncated or altered", async () => {
    await withCopy(async ({ schemas, out, cache }) => {
      const want = await cold(schemas);
      await generate({ schemasDir: schemas, outDir: out, cacheDir: cache });
      const entries = await tree(cache);
      expect(entries.length).toBeGreaterThan(10);
      // Alter every third entry, truncate every third, delete every third.
      for (const [i, entry] of entries.entries()) {
        const full = path.join(cache, entry);
        const text = await readFile(full, "utf8");
        if (i % 3 === 0) await writeFile(full, text.replace(/[a-z]/, "Z"));
        else if (i % 3 === 1) await writeFile(full, text.slice(0, Math.floor(text.length / 2)));
        else await rm(full);
      }
      expect(asMap((await generate({ schemasDir: schemas, outDir: out, cacheDir: cache })).files)).toEqual(want);
      // The damaged entries were replaced, not kept: the next run is answered from the cache whole.
      const repaired = await generate({ schemasDir: schemas, outDir: out, cacheDir: cache });
      expect(repaired.fromCache).toBe(true);
      expect(asMap(repaired.files)).toEqual(want);
      await rm(cache, { recursive: true, force: true });
      expect(asMap((await generate({ schemasDir: schemas, outDir: out, cacheDir: cache })).files)).toEqual(want);
    });
  });

  it("answers an unchanged rerun by hash, without the texts; a rerun that must write without them runs whole", async () => {
    await withCopy(async ({ schemas, out, cache }) => {
      const want = asMap((await generate({ schemasDir: schemas, outDir: out, cacheDir: cache })).files);
      // Drop every cached output text (an entry ending with a generated file's text), keeping the run's listing.
      const texts = new Set(want.values());
      let dropped = 0;
      for (const entry of await tree(cache)) {
        const full = path.join(cache, entry);
        const text = await readFile(full, "utf8");
        if (texts.has(text.slice(text.indexOf("\n", text.indexOf("\n") + 1) + 1))) {
          await rm(full);
          dropped++;
        }
      }
      expect(dropped).toBeGreaterThan(want.size / 2);
      const unchanged = await generate({ schemasDir: schemas, outDir: out, cacheDir: cache, check: true });
      expect(unchanged.fromCache).toBe(true);
      expect(unchanged.difference).toEqual({ stale: [], missing: [], extra: [] });
      // Asked for, the texts come from the output folder, which has the same hashes.
      expect(asMap(unchanged.files)).toEqual(want);
      await writeFile(path.join(out, "catalog.json"), "edited by hand");
      const repaired = await generate({ schemasDir: schemas, outDir: out, cacheDir: cache });
      expect(repaired.fromCache).toBe(false);
      expect(repaired.difference.stale).toEqual(["catalog.json"]);
      expect(await readFile(path.join(out, "catalog.json"), "utf8")).toBe(want.get("catalog.json"));
    });
  });

  it("makes the offerings again when the texts their listings name are lost and the output folder is gone", async () => {
    await withCopy(async ({ schemas, out, cache }) => {
      const want = asMap((await generate({ schemasDir: schemas, outDir: out, cacheDir: cache })).files);
      // Every stored text altered in place (same size, so only reading it shows), and no output folder to fall back on.
      let altered = 0;
      const texts = new Set(want.values());
      for (const entry of await tree(cache)) {
        const full = path.join(cache, entry);
        const text = await readFile(full, "utf8");
        const body = text.slice(text.indexOf("\n", text.indexOf("\n") + 1) + 1);
        if (!texts.has(body) || !/[a-z]/.test(body)) continue;
        await writeFile(full, text.slice(0, text.length - body.length) + body.replace(/[a-z]/, (c) => (c === "z" ? "y" : "z")));
        altered++;
      }
      expect(altered).toBeGreaterThan(want.size / 2);
      await rm(out, { recursive: true });
      // One offering changed, so the run is not recalled whole; the other four are recalled by their listings.
      const target = path.join(schemas, "anyfast/gpt-5.4-mini.yaml");
      await writeFile(target, (await readFile(target, "utf8")).replace(/^contextWindow: \d+$/m, "contextWindow: 123456"));
      const result = await generate({ schemasDir: schemas, outDir: out, cacheDir: cache });
      const expected = await cold(schemas);
      expect(asMap(result.files)).toEqual(expected);
      for (const [file, text] of expected) expect(await readFile(path.join(out, file), "utf8"), file).toBe(text);
    });
  });

  it("keeps entries of another generator (another fingerprint) apart", async () => {
    await withTempDir(async (dir) => {
      const mine = diskCache(dir, "generator-a");
      const theirs = diskCache(dir, "generator-b");
      mine.set("step", "input", "made by a");
      expect(mine.get("step", "input")).toBe("made by a");
      expect(theirs.get("step", "input")).toBeUndefined();
      expect(theirs.memo("step", "input", () => "made by b")).toBe("made by b");
      expect(mine.get("step", "input")).toBe("made by a");
    });
  });

  it("keeps a content-addressed entry that is sound, and replaces one that was damaged", async () => {
    await withTempDir(async (dir) => {
      const cache = diskCache(dir, "generator-a");
      cache.add("blob", "hash-of-x", "x");
      const [entry] = await tree(dir);
      const full = path.join(dir, entry!);
      const written = await stat(full);
      cache.add("blob", "hash-of-x", "x");
      // Not written again: a write goes through a new file renamed into place, a new inode.
      expect((await stat(full)).ino).toBe(written.ino);
      expect(cache.get("blob", "hash-of-x")).toBe("x");
      await writeFile(full, "damaged");
      expect(cache.get("blob", "hash-of-x")).toBeUndefined();
      cache.add("blob", "hash-of-x", "x");
      expect(cache.get("blob", "hash-of-x")).toBe("x");
    });
  });

  it("stores nothing without a folder", () => {
    expect(NO_CACHE.memo("step", "input", () => "computed")).toBe("computed");
    expect(NO_CACHE.get("step", "input")).toBeUndefined();
  });
});
