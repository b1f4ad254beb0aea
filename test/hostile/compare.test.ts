/**
 * Comparing the output folder (generator/write.ts, `compareOutput`): with a cache, a file whose
 * stat (size, mtime, ctime, inode, device) is what it was when last read is not read again, as
 * git's index does; anything else is read and hashed. Every kind of edit is still caught: a hand
 * edit of the same size with its mtime put back, a file replaced, deleted or added. Files changed
 * just before they were read ("racily clean" in git's words) are not trusted by their stat.
 */
import { readFileSync } from "node:fs";
import { cp, mkdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diskCache, NO_CACHE, sha256, type Cache } from "../../generator/cache.js";
import { generate } from "../../generator/generate.js";
import type { GeneratedFile } from "../../generator/model.js";
import { compareOutput, writeOutput, type CompareOptions } from "../../generator/write.js";
import { SCHEMAS_DIR, withTempDir } from "../helpers.js";

const FILES: GeneratedFile[] = [
  { path: "index.js", contents: "export const a = 1;\n" },
  { path: "deep/er/types.d.ts", contents: "export type A = 1;\n" },
  { path: "README.md", contents: "# The package\n" },
];
const NOTHING = { stale: [], missing: [], extra: [] };
/** A time long past, in whole seconds. */
const OLD = 1_700_000_000;

/** A later run: far enough on that every file written now has settled. */
const later = () => Date.now() + 60_000;

/** compareOutput with a read counter. */
function counted(options: CompareOptions) {
  const read: string[] = [];
  const readFile = (file: string) => {
    read.push(path.basename(file));
    return readFileSync(file);
  };
  return { read, compare: (out: string, files = FILES) => compareOutput(out, files, { ...options, readFile }) };
}

async function setUp<T>(run: (out: string, cache: Cache) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const out = path.join(dir, "generated");
    await writeOutput(out, FILES);
    // Whole seconds, which utimes can put back exactly (it takes no nanoseconds).
    for (const file of FILES) await utimes(path.join(out, file.path), OLD, OLD);
    return run(out, diskCache(path.join(dir, "cache"), "test"));
  });
}

describe("compareOutput's stat index", () => {
  it("reads files changed just now every time, and settled files once", async () => {
    await setUp(async (out, cache) => {
      // A run a moment after the files last changed: their stat cannot tell a later edit apart, so each is read both times.
      const changed = Math.max(...(await Promise.all(FILES.map(async (file) => (await stat(path.join(out, file.path))).ctimeMs))));
      const now = counted({ cache, now: () => changed + 20 });
      expect(await now.compare(out)).toEqual(NOTHING);
      expect(await now.compare(out)).toEqual(NOTHING);
      expect(now.read).toHaveLength(2 * FILES.length);
      const next = counted({ cache, now: later });
      expect(await next.compare(out)).toEqual(NOTHING);
      expect(next.read).toHaveLength(FILES.length);
      expect(await next.compare(out)).toEqual(NOTHING);
      expect(await next.compare(out)).toEqual(NOTHING);
      expect(next.read, "no file read once its stat was recorded").toHaveLength(FILES.length);
    });
  });

  it("a write in place leaves the other files' stat as it was, so the next comparison reads only the files written", async () => {
    await setUp(async (out, cache) => {
      const { read, compare } = counted({ cache, now: later });
      await compare(out);
      const next = [
        ...FILES.map((file) => (file.path === "index.js" ? { ...file, contents: "export const a = 3;\n" } : file)),
        { path: "deep/added.js", contents: "export {};\n" },
      ];
      const difference = await compare(out, next);
      expect(difference).toEqual({ ...NOTHING, stale: ["index.js"], missing: ["deep/added.js"] });
      await writeOutput(out, next, { difference });
      read.length = 0;
      expect(await compare(out, next)).toEqual(NOTHING);
      expect(read.sort(), "only the files written are read").toEqual(["added.js", "index.js"]);
      // Recorded now: the run after reads none.
      read.length = 0;
      expect(await compare(out, next)).toEqual(NOTHING);
      expect(read).toEqual([]);
      // An edit after the write still shows, even with its mtime put back.
      const file = path.join(out, "README.md");
      const before = await stat(file);
      await writeFile(file, "# The pockage\n");
      await utimes(file, before.atime, before.mtime);
      expect(await compare(out, next)).toEqual({ ...NOTHING, stale: ["README.md"] });
    });
  });

  it("catches a hand edit of the same size whose mtime was put back", async () => {
    await setUp(async (out, cache) => {
      const { read, compare } = counted({ cache, now: later });
      await compare(out);
      const file = path.join(out, "index.js");
      const before = await stat(file);
      await writeFile(file, "export const a = 2;\n");
      await utimes(file, before.atime, before.mtime);
      const after = await stat(file);
      expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
      read.length = 0;
      expect(await compare(out)).toEqual({ ...NOTHING, stale: ["index.js"] });
      expect(read, "only the changed file is read").toEqual(["index.js"]);
      // And it stays stale: the index records what the file holds, not what was wanted.
      expect(await compare(out)).toEqual({ ...NOTHING, stale: ["index.js"] });
    });
  });

  it("catches a file replaced by another of the same size and mtime", async () => {
    await setUp(async (out, cache) => {
      const { compare } = counted({ cache, now: later });
      await compare(out);
      const file = path.join(out, "README.md");
      const before = await stat(file);
      await writeFile(`${file}.new`, "# The pockage\n");
      await utimes(`${file}.new`, before.atime, before.mtime);
      await rename(`${file}.new`, file);
      expect(await compare(out)).toEqual({ ...NOTHING, stale: ["README.md"] });
    });
  });

  it("catches deleted and extra files, and a folder where a file was", async () => {
    await setUp(async (out, cache) => {
      const { compare } = counted({ cache, now: later });
      await compare(out);
      await rm(path.join(out, "deep", "er", "types.d.ts"));
      await writeFile(path.join(out, "deep", "stray.js"), "export {};\n");
      await rm(path.join(out, "README.md"));
      await mkdir(path.join(out, "README.md"));
      await writeFile(path.join(out, "extra.txt"), "");
      expect(await compare(out)).toEqual({ stale: [], missing: ["README.md", "deep/er/types.d.ts"], extra: ["deep/stray.js", "extra.txt"] });
    });
  });

  it("compares a recalled run's files by hash without asking for their text", async () => {
    await setUp(async (out, cache) => {
      const recalled = FILES.map((file) => ({
        path: file.path,
        sha256: sha256(file.path === "README.md" ? "# Another package\n" : file.contents),
        get contents(): string {
          throw new Error(`the text of ${file.path} was asked for`);
        },
      }));
      const { read, compare } = counted({ cache, now: later });
      expect(await compare(out, recalled)).toEqual({ ...NOTHING, stale: ["README.md"] });
      expect(await compare(out, recalled)).toEqual({ ...NOTHING, stale: ["README.md"] });
      expect(read).toHaveLength(FILES.length);
    });
  });

  it("reads every file every time without a cache", async () => {
    await setUp(async (out) => {
      const { read, compare } = counted({ cache: NO_CACHE, now: later });
      await compare(out);
      await compare(out);
      expect(read).toHaveLength(2 * FILES.length);
    });
  });

  it("survives a damaged index: the files are read again", async () => {
    await setUp(async (out, cache) => {
      const { read, compare } = counted({ cache, now: later });
      await compare(out);
      cache.set("output-stat", out, "{not json");
      expect(await compare(out)).toEqual(NOTHING);
      cache.set("output-stat", out, JSON.stringify({ "index.js": "nonsense" }));
      expect(await compare(out)).toEqual(NOTHING);
      expect(read).toHaveLength(3 * FILES.length);
    });
  });
});

describe("generate --check with the stat index", () => {
  it("catches a same-size hand edit with its mtime put back once the index holds the file", async () => {
    await withTempDir(async (dir) => {
      const options = { schemasDir: path.join(dir, "schemas"), outDir: path.join(dir, "generated"), cacheDir: path.join(dir, "cache") };
      await cp(SCHEMAS_DIR, options.schemasDir, { recursive: true });
      const { files } = await generate(options);
      await utimes(path.join(options.outDir, "catalog.json"), OLD, OLD);
      // Past the settling time, so the next run records every file's stat (and the one after trusts it).
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await generate({ ...options, check: true })).difference).toEqual(NOTHING);
      const index = diskCache(options.cacheDir).get("output-stat", options.outDir);
      expect(Object.keys(JSON.parse(index ?? "{}")), "the run recorded every file").toHaveLength(files.length);
      const file = path.join(options.outDir, "catalog.json");
      const before = await stat(file);
      const text = await readFile(file, "utf8");
      await writeFile(file, text.replace('"gpt-5.4-mini"', '"gpt-5.4-mine"'));
      await utimes(file, OLD, OLD);
      expect([(await stat(file)).size, (await stat(file)).mtimeMs]).toEqual([before.size, before.mtimeMs]);
      expect((await generate({ ...options, check: true })).difference).toEqual({ ...NOTHING, stale: ["catalog.json"] });
    });
  }, 120_000);
});
