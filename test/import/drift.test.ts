/**
 * Round trip per seed (importing the seed page reproduces what its committed spec documents) and
 * `import --check` drift: copies of the sources are changed and each change is reported with the
 * diff engine's kind and severity.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { main } from "../../generator/cli.js";
import { loadModel } from "../../generator/generate.js";
import { checkDrift } from "../../generator/import/check.js";
import { citedPath } from "../../generator/import/index.js";
import { readSpecDir } from "../../generator/load.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { SCHEMAS_DIR, withTempDir } from "../helpers.js";

// What --check compares is read from the specs, so an offering added by spec alone is counted too.
const SEEDS_DIR = path.join(SCHEMAS_DIR, "seeds");
const SEED_FILES = readdirSync(SEEDS_DIR).filter((f) => f.endsWith(".txt"));
const OFFERINGS = loadModel(await readSpecDir(SCHEMAS_DIR)).offerings;
/** The offerings whose spec cites a page of schemas/seeds: each one --check imports and compares. */
const CITING = OFFERINGS.filter((o) => SEED_FILES.includes(o.source.seed));
/** Whether a page names a model id (not as the start of a longer one). */
const names = (page: string, model: string) => new RegExp(`${model.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w.-])`).test(page);
/**
 * What --check says about the committed specs before any edit, each reported as removed from its
 * source: a spec whose source is no file (a page described in words, as a spec written by hand
 * may give), and a spec citing a page that does not name its model id (a copy of another
 * offering's spec still citing that offering's page, which test/seed-fidelity.test.ts refuses).
 */
const BEFORE_EDITS = [
  ...OFFERINGS.filter((o) => !citedPath(o.source.seed, SCHEMAS_DIR).some((p) => existsSync(p))),
  ...CITING.filter((o) => !names(readFileSync(path.join(SEEDS_DIR, o.source.seed), "utf8"), o.model)),
].map((o) => ({ offering: o.id, kind: "offering-removed", severity: "breaking" }));
/** What --check reports after an edit: the changes it made and those above, in --check's order (by offering). */
const reported = <T extends { offering: string }>(want: T[]): (T | (typeof BEFORE_EDITS)[number])[] =>
  [...BEFORE_EDITS, ...want].sort((x, y) => (x.offering < y.offering ? -1 : x.offering > y.offering ? 1 : 0));

describe("round trip: each seed page imports to its committed spec's documented content", () => {
  it("seeds 000 to 004 (Cloudflare page text, Runware's listing, a Markdown table): no change in any documented part", async () => {
    // Every page is some spec's source, and every spec citing one is checked.
    expect(new Set(CITING.map((o) => o.source.seed))).toEqual(new Set(SEED_FILES));
    // What the comparison takes from the committed specs of 001 and 004, part by part: layouts.test.ts.
    const { changes, checked } = await checkDrift(SCHEMAS_DIR);
    expect(checked).toBe(CITING.length);
    expect(changes).toEqual(reported([]).map((u) => expect.objectContaining(u)));
  }, 120_000);
});

const SEED = "000_a89bc762b21b47b9.txt";

describe("modelspec import --check", () => {
  const edits: [string, { edit: (text: string) => string; want: { offering: string; kind: string; severity: string; pointer?: string }[] }][] = [
    [
      "a tighter bound",
      {
        edit: (t) =>
          t.replace(
            '"temperature": { "type": "number", "minimum": 0, "maximum": 2 }',
            '"temperature": { "type": "number", "minimum": 0, "maximum": 1 }',
          ),
        want: [{ offering: "cloudflare/gpt-5.4-mini", kind: "bound-tightened", severity: "breaking", pointer: "/properties/temperature/maximum" }],
      },
    ],
    [
      "a new parameter",
      {
        edit: (t) => t.replace('"stream": { "type": "boolean" },', '"stream": { "type": "boolean" }, "seed": { "type": "integer" },'),
        want: [{ offering: "cloudflare/gpt-5.4-mini", kind: "property-added", severity: "non-breaking", pointer: "/properties/seed" }],
      },
    ],
    [
      "a removed enum value",
      {
        edit: (t) => t.replace('"assistant", "tool" ]', '"assistant" ]'),
        want: [{ offering: "cloudflare/gpt-5.4-mini", kind: "enum-value-removed", severity: "breaking" }],
      },
    ],
    [
      "a new context window",
      {
        edit: (t) => t.replace("128,000 tokens", "256,000 tokens"),
        want: [{ offering: "cloudflare/gpt-5.4-mini", kind: "context-window-raised", severity: "non-breaking", pointer: "/contextWindow" }],
      },
    ],
  ];
  for (const [name, { edit, want }] of edits) {
    it(`reports ${name} in seed 000 with its severity`, async () => {
      await withTempDir(async (dir) => {
        const schemas = path.join(dir, "schemas");
        await cp(SCHEMAS_DIR, schemas, { recursive: true });
        const seed = path.join(schemas, "seeds", SEED);
        const changed = edit(await readFile(seed, "utf8"));
        expect(changed).not.toBe(await readFile(seed, "utf8"));
        await writeFile(seed, changed);
        const { changes } = await checkDrift(schemas);
        expect(changes.map((c) => ({ offering: c.offering, kind: c.kind, severity: c.severity, pointer: c.pointer }))).toEqual(
          reported(want).map((w) => expect.objectContaining(w)),
        );
      });
    }, 120_000);
  }

  it("reports a removed model, and a record's new context window, in every format; exit 1", async () => {
    await withTempDir(async (dir) => {
      const schemas = path.join(dir, "schemas");
      await cp(SCHEMAS_DIR, schemas, { recursive: true });
      // Outside the schemas folder: a .json there would be read as a spec. The spec cites it as ../records/translation.json.
      const records = path.join(dir, "records");
      await mkdir(records);
      const record = path.join(records, "translation.json");
      await cp(path.join(PROJECT_ROOT, "test/import/fixtures/records/translation.json"), record);
      const quiet = { out: () => undefined, err: () => undefined };
      expect(await main(["import", record, "--schemas", schemas], quiet)).toBe(0);
      expect(await main(["import", "--check", "--schemas", schemas], quiet)).toBe(BEFORE_EDITS.length > 0 ? 1 : 0);

      await writeFile(
        record,
        (await readFile(record, "utf8")).replace('"properties": []', '"properties": [{ "property_id": "context_window", "value": "4096" }]'),
      );
      await rm(path.join(schemas, "seeds", SEED));
      const out: string[] = [];
      expect(await main(["import", "--check", "--schemas", schemas, "--format", "json"], { out: (t) => out.push(t), err: () => undefined })).toBe(1);
      const report = JSON.parse(out.join("\n")) as { changes: { offering: string; kind: string; severity: string }[] };
      expect(report.changes.map((c) => [c.offering, c.kind, c.severity])).toEqual(
        reported([
          { offering: "cloudflare/gpt-5.4-mini", kind: "offering-removed", severity: "breaking" },
          { offering: "cloudflare/tiny-translate", kind: "context-window-stated", severity: "warning" },
        ]).map((c) => [c.offering, c.kind, c.severity]),
      );
      const github: string[] = [];
      expect(
        await main(["import", "--check", "--schemas", schemas, "--format", "github", "--fail-on", "breaking"], {
          out: (t) => github.push(t),
          err: () => undefined,
        }),
      ).toBe(1);
      expect(github.join("\n")).toContain("::error file=schemas/cloudflare/gpt-5.4-mini.yaml,line=1,");
      const markdown: string[] = [];
      expect(await main(["import", "--check", "--schemas", schemas], { out: (t) => markdown.push(t), err: () => undefined })).toBe(1);
      const text = markdown.join("\n");
      expect(text).toContain("**1 breaking**, 1 warning, 0 non-breaking, 0 info in 2 offerings.");
      expect(text).toMatch(
        /#### `cloudflare\/gpt-5\.4-mini` \(1 change, worst: breaking\)[\s\S]*🔴 breaking \| meta \| `\/` \| the source "[^"]+" that cloudflare\/gpt-5\.4-mini\.yaml cites no longer exists/,
      );
      expect(text).toMatch(
        /#### `cloudflare\/tiny-translate` \(1 change, worst: warning\)[\s\S]*🟠 warning \| meta \| `\/contextWindow` \| context window now stated: 4096 tokens/,
      );
    });
  }, 180_000);
});
