/**
 * Two runs writing one output folder (generator/output-lock.ts): the second waits while the first
 * lives and says so once, a dead run's lock is taken over at once, and two generations started
 * together both succeed and leave exactly the output one run makes. Two generations in one process
 * (writing or checking) take turns with the transpiler's thread instead of stopping it under each other.
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { withOutputLock } from "../../generator/output-lock.js";
import { MINIMAL_SPECS, withTempDir } from "../helpers.js";

/** No process has this id (above any pid_max). */
const DEAD_PID = 2_147_483_646;
/** pid 1 always runs. */
const LIVE_PID = 1;

async function heldBy(dir: string, pid: number): Promise<string> {
  const lock = path.join(dir, ".generated.modelspec-lock");
  await mkdir(lock);
  await writeFile(path.join(lock, "owner.json"), JSON.stringify({ pid, host: hostname() }));
  return lock;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the output lock", () => {
  it("waits while a live run holds it, says so once, and goes on when it is released", async () => {
    await withTempDir(async (dir) => {
      const lock = await heldBy(dir, LIVE_PID);
      const told: string[] = [];
      let ran = false;
      const run = withOutputLock(
        path.join(dir, "generated"),
        async () => {
          ran = true;
          return "done";
        },
        { pollMs: 10, onWait: (message) => told.push(message) },
      );
      await settle(200);
      expect(ran, "the work waits for the holder").toBe(false);
      expect(told).toHaveLength(1);
      expect(told[0]).toContain(`modelspec run ${LIVE_PID} on ${hostname()}`);
      expect(told[0]).toContain(lock);
      await rm(lock, { recursive: true });
      await expect(run).resolves.toBe("done");
      expect(told, "told only once").toHaveLength(1);
      expect(await readdir(dir), "the lock is gone after the work").toEqual([]);
    });
  });

  it("takes over the lock of a run that died, without waiting", async () => {
    await withTempDir(async (dir) => {
      await heldBy(dir, DEAD_PID);
      const told: string[] = [];
      const owner = await withOutputLock(
        path.join(dir, "generated"),
        async () => JSON.parse(await readFile(path.join(dir, ".generated.modelspec-lock", "owner.json"), "utf8")) as { pid: number },
        { pollMs: 10, onWait: (message) => told.push(message) },
      );
      expect(owner.pid).toBe(process.pid);
      expect(told).toEqual([]);
      expect(await readdir(dir)).toEqual([]);
    });
  });

  it("lets one holder work at a time, and releases the lock when the work throws", async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, "generated");
      const events: string[] = [];
      const work =
        (name: string, fail = false) =>
        async () => {
          events.push(`${name} starts`);
          await settle(50);
          events.push(`${name} ends`);
          if (fail) throw new Error(`${name} failed`);
          return name;
        };
      const results = await Promise.allSettled([withOutputLock(out, work("a", true), { pollMs: 5 }), withOutputLock(out, work("b"), { pollMs: 5 })]);
      expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled"]);
      expect(events).toEqual(["a starts", "a ends", "b starts", "b ends"]);
      expect(await readdir(dir)).toEqual([]);
    });
  });

  it("two generations started together both succeed and write what one run writes; two checks at once both answer", async () => {
    await withTempDir(async (dir) => {
      const schemasDir = path.join(dir, "schemas");
      for (const [file, text] of Object.entries(MINIMAL_SPECS)) {
        await mkdir(path.dirname(path.join(schemasDir, file)), { recursive: true });
        await writeFile(path.join(schemasDir, file), text);
      }
      const options = { schemasDir, outDir: path.join(dir, "generated"), cacheDir: path.join(dir, "cache") };
      const [first, second] = await Promise.all([generate(options), generate(options)]);
      expect(first.difference.missing.length, "the first run wrote the output").toBeGreaterThan(0);
      // The second ran after the first: it found the output written and everything in the cache.
      expect(second.difference).toEqual({ stale: [], missing: [], extra: [] });
      expect(second.fromCache).toBe(true);
      expect(second.files.map((f) => f.path)).toEqual(first.files.map((f) => f.path));
      // Checks take no lock; two at once in one process take turns with the generator's thread.
      const checks = await Promise.all([1, 2].map(() => generate({ ...options, check: true, cacheDir: false })));
      for (const check of checks) expect(check.difference).toEqual({ stale: [], missing: [], extra: [] });
      expect((await readdir(dir)).sort()).toEqual(["cache", "generated", "schemas"]);
    });
  }, 120_000);
});
