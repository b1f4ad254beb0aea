/**
 * The write stage (generator/write.ts) when the file system fails: a failing rename, write or
 * mkdir at any step leaves the old output folder exactly as it was and no `.generated.modelspec-*`
 * folder behind; folders a crashed run left are tidied (and its old output put back when the
 * output folder is missing); a live run's folders are left alone.
 */
import * as nodeFs from "node:fs/promises";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { GeneratedFile } from "../../generator/model.js";
import { NODE_WRITE_FS, writeOutput, type WriteFs } from "../../generator/write.js";
import { withTempDir } from "../helpers.js";

const NEW: GeneratedFile[] = [
  { path: "index.js", contents: "export {};\n" },
  { path: "a/b/c.txt", contents: "new\n" },
];
/** No process has this id (above any pid_max), so its folders belong to a run that is gone. */
const DEAD_PID = 2_147_483_646;
/** pid 1 always runs. */
const LIVE_PID = 1;

async function oldOutput(dir: string): Promise<string> {
  const out = path.join(dir, "generated");
  await mkdir(path.join(out, "deep"), { recursive: true });
  await writeFile(path.join(out, "keep.txt"), "old output\n");
  await writeFile(path.join(out, "deep", "also.txt"), "old too\n");
  return out;
}

async function snapshot(dir: string, prefix = ""): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, await snapshot(dir, relative));
    else out[relative] = await readFile(path.join(dir, relative), "utf8");
  }
  return out;
}

/** The real file system, with the `nth` call of one operation failing (1-based). */
function failing(operation: keyof WriteFs, nth: number): { fs: WriteFs; calls: () => number } {
  let count = 0;
  const wrapped = ((...args: unknown[]) => {
    if (++count === nth) throw Object.assign(new Error(`injected ${operation} failure`), { code: "EIO" });
    return (NODE_WRITE_FS[operation] as (...a: unknown[]) => unknown)(...args);
  }) as never;
  return { fs: { ...NODE_WRITE_FS, [operation]: wrapped }, calls: () => count };
}

describe("writeOutput when the file system fails", () => {
  // [what fails, operation, which call]: rename 1 moves the old folder aside, rename 2 moves the new one in.
  const cases: [string, keyof WriteFs, number][] = [
    ["moving the old folder aside (first rename)", "rename", 1],
    ["moving the new folder in (second rename): the old one is put back", "rename", 2],
    ["writing the second file", "writeFile", 2],
    ["creating the staging folder", "mkdir", 1],
    ["creating a sub-folder", "mkdir", 3],
  ];
  it.each(cases)("%s: old output as it was, nothing left behind", async (_, operation, nth) => {
    await withTempDir(async (dir) => {
      const out = await oldOutput(dir);
      const before = await snapshot(out);
      const { fs, calls } = failing(operation, nth);
      await expect(writeOutput(out, NEW, { fs })).rejects.toThrow(`injected ${operation} failure`);
      expect(calls(), "the failure was reached").toBeGreaterThanOrEqual(nth);
      expect(await readdir(dir)).toEqual(["generated"]);
      expect(await snapshot(out)).toEqual(before);
    });
  });

  it("says where the old output is when it cannot be put back either", async () => {
    await withTempDir(async (dir) => {
      const out = await oldOutput(dir);
      let renames = 0;
      const fs: WriteFs = {
        ...NODE_WRITE_FS,
        rename: (from, to) => {
          if (++renames >= 2) throw new Error(`injected rename failure ${renames}`);
          NODE_WRITE_FS.rename(from, to);
        },
      };
      const error = await writeOutput(out, NEW, { fs }).then(
        () => undefined,
        (e: Error) => e,
      );
      const aside = (await readdir(dir)).filter((name) => name.startsWith(".generated.modelspec-old-"));
      expect(aside).toHaveLength(1);
      expect(error?.message).toContain(path.join(dir, aside[0]!));
      expect(await snapshot(path.join(dir, aside[0]!))).toEqual({ "keep.txt": "old output\n", "deep/also.txt": "old too\n" });
      // The next run (once this process is gone the folder is a dead run's) can put it back: here
      // the folder is renamed to a dead pid's name to stand for that.
      await nodeFs.rename(path.join(dir, aside[0]!), path.join(dir, `.generated.modelspec-old-${DEAD_PID}`));
      await expect(writeOutput(out, NEW, { fs: failing("writeFile", 1).fs })).rejects.toThrow("injected writeFile failure");
      expect(await readdir(dir)).toEqual(["generated"]);
      expect(await snapshot(out)).toEqual({ "keep.txt": "old output\n", "deep/also.txt": "old too\n" });
    });
  });
});

describe("writeOutput links what did not change", () => {
  const files: GeneratedFile[] = [
    { path: "keep.txt", contents: "old output\n" },
    { path: "deep/also.txt", contents: "changed\n" },
    { path: "index.js", contents: "export {};\n" },
  ];

  it("a file neither stale nor missing is the old file linked in (same inode), the others are written", async () => {
    await withTempDir(async (dir) => {
      const out = await oldOutput(dir);
      const before = await nodeFs.stat(path.join(out, "keep.txt"));
      const changedBefore = await nodeFs.stat(path.join(out, "deep", "also.txt"));
      await writeOutput(out, files, { fs: NODE_WRITE_FS, difference: { stale: ["deep/also.txt"], missing: ["index.js"], extra: [] } });
      expect(await snapshot(out)).toEqual({ "keep.txt": "old output\n", "deep/also.txt": "changed\n", "index.js": "export {};\n" });
      expect((await nodeFs.stat(path.join(out, "keep.txt"))).ino).toBe(before.ino);
      expect((await nodeFs.stat(path.join(out, "deep", "also.txt"))).ino).not.toBe(changedBefore.ino);
      expect(await readdir(dir)).toEqual(["generated"]);
    });
  });

  it("without hard links (the file system refuses them) every file is written", async () => {
    await withTempDir(async (dir) => {
      const out = await oldOutput(dir);
      let links = 0;
      const fs: WriteFs = {
        ...NODE_WRITE_FS,
        link: () => {
          links++;
          throw Object.assign(new Error("hard links are not supported"), { code: "EPERM" });
        },
      };
      await writeOutput(out, files, { fs, difference: { stale: ["deep/also.txt"], missing: [], extra: [] } });
      expect(links).toBeGreaterThanOrEqual(1);
      expect(await snapshot(out)).toEqual({ "keep.txt": "old output\n", "deep/also.txt": "changed\n", "index.js": "export {};\n" });
      expect(await readdir(dir)).toEqual(["generated"]);
    });
  });
});

describe("writeOutput tidies what crashed runs left", () => {
  it("deletes a dead run's staging and retired folders, keeps a live run's, and writes the new output", async () => {
    await withTempDir(async (dir) => {
      const out = await oldOutput(dir);
      for (const name of [
        `.generated.modelspec-new-${DEAD_PID}`,
        `.generated.modelspec-old-${DEAD_PID}-3`,
        `.generated.modelspec-new-${LIVE_PID}-1`,
        `.other.modelspec-new-${DEAD_PID}`,
      ]) {
        await mkdir(path.join(dir, name, "sub"), { recursive: true });
        await writeFile(path.join(dir, name, "sub", "x.txt"), "left\n");
      }
      await writeOutput(out, NEW);
      expect((await readdir(dir)).sort()).toEqual([`.generated.modelspec-new-${LIVE_PID}-1`, `.other.modelspec-new-${DEAD_PID}`, "generated"]);
      expect(await snapshot(out)).toEqual({ "index.js": "export {};\n", "a/b/c.txt": "new\n" });
    });
  });

  it("puts a dead run's old output back when it died between the two renames", async () => {
    await withTempDir(async (dir) => {
      const out = await oldOutput(dir);
      const before = await snapshot(out);
      // The crash: the old folder was moved aside and the new one never arrived.
      await nodeFs.rename(out, path.join(dir, `.generated.modelspec-old-${DEAD_PID}`));
      await nodeFs.mkdir(path.join(dir, `.generated.modelspec-new-${DEAD_PID}`));
      // This run fails too, so what is left is what the tidying did.
      await expect(writeOutput(out, NEW, { fs: failing("writeFile", 1).fs })).rejects.toThrow();
      expect(await readdir(dir)).toEqual(["generated"]);
      expect(await snapshot(out)).toEqual(before);
    });
  });

  it("writes into a folder that does not exist yet, leaving nothing else", async () => {
    await withTempDir(async (dir) => {
      await writeOutput(path.join(dir, "fresh"), NEW);
      expect(await readdir(dir)).toEqual(["fresh"]);
      expect(await snapshot(path.join(dir, "fresh"))).toEqual({ "index.js": "export {};\n", "a/b/c.txt": "new\n" });
    });
  });
});
