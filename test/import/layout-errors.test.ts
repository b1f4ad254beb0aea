/**
 * Bad input in the text layouts (Runware's parameter listing, a Markdown parameter table): a
 * truncated listing or table and two values for one field are located errors (file:line), and
 * nothing is written, not even the good source imported in the same run. Layouts are recognised
 * by their text, not by their file name.
 */
import { describe, expect, it } from "vitest";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { main } from "../../generator/cli.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { SCHEMAS_DIR, withTempDir } from "../helpers.js";

const RUNWARE = await readFile(path.join(SCHEMAS_DIR, "seeds/001_70f3029293a2a987.txt"), "utf8");
const MARKDOWN = await readFile(path.join(SCHEMAS_DIR, "seeds/004_f951ccde1e2f37c5.txt"), "utf8");
const RECORD = path.join(PROJECT_ROOT, "test/import/fixtures/records/translation.json");

/** 1-based line of the first `needle` at or after `after`. */
function lineOf(text: string, needle: string, after = ""): number {
  const index = text.indexOf(needle, after === "" ? 0 : text.indexOf(after) + after.length);
  expect(index).toBeGreaterThanOrEqual(0);
  return text.slice(0, index).split("\n").length;
}

function edit(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const TOOL_NAME = "settings » toolChoice » name\n\nname\n\nstring\n\nName of the tool to call.\n\n";

const cases: [string, { given: string; want: string }][] = [
  [
    "Runware: a listing cut after a parameter's name",
    {
      given: RUNWARE.slice(0, RUNWARE.indexOf("string required", RUNWARE.indexOf("settings » toolChoice » type"))),
      want: `bad.txt:${lineOf(RUNWARE, "type\n", "settings » toolChoice » type\n\n")}:1: /settings/toolChoice/type: settings » toolChoice » type has no type line`,
    },
  ],
  [
    "Runware: fewer properties than the listing promises",
    {
      given: edit(RUNWARE, TOOL_NAME, ""),
      want: `bad.txt:${lineOf(RUNWARE, "Properties 2 properties", "settings » toolChoice\n")}:1: /settings/toolChoice: the listing promises 2 properties of settings.toolChoice but gives 1`,
    },
  ],
  [
    "Runware: two defaults in one type line",
    {
      given: edit(RUNWARE, "integer min: 1 max: 4 default: 1", "integer min: 1 max: 4 default: 1 default: 2"),
      want: `bad.txt:${lineOf(RUNWARE, "integer min: 1 max: 4 default: 1")}:1: /numberResults: two values for one field: default is given as default: 1 and as default: 2`,
    },
  ],
  [
    "Runware: one parameter listed twice",
    {
      given: edit(RUNWARE, "includeUsage\n", "includeCost\n\nboolean default: false\n\nInclude task cost.\n\nincludeUsage\n"),
      want: `bad.txt:${lineOf(RUNWARE, "includeUsage\n")}:1: /includeCost: two values for one field: includeCost is also listed at line ${lineOf(RUNWARE, "includeCost\n")}`,
    },
  ],
  [
    "Runware: a constraint the layout does not know",
    {
      given: edit(RUNWARE, "integer min: 1 max: 4 default: 1", "integer min: 1 max: 4 default: 1 odd: 3"),
      want: `bad.txt:${lineOf(RUNWARE, "integer min: 1 max: 4 default: 1")}:1: /numberResults: unrecognised constraint "odd: 3"`,
    },
  ],
  [
    "Markdown: a table cut in the middle of a row",
    {
      given: MARKDOWN.slice(0, MARKDOWN.indexOf("Nucleus sampling threshold")),
      want: `bad.txt:${lineOf(MARKDOWN, "| `top_p`")}:1: (document): the table row has 3 cell(s), the header 4: the table is truncated`,
    },
  ],
  [
    "Markdown: a header without its separator row",
    {
      given: edit(MARKDOWN, "| ------------------- | ------- |", "| `seed` | integer |"),
      want: `bad.txt:${lineOf(MARKDOWN, "| -------------------")}:1: (document): the parameter table's header is not followed by its \`| --- |\` separator row`,
    },
  ],
  [
    "Markdown: one parameter in two rows",
    {
      given: edit(MARKDOWN, "| `store` ", "| `top_p` | float | No | Nucleus sampling. |\n| `store` "),
      want: `bad.txt:${lineOf(MARKDOWN, "| `store` ")}:1: /top_p: two values for one field: the parameter top_p is also given at line ${lineOf(MARKDOWN, "| `top_p`")}`,
    },
  ],
  [
    "Markdown: two defaults in one row",
    {
      given: edit(MARKDOWN, "Nucleus sampling threshold. Default: `1`", "Nucleus sampling threshold. Default: `1`. Default: `0.9`"),
      want: `bad.txt:${lineOf(MARKDOWN, "| `top_p`")}:1: /top_p: two values for one field: the description gives 2 defaults (1, 0.9)`,
    },
  ],
  [
    "Markdown: an endpoint no provider file has",
    {
      given: edit(MARKDOWN, "curl https://www.anyfast.ai/v1/responses", "curl https://api.example.net/v1/responses"),
      want: `bad.txt:${lineOf(MARKDOWN, "```bash cURL")}:1: (document): no provider file has a transport at https://api.example.net/v1/responses: name the provider with --provider ID`,
    },
  ],
];

describe("modelspec import on bad text pages", () => {
  for (const [name, { given, want }] of cases) {
    it(`${name}: names the file and line, writes nothing`, async () => {
      await withTempDir(async (dir) => {
        const schemas = path.join(dir, "schemas");
        await cp(SCHEMAS_DIR, schemas, { recursive: true });
        await writeFile(path.join(dir, "bad.txt"), given);
        await cp(RECORD, path.join(dir, "good.json"));
        const folders = ["cloudflare", "runware", "anyfast"];
        const before = await Promise.all(folders.map((f) => readdir(path.join(schemas, f))));
        const cwd = process.cwd();
        process.chdir(dir);
        try {
          const result = await run(["import", "good.json", "bad.txt", "--schemas", schemas]);
          expect(result.code).toBe(2);
          expect(result.err).toContain(want);
        } finally {
          process.chdir(cwd);
        }
        expect(await Promise.all(folders.map((f) => readdir(path.join(schemas, f))))).toEqual(before);
      });
    });
  }
});

describe("layouts are recognised by their text", () => {
  it("a Runware listing named notes.md and a Markdown table named page.txt import as their layouts; --provider names an unknown endpoint's provider", async () => {
    await withTempDir(async (dir) => {
      const schemas = path.join(dir, "schemas");
      await cp(SCHEMAS_DIR, schemas, { recursive: true });
      await writeFile(path.join(dir, "notes.md"), RUNWARE);
      await writeFile(path.join(dir, "page.txt"), MARKDOWN);
      const result = await run(["import", path.join(dir, "notes.md"), path.join(dir, "page.txt"), "--schemas", schemas, "--dry-run"]);
      expect(result.code, result.err).toBe(0);
      expect(result.out).toMatch(/runware\/gpt-5\.4-mini\.yaml {2}\(runware-listing, from .*notes\.md\)/);
      expect(result.out).toMatch(/anyfast\/gpt-5\.4-mini\.yaml {2}\(markdown-table, from .*page\.txt\)/);

      await writeFile(
        path.join(dir, "page.txt"),
        edit(MARKDOWN, "curl https://www.anyfast.ai/v1/responses", "curl https://api.example.net/v1/responses"),
      );
      const named = await run(["import", path.join(dir, "page.txt"), "--schemas", schemas, "--provider", "anyfast", "--dry-run"]);
      expect(named.code, named.err).toBe(0);
      expect(named.out).toContain("anyfast/gpt-5.4-mini.yaml  (markdown-table");

      // A `model` row without "Must be": the id is the one the cURL example sends.
      await writeFile(path.join(dir, "page.txt"), edit(MARKDOWN, "Must be `gpt-5.4-mini`", "The model to use"));
      const sent = await run(["import", path.join(dir, "page.txt"), "--schemas", schemas, "--dry-run"]);
      expect(sent.code, sent.err).toBe(0);
      expect(sent.out).toContain("model: gpt-5.4-mini\n");
    });
  });
});

describe("a page cut anywhere", () => {
  it("imports (a shorter page) or fails with errors located in the file, never a crash", async () => {
    const { importSources } = await import("../../generator/import/index.js");
    const { SpecError } = await import("../../generator/diagnostics.js");
    const outcomes = { imported: 0, located: 0 };
    for (const text of [RUNWARE, MARKDOWN]) {
      const lines = text.split("\n");
      // Every third line keeps the test short; each cut is a different place in a parameter's entry or a table row.
      for (let n = 1; n <= lines.length; n += 3) {
        const source = { file: "cut.txt", absolute: "/nonexistent/cut.txt", text: lines.slice(0, n).join("\n") };
        try {
          await importSources([source], { schemasDir: SCHEMAS_DIR });
          outcomes.imported++;
        } catch (error) {
          expect(error).toBeInstanceOf(SpecError);
          for (const line of (error as Error).message.split("\n").slice(1)) expect(line).toMatch(/^cut\.txt:\d+:\d+: /);
          outcomes.located++;
        }
      }
    }
    expect(outcomes.imported).toBeGreaterThan(0);
    expect(outcomes.located).toBeGreaterThan(0);
  }, 120_000);
});
