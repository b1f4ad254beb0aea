/** Bad sources, TODO markers and --dry-run: located errors, nothing written, never a half-written spec. */
import { afterAll, describe, expect, it } from "vitest";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { main } from "../../generator/cli.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { SCHEMAS_DIR, withTempDir } from "../helpers.js";

const RECORD = path.join(PROJECT_ROOT, "test/import/fixtures/records/translation.json");

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function withSchemas(test: (dir: string, schemas: string) => Promise<void>) {
  await withTempDir(async (dir) => {
    const schemas = path.join(dir, "schemas");
    await cp(SCHEMAS_DIR, schemas, { recursive: true });
    await test(dir, schemas);
  });
}

const record = await readFile(RECORD, "utf8");

describe("modelspec import on bad input", () => {
  afterAll(() => undefined);
  const cases: [string, { given: string; want: RegExp }][] = [
    [
      "a file of no known layout",
      {
        given: "Just some notes about a model.\n",
        want: /^bad\.txt:1:1: \(document\): no known documentation layout; modelspec import reads: cloudflare-record/m,
      },
    ],
    ["truncated JSON", { given: record.slice(0, 200), want: /^bad\.txt:\d+:\d+: \(document\): not valid JSON: /m }],
    [
      "two values for one key",
      {
        given: record.replace('"name": "@cf/acme/tiny-translate",', '"name": "@cf/acme/tiny-translate",\n  "name": "@cf/acme/other",'),
        want: /^bad\.txt:5:3: \/name: two values for one field: duplicate key "name"; it is first at line 4, column 3/m,
      },
    ],
    [
      "two values for one record property",
      {
        given: record.replace(
          '"properties": []',
          '"properties": [{ "property_id": "context_window", "value": "1" }, { "property_id": "context_window", "value": "2" }]',
        ),
        want: /^bad\.txt:8:\d+: \/properties\/1: two values for one field: property "context_window" is also given at \/properties\/0/m,
      },
    ],
    [
      "a record without a schema",
      {
        given: record.replace(/"schema": \{[\s\S]*\}\s*\}\s*$/, '"deprecated": false }\n'),
        want: /^bad\.txt:1:1: \(document\): the record for "@cf\/acme\/tiny-translate" has no `schema`/m,
      },
    ],
    [
      "a schema that cannot be represented",
      {
        given: record.replace('"required": ["text", "target_lang"]', '"required": "text"'),
        want: /^bad\.txt:9:\d+: \/schema\/input\/required: `required` must be a list of property names/m,
      },
    ],
  ];
  for (const [name, { given, want }] of cases) {
    it(`${name}: names the file and line, writes nothing`, async () => {
      await withSchemas(async (dir, schemas) => {
        const file = path.join(dir, "bad.txt");
        await writeFile(file, given);
        const before = await readdir(path.join(schemas, "cloudflare"));
        const good = path.join(dir, "good.json");
        await writeFile(good, record);
        const cwd = process.cwd();
        process.chdir(dir);
        try {
          const result = await run(["import", "good.json", "bad.txt", "--schemas", schemas]);
          expect(result.code).toBe(2);
          expect(result.err).toMatch(want);
        } finally {
          process.chdir(cwd);
        }
        // The good source in the same run is not written either: all or nothing.
        expect(await readdir(path.join(schemas, "cloudflare"))).toEqual(before);
      });
    });
  }
});

describe("TODO markers", () => {
  it("a gap the record leaves is a marker that makes generate fail, naming it", async () => {
    await withSchemas(async (dir, schemas) => {
      const file = path.join(dir, "chat.json");
      const chat = await readFile(path.join(PROJECT_ROOT, "test/import/fixtures/records/text-generation.json"), "utf8");
      await writeFile(
        file,
        chat.replace('{ "property_id": "context_window", "value": "8192" },', "").replace('"A small chat model for tests."', '""'),
      );
      const imported = await run(["import", file, "--schemas", schemas]);
      expect(imported.code, imported.err).toBe(0);
      expect(imported.out).toContain("cloudflare/tiny-chat.yaml  (cloudflare-record, from ");
      expect(imported.out).toContain("2 TODO: /description, /contextWindow");
      const generated = await run(["generate", "--schemas", schemas, "--out", path.join(dir, "out")]);
      expect(generated.code).toBe(2);
      expect(generated.err).toContain(
        "cloudflare/tiny-chat.yaml:9:3: /description: TODO left by modelspec import: the record has no description; write the value",
      );
      expect(generated.err).toContain(
        "cloudflare/tiny-chat.yaml:12:3: /contextWindow: TODO left by modelspec import: the record states no context window for this Text Generation model;",
      );
      // A person resolves them; importing again keeps what they wrote.
      const spec = path.join(schemas, "cloudflare/tiny-chat.yaml");
      await writeFile(
        spec,
        (await readFile(spec, "utf8"))
          .replace(/description:\n?\s*todo: .*\n/, "description: Resolved by hand.\n")
          .replace(/contextWindow:\n?\s*todo: .*\n/, "contextWindow: 4096\n"),
      );
      expect((await run(["import", file, "--schemas", schemas])).out).not.toContain("TODO");
      expect(await readFile(spec, "utf8")).toMatch(/description: Resolved by hand\.\n[\s\S]*contextWindow: 4096\n/);
    });
  }, 120_000);

  it("--dry-run prints the spec and writes nothing", async () => {
    await withSchemas(async (_dir, schemas) => {
      const before = await readdir(path.join(schemas, "cloudflare"));
      const result = await run(["import", RECORD, "--schemas", schemas, "--dry-run"]);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/--- .*cloudflare\/tiny-translate\.yaml \(would be written\)\n# yaml-language-server/);
      expect(result.out).toContain('model: "@cf/acme/tiny-translate"');
      expect(result.out).toContain("would write 1 spec");
      expect(await readdir(path.join(schemas, "cloudflare"))).toEqual(before);
    });
  });
});

describe("type names of imported model ids", () => {
  it("a letter after a digit is upper case, as json-schema-to-typescript writes it (llama-3.1-8b → Llama318B)", async () => {
    const { pascalIdentifier, camelIdentifier } = await import("../../generator/escape.js");
    expect(pascalIdentifier("llama-3.1-8b-instruct-fast")).toBe("Llama318BInstructFast");
    expect(camelIdentifier("llama-3.1-8b-instruct-fast")).toBe("llama318BInstructFast");
    expect(pascalIdentifier("gpt-5.4-mini")).toBe("Gpt54Mini");
  });
});
