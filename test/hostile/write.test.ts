/**
 * The write stage (generator/write.ts, write-patch.ts) when the file system fails: a failing
 * rename, write, mkdir or rmdir at any step, of the whole-folder swap or of the write in place,
 * leaves the old output folder exactly as it was and no `.generated.modelspec-*` folder behind.
 * Folders a crashed run left are tidied: its old output put back when the output folder is
 * missing, an unfinished write in place rolled back from its journal; a live run's folders are
 * left alone. A write in place touches only what differs.
 */
import * as nodeFs from "node:fs/promises";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { GeneratedFile } from "../../generator/model.js";
import { compareOutput, NODE_WRITE_FS, writeOutput, type WriteFs } from "../../generator/write.js";
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

/** Every file (its text) and folder (`/`) under `dir`, with each file's inode. */
async function tree(dir: string, prefix = ""): Promise<{ entries: Record<string, string>; inodes: Record<string, number> }> {
  const found = { entries: {} as Record<string, string>, inodes: {} as Record<string, number> };
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      found.entries[`${relative}/`] = "";
      const below = await tree(dir, relative);
      Object.assign(found.entries, below.entries);
      Object.assign(found.inodes, below.inodes);
    } else {
      found.entries[relative] = await readFile(path.join(dir, relative), "utf8");
      found.inodes[relative] = (await nodeFs.stat(path.join(dir, relative))).ino;
    }
  }
  return found;
}

/**
 * An output where a run changes a bit of everything: a file untouched, one stale, two added (one
 * in folders to create), and extras whose removal empties two folders and leaves a third.
 */
async function patchable(dir: string): Promise<{ out: string; files: GeneratedFile[] }> {
  const out = path.join(dir, "generated");
  const old: Record<string, string> = {
    "keep.txt": "untouched\n",
    "deep/also.txt": "old text\n",
    "deep/stray.txt": "extra beside a kept file\n",
    "gone/only.txt": "extra\n",
    "gone/deeper/x.txt": "extra, deeper\n",
  };
  for (const [file, text] of Object.entries(old)) {
    await mkdir(path.dirname(path.join(out, file)), { recursive: true });
    await writeFile(path.join(out, file), text);
  }
  const files: GeneratedFile[] = [
    { path: "deep/also.txt", contents: "new text\n" },
    { path: "fresh/sub/new.txt", contents: "added in new folders\n" },
    { path: "index.js", contents: "export {};\n" },
    { path: "keep.txt", contents: "untouched\n" },
  ];
  return { out, files };
}

const WANTED = {
  "deep/": "",
  "deep/also.txt": "new text\n",
  "fresh/": "",
  "fresh/sub/": "",
  "fresh/sub/new.txt": "added in new folders\n",
  "index.js": "export {};\n",
  "keep.txt": "untouched\n",
};

/** The real file system, counting each operation's calls. */
function counting(): { fs: WriteFs; counts: Partial<Record<keyof WriteFs, number>> } {
  const counts: Partial<Record<keyof WriteFs, number>> = {};
  const fs = Object.fromEntries(
    Object.entries(NODE_WRITE_FS).map(([name, operation]) => [
      name,
      (...args: unknown[]) => {
        counts[name as keyof WriteFs] = (counts[name as keyof WriteFs] ?? 0) + 1;
        return (operation as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as WriteFs;
  return { fs, counts };
}

describe("writeOutput in place, given how the folder differs", () => {
  it("changes only the stale, missing and extra files, removes the folders the extras emptied, leaves nothing beside", async () => {
    await withTempDir(async (dir) => {
      const { out, files } = await patchable(dir);
      const keep = await nodeFs.stat(path.join(out, "keep.txt"));
      const stale = await nodeFs.stat(path.join(out, "deep", "also.txt"));
      const difference = await compareOutput(out, files);
      expect(difference).toEqual({
        stale: ["deep/also.txt"],
        missing: ["fresh/sub/new.txt", "index.js"],
        extra: ["deep/stray.txt", "gone/deeper/x.txt", "gone/only.txt"],
      });
      const { fs, counts } = counting();
      await writeOutput(out, files, { fs, difference });
      expect((await tree(out)).entries).toEqual(WANTED);
      expect(await readdir(dir)).toEqual(["generated"]);
      const after = await nodeFs.stat(path.join(out, "keep.txt"));
      expect([after.ino, after.ctimeMs, after.mtimeMs], "the untouched file keeps its inode and stat").toEqual([
        keep.ino,
        keep.ctimeMs,
        keep.mtimeMs,
      ]);
      expect((await nodeFs.stat(path.join(out, "deep", "also.txt"))).ino).not.toBe(stale.ino);
      // Three files written (two staged, the journal), no file of the folder written again.
      expect(counts.writeFile).toBe(4);
    });
  });

  it("puts a file where an extra file stood in the way of its folder", async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, "generated");
      await mkdir(out);
      await writeFile(path.join(out, "a"), "a file, to be a folder\n");
      await writeFile(path.join(out, "keep.txt"), "untouched\n");
      const keep = (await nodeFs.stat(path.join(out, "keep.txt"))).ino;
      const files = [
        { path: "a/b.txt", contents: "below\n" },
        { path: "keep.txt", contents: "untouched\n" },
      ];
      await writeOutput(out, files, { difference: await compareOutput(out, files) });
      expect((await tree(out)).entries).toEqual({ "a/": "", "a/b.txt": "below\n", "keep.txt": "untouched\n" });
      expect((await nodeFs.stat(path.join(out, "keep.txt"))).ino, "written in place").toBe(keep);
      expect(await readdir(dir)).toEqual(["generated"]);
    });
  });

  it("writes the whole folder when a folder stands where a file goes", async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, "generated");
      await mkdir(path.join(out, "README.md", "empty"), { recursive: true });
      const files = [{ path: "README.md", contents: "# Read me\n" }];
      const difference = await compareOutput(out, files);
      expect(difference).toEqual({ stale: [], missing: ["README.md"], extra: [] });
      await writeOutput(out, files, { difference });
      expect((await tree(out)).entries).toEqual({ "README.md": "# Read me\n" });
      expect(await readdir(dir)).toEqual(["generated"]);
    });
  });

  it("writes the whole folder when two paths differ only in case (one file where case is ignored)", async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, "generated");
      await mkdir(out);
      await writeFile(path.join(out, "Index.js"), "export const old = 1;\n");
      await writeFile(path.join(out, "keep.txt"), "untouched\n");
      const keep = (await nodeFs.stat(path.join(out, "keep.txt"))).ino;
      const files = [
        { path: "index.js", contents: "export {};\n" },
        { path: "keep.txt", contents: "untouched\n" },
      ];
      await writeOutput(out, files, { difference: { stale: [], missing: ["index.js"], extra: ["Index.js"] } });
      expect((await tree(out)).entries).toEqual({ "index.js": "export {};\n", "keep.txt": "untouched\n" });
      expect((await nodeFs.stat(path.join(out, "keep.txt"))).ino, "written anew").not.toBe(keep);
      expect(await readdir(dir)).toEqual(["generated"]);
    });
  });

  // Every call of every operation the in-place write makes, failing in turn.
  const operations: (keyof WriteFs)[] = ["mkdir", "writeFile", "rename", "rmdir"];
  it.each(operations)("a failing %s, at each of its calls, leaves the old output exactly as it was and nothing beside", async (operation) => {
    const calls = await withTempDir(async (dir) => {
      const { out, files } = await patchable(dir);
      const { fs, counts } = counting();
      await writeOutput(out, files, { fs, difference: await compareOutput(out, files) });
      return counts[operation] ?? 0;
    });
    expect(calls, `the in-place write calls ${operation}`).toBeGreaterThan(0);
    for (let nth = 1; nth <= calls; nth++) {
      await withTempDir(async (dir) => {
        const { out, files } = await patchable(dir);
        const difference = await compareOutput(out, files);
        const before = await tree(out);
        const keep = await nodeFs.stat(path.join(out, "keep.txt"));
        const { fs, calls: made } = failing(operation, nth);
        await expect(writeOutput(out, files, { fs, difference }), `call ${nth}`).rejects.toThrow(`injected ${operation} failure`);
        expect(made()).toBeGreaterThanOrEqual(nth);
        expect(await tree(out), `call ${nth}: files, folders and inodes as they were`).toEqual(before);
        const after = await nodeFs.stat(path.join(out, "keep.txt"));
        expect([after.ctimeMs, after.mtimeMs]).toEqual([keep.ctimeMs, keep.mtimeMs]);
        expect(await readdir(dir), `call ${nth}`).toEqual(["generated"]);
      });
    }
  });

  it("says where the old files are when they cannot be put back, and the next run puts them back", async () => {
    await withTempDir(async (dir) => {
      const { out, files } = await patchable(dir);
      const before = await tree(out);
      const difference = await compareOutput(out, files);
      // The commit's first placement fails (after four files were retired), and so does every rename after it.
      let renames = 0;
      const fs: WriteFs = {
        ...NODE_WRITE_FS,
        rename: (from, to) => {
          if (++renames >= 5) throw new Error(`injected rename failure ${renames}`);
          NODE_WRITE_FS.rename(from, to);
        },
      };
      const error = await writeOutput(out, files, { fs, difference }).then(
        () => undefined,
        (e: Error) => e,
      );
      const aside = (await readdir(dir)).filter((name) => name.startsWith(".generated.modelspec-old-"));
      expect(aside).toHaveLength(1);
      expect(error?.message).toContain("injected rename failure 5");
      expect(error?.message).toContain(path.join(dir, aside[0]!, "files"));
      expect(error?.message).toContain(path.join(dir, aside[0]!, "journal.json"));
      expect(await snapshot(path.join(dir, aside[0]!, "files"))).toEqual({
        "deep/also.txt": "old text\n",
        "deep/stray.txt": "extra beside a kept file\n",
        "gone/deeper/x.txt": "extra, deeper\n",
        "gone/only.txt": "extra\n",
      });
      // Once this process is gone the folder is a dead run's: renamed to a dead pid's name to stand for that.
      await nodeFs.rename(path.join(dir, aside[0]!), path.join(dir, `.generated.modelspec-old-${DEAD_PID}-1`));
      await expect(writeOutput(out, files, { fs: failing("writeFile", 1).fs, difference })).rejects.toThrow("injected writeFile failure");
      expect(await readdir(dir)).toEqual(["generated"]);
      expect(await tree(out)).toEqual(before);
    });
  });
});

describe("writeOutput rolls back a dead run's unfinished in-place write", () => {
  /** The state a run leaves when it dies mid-commit: two files retired, one added, one of its folders made. */
  async function partialCommit(dir: string, out: string): Promise<string> {
    const retired = path.join(dir, `.generated.modelspec-old-${DEAD_PID}-1`);
    await mkdir(path.join(retired, "files", "deep"), { recursive: true });
    await mkdir(path.join(retired, "files", "gone"), { recursive: true });
    const journal = {
      replaced: ["deep/also.txt"],
      removed: ["deep/stray.txt", "gone/deeper/x.txt", "gone/only.txt"],
      added: ["fresh/sub/new.txt", "index.js"],
      created: ["fresh", "fresh/sub"],
    };
    await writeFile(path.join(retired, "journal.json"), JSON.stringify(journal));
    await nodeFs.rename(path.join(out, "deep", "also.txt"), path.join(retired, "files", "deep", "also.txt"));
    await nodeFs.rename(path.join(out, "gone", "only.txt"), path.join(retired, "files", "gone", "only.txt"));
    await mkdir(path.join(out, "fresh"));
    await writeFile(path.join(out, "index.js"), "export {};\n");
    await mkdir(path.join(dir, `.generated.modelspec-new-${DEAD_PID}-1`, "fresh", "sub"), { recursive: true });
    await writeFile(path.join(dir, `.generated.modelspec-new-${DEAD_PID}-1`, "fresh", "sub", "new.txt"), "added in new folders\n");
    return retired;
  }

  it("puts every retired file back over its place, removes what it added, deletes its folders", async () => {
    await withTempDir(async (dir) => {
      const { out, files } = await patchable(dir);
      const before = await tree(out);
      await partialCommit(dir, out);
      // This run fails before touching the output, so what is left is what the tidying did.
      await expect(writeOutput(out, files, { fs: failing("writeFile", 1).fs })).rejects.toThrow("injected writeFile failure");
      expect(await readdir(dir)).toEqual(["generated"]);
      expect(await tree(out), "files, folders and inodes as they were").toEqual(before);
    });
  });

  it("writes the whole folder after a rollback: the difference it was given was taken before", async () => {
    await withTempDir(async (dir) => {
      const { out, files } = await patchable(dir);
      // A dead run had removed gone/only.txt and added index.js; the difference is taken while they are so.
      const retired = path.join(dir, `.generated.modelspec-old-${DEAD_PID}-1`);
      await mkdir(path.join(retired, "files", "gone"), { recursive: true });
      await writeFile(
        path.join(retired, "journal.json"),
        JSON.stringify({ replaced: [], removed: ["gone/only.txt"], added: ["index.js"], created: [] }),
      );
      await nodeFs.rename(path.join(out, "gone", "only.txt"), path.join(retired, "files", "gone", "only.txt"));
      await writeFile(path.join(out, "index.js"), "export {};\n");
      const difference = await compareOutput(out, files);
      expect([...difference.missing, ...difference.extra]).not.toContain("index.js");
      expect(difference.extra).not.toContain("gone/only.txt");
      const kept = (await tree(out)).inodes["keep.txt"];
      // The roll-back brings both back as they were; patching by the old difference would keep the one and lack the other.
      await writeOutput(out, files, { difference });
      const after = await tree(out);
      expect(after.entries).toEqual(WANTED);
      expect(after.inodes["keep.txt"], "the whole folder was written, not patched").not.toBe(kept);
      expect(await readdir(dir)).toEqual(["generated"]);
    });
  });

  it("deletes a journal cut short (its run died writing it, before touching the output); refuses one that names paths outside", async () => {
    await withTempDir(async (dir) => {
      const { out, files } = await patchable(dir);
      const before = await tree(out);
      const retired = path.join(dir, `.generated.modelspec-old-${DEAD_PID}-1`);
      await mkdir(retired);
      await writeFile(path.join(retired, "journal.json"), '{"replaced":["deep/al');
      await expect(writeOutput(out, files, { fs: failing("writeFile", 1).fs })).rejects.toThrow("injected writeFile failure");
      expect(await readdir(dir)).toEqual(["generated"]);
      expect(await tree(out)).toEqual(before);
      await mkdir(retired);
      await writeFile(path.join(retired, "journal.json"), JSON.stringify({ replaced: ["../outside"], removed: [], added: [], created: [] }));
      await expect(writeOutput(out, files)).rejects.toThrow(`${path.join(retired, "journal.json")}: not a journal this generator wrote`);
      expect(await tree(out)).toEqual(before);
    });
  });

  it("leaves a live run's journaled folder alone", async () => {
    await withTempDir(async (dir) => {
      const { out, files } = await patchable(dir);
      const live = path.join(dir, `.generated.modelspec-old-${LIVE_PID}-1`);
      await mkdir(path.join(live, "files"), { recursive: true });
      await writeFile(path.join(live, "journal.json"), JSON.stringify({ replaced: [], removed: [], added: ["keep.txt"], created: [] }));
      await writeOutput(out, files, { difference: await compareOutput(out, files) });
      expect((await tree(out)).entries).toEqual(WANTED);
      expect((await readdir(dir)).sort()).toEqual([`.generated.modelspec-old-${LIVE_PID}-1`, "generated"]);
    });
  });
});
