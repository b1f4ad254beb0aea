/**
 * The bench's fixtures generate: `npm run bench` builds them and times `generate` on them, so a
 * fixture the generator refuses would leave the bench with nothing to measure.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../generator/generate.js";
import { buildFixture, readSpecSet } from "./bench/fixtures.js";
import { SCHEMAS_DIR, withTempDir } from "./helpers.js";

describe("bench fixtures", () => {
  for (const mode of ["shared", "distinct"] as const) {
    it(`${mode}: a copy of every offering generates, with the repo's seeds beside them`, async () => {
      const set = await readSpecSet(SCHEMAS_DIR);
      await withTempDir(async (dir) => {
        const fixture = await buildFixture(set, set.offerings.length * 2, mode, dir);
        expect(fixture.offerings).toHaveLength(set.offerings.length * 2);
        const result = await generate({ schemasDir: fixture.schemasDir, outDir: path.join(dir, "out"), cacheDir: false });
        const catalog = JSON.parse(result.files.find((f) => f.path === "catalog.json")!.contents) as { id: string }[];
        expect(catalog.map((e) => e.id).sort()).toEqual([...fixture.offerings].sort());
      });
    }, 120_000);
  }
});
