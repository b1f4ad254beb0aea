/**
 * Round trip per seed (importing the seed page reproduces what its committed spec documents) and
 * `import --check` drift: copies of the sources are changed and each change is reported with the
 * diff engine's kind and severity.
 */
import { describe, expect, it } from "vitest";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { main } from "../../generator/cli.js";
import { checkDrift } from "../../generator/import/check.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { SCHEMAS_DIR, withTempDir } from "../helpers.js";

describe("round trip: each seed page imports to its committed spec's documented content", () => {
  it("seeds 000 to 004 (Cloudflare page text, Runware's listing, a Markdown table): no change in any documented part", async () => {
    // What the comparison takes from the committed specs of 001 and 004, part by part: layouts.test.ts.
    const { changes, checked } = await checkDrift(SCHEMAS_DIR);
    expect(checked).toBe(5);
    expect(changes).toEqual([]);
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
          want.map((w) => expect.objectContaining(w)),
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
      expect(await main(["import", "--check", "--schemas", schemas], quiet)).toBe(0);

      await writeFile(
        record,
        (await readFile(record, "utf8")).replace('"properties": []', '"properties": [{ "property_id": "context_window", "value": "4096" }]'),
      );
      await rm(path.join(schemas, "seeds", SEED));
      const out: string[] = [];
      expect(await main(["import", "--check", "--schemas", schemas, "--format", "json"], { out: (t) => out.push(t), err: () => undefined })).toBe(1);
      const report = JSON.parse(out.join("\n")) as { changes: { offering: string; kind: string; severity: string }[] };
      expect(report.changes.map((c) => [c.offering, c.kind, c.severity])).toEqual([
        ["cloudflare/gpt-5.4-mini", "offering-removed", "breaking"],
        ["cloudflare/tiny-translate", "context-window-stated", "warning"],
      ]);
      const github: string[] = [];
      expect(
        await main(["import", "--check", "--schemas", schemas, "--format", "github", "--fail-on", "breaking"], {
          out: (t) => github.push(t),
          err: () => undefined,
        }),
      ).toBe(1);
      expect(github.join("\n")).toContain("::error file=schemas/cloudflare/gpt-5.4-mini.yaml,line=1,");
    });
  }, 180_000);
});
