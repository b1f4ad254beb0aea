/**
 * Round trip for the text layouts of seeds 001 (Runware's parameter listing) and 004 (a Markdown
 * parameter table with cURL and Python examples): importing the seed over a copy of `schemas/`
 * and running `modelspec diff` against the committed specs reports no change. What the comparison
 * takes from the committed spec instead of the page is listed here, part by part, with the reason:
 * the TODO markers a fresh import leaves (the page does not say it), the parameters the committed
 * spec marks inferred (provider notes, SDK types), and the notes (a person's commentary).
 */
import { describe, expect, it } from "vitest";
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { main } from "../../generator/cli.js";
import { checkDrift } from "../../generator/import/check.js";
import { todoPointers } from "../../generator/import/spec.js";
import type { JsonObject } from "../../generator/model.js";
import { GENERATED_DIR, SCHEMAS_DIR, withTempDir } from "../helpers.js";

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

const COUNTED = "the page gives only a count of allowed values";
const UNTYPED = "the table names the key but gives no type";

interface Seed {
  seed: string;
  layout: string;
  offering: string;
  /** Every marker a fresh import leaves, with why the page does not give it. */
  todos: Record<string, string>;
  /** The committed spec's inferred parameters: the comparison takes their schema nodes from it. */
  inferred: string[];
}

const SEEDS: Seed[] = [
  {
    seed: "001_70f3029293a2a987.txt",
    layout: "runware-listing",
    offering: "runware/gpt-5.4-mini",
    todos: {
      "/request/schema/properties/deliveryMethod/x-todo": COUNTED,
      "/request/schema/properties/messages/items/properties/role/x-todo": COUNTED,
      "/request/schema/properties/settings/properties/thinkingLevel/x-todo": COUNTED,
      "/request/schema/properties/settings/properties/toolChoice/properties/type/x-todo": COUNTED,
      "/request/parameters/deliveryMethod": COUNTED,
      "/request/parameters/messages[].role": COUNTED,
      "/request/parameters/settings.thinkingLevel": COUNTED,
      "/request/parameters/settings.toolChoice.type": COUNTED,
      "/response": "the page shows no response (the committed shape is Runware's SDK types, provider notes)",
      "/stream": "the page says results stream but shows no event (the committed shape is from the provider notes)",
    },
    inferred: ["deliveryMethod", "messages[].role", "settings.thinkingLevel", "settings.toolChoice.type"],
  },
  {
    seed: "004_f951ccde1e2f37c5.txt",
    layout: "markdown-table",
    offering: "anyfast/gpt-5.4-mini",
    todos: {
      "/inputModalities": "the page says text and image input, but no table row carries an image (the committed content parts are OpenAI's types)",
      "/request/schema/properties/input/items/properties/role/x-todo": UNTYPED,
      "/request/schema/properties/input/items/properties/content/x-todo": UNTYPED,
      "/request/schema/properties/reasoning/properties/summary/x-todo": UNTYPED,
      "/request/schema/properties/text/properties/format/x-todo": UNTYPED,
      "/request/schema/properties/text/properties/verbosity/x-todo": UNTYPED,
      "/request/schema/properties/tools/items/x-todo": "the table gives no item type for tools",
      "/request/parameters/input[].role": UNTYPED,
      "/request/parameters/input[].content": UNTYPED,
      "/request/parameters/reasoning.summary": UNTYPED,
      "/request/parameters/text.format": UNTYPED,
      "/request/parameters/text.verbosity": UNTYPED,
      "/response": "the page prints only response.output[0].content[0].text (the committed Response object is from the provider notes)",
      "/stream": "the page says SSE streaming but shows no event (the committed events are from the provider notes)",
    },
    inferred: [
      "input[].content",
      "input[].content[].detail",
      "input[].content[].file_data",
      "input[].content[].file_id",
      "input[].content[].file_url",
      "input[].content[].filename",
      "input[].content[].image_url",
      "input[].content[].text",
      "input[].content[].type",
      "input[].role",
      "reasoning.summary",
      "text.format.type",
      "text.verbosity",
      "tools[].type",
    ],
  },
];

describe.each(SEEDS)("seed $seed ($layout)", ({ seed, layout, offering, todos, inferred }) => {
  const specFile = `${offering}.yaml`;

  it("a fresh import leaves exactly the listed TODO markers, and generate names each one", async () => {
    await withSchemas(async (dir, schemas) => {
      await rm(path.join(schemas, specFile));
      const imported = await run(["import", path.join(schemas, "seeds", seed), "--schemas", schemas]);
      expect(imported.code, imported.err).toBe(0);
      expect(imported.out).toContain(`${specFile}  (${layout}, from `);
      const spec = parse(await readFile(path.join(schemas, specFile), "utf8")) as JsonObject;
      expect(todoPointers(spec).sort()).toEqual(Object.keys(todos).sort());
      expect(spec.source).toMatchObject({ seed });
      const generated = await run(["generate", "--schemas", schemas, "--out", path.join(dir, "out")]);
      expect(generated.code).toBe(2);
      for (const pointer of Object.keys(todos)) expect(generated.err).toContain(`: ${pointer}: TODO left by modelspec import: `);
    });
  }, 120_000);

  it("the committed spec marks exactly the listed parameters inferred", async () => {
    const committed = parse(await readFile(path.join(SCHEMAS_DIR, specFile), "utf8")) as { request: { parameters: Record<string, unknown> } };
    const marked = Object.entries(committed.request.parameters)
      .filter(([, provenance]) => typeof provenance === "object")
      .map(([name]) => name);
    expect(marked.sort()).toEqual([...inferred].sort());
  });

  it("imported over the committed spec, modelspec diff reports no change but the notes the import adds", async () => {
    await withSchemas(async (_dir, schemas) => {
      const imported = await run(["import", path.join(schemas, "seeds", seed), "--schemas", schemas]);
      expect(imported.code, imported.err).toBe(0);
      expect(imported.out).not.toContain("TODO");
      const diff = await run(["diff", "--base", SCHEMAS_DIR, "--head", schemas, "--format", "json"]);
      const report = JSON.parse(diff.out) as { changes: { offering: string; kind: string; pointer: string }[]; problems: unknown[] };
      expect(report.problems).toEqual([]);
      // Notes are a person's commentary, not the page's content: the import adds its own (what it derived and from where).
      expect(report.changes.map((c) => [c.offering, c.kind, c.pointer])).toEqual([[offering, "metadata-changed", "/notes"]]);
    });
  }, 120_000);
});

it("both seeds imported over the committed specs generate without edits, the same files but for the notes in the docs", async () => {
  await withSchemas(async (dir, schemas) => {
    const seeds = SEEDS.map((s) => path.join(schemas, "seeds", s.seed));
    expect((await run(["import", ...seeds, "--schemas", schemas])).code).toBe(0);
    const out = path.join(dir, "out");
    const generated = await run(["generate", "--schemas", schemas, "--out", out, "--quiet"]);
    expect(generated.code, generated.err).toBe(0);
    const [mine, committed] = await Promise.all([filesUnder(out), filesUnder(GENERATED_DIR)]);
    expect([...mine.keys()].sort()).toEqual([...committed.keys()].sort());
    const differ = [...mine].filter(([file, text]) => committed.get(file) !== text).map(([file]) => file);
    // The import's notes (what it derived, and from where) follow the person's on each offering's page.
    expect(differ.sort()).toEqual(["docs/anyfast/gpt-5.4-mini.md", "docs/runware/gpt-5.4-mini.md"]);
  });
}, 300_000);

async function filesUnder(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      out.set(path.relative(root, full).split(path.sep).join("/"), await readFile(full, "utf8"));
    }
  return out;
}

describe("import --check on the text layouts: a documented part that changes is reported", () => {
  const edits: [string, { seed: string; from: string; to: string; want: { offering: string; kind: string; pointer: string }[] }][] = [
    [
      "Runware: a tighter temperature bound",
      {
        seed: "001_70f3029293a2a987.txt",
        from: "float min: 0 max: 2 step: 0.01 default: 1",
        to: "float min: 0 max: 1.5 step: 0.01 default: 1",
        want: [{ offering: "runware/gpt-5.4-mini", kind: "bound-tightened", pointer: "/properties/settings/properties/temperature/maximum" }],
      },
    ],
    [
      "Runware: a new context window",
      {
        seed: "001_70f3029293a2a987.txt",
        from: "a 400K token context window",
        to: "a 1M token context window",
        // The page states the window only in its description, so the description changes too.
        want: [
          { offering: "runware/gpt-5.4-mini", kind: "context-window-raised", pointer: "/contextWindow" },
          { offering: "runware/gpt-5.4-mini", kind: "metadata-changed", pointer: "/description" },
        ],
      },
    ],
    [
      "Anyfast: a removed allowed value",
      {
        seed: "004_f951ccde1e2f37c5.txt",
        from: "`high`, and `xhigh`",
        to: "and `high`",
        want: [{ offering: "anyfast/gpt-5.4-mini", kind: "enum-value-removed", pointer: "/properties/reasoning/properties/effort/enum" }],
      },
    ],
    [
      "Anyfast: a new required parameter",
      {
        seed: "004_f951ccde1e2f37c5.txt",
        from: "| `store`             | boolean | No  ",
        to: "| `store`             | boolean | Yes ",
        // The page's streaming example sends no `store`: it no longer passes, so the import leaves it out.
        want: [
          { offering: "anyfast/gpt-5.4-mini", kind: "property-became-required", pointer: "/properties/store" },
          { offering: "anyfast/gpt-5.4-mini", kind: "metadata-changed", pointer: "/examples" },
        ],
      },
    ],
  ];
  for (const [name, { seed, from, to, want }] of edits) {
    it(name, async () => {
      await withSchemas(async (_dir, schemas) => {
        const file = path.join(schemas, "seeds", seed);
        const text = await readFile(file, "utf8");
        expect(text).toContain(from);
        await writeFile(file, text.replace(from, to));
        const { changes } = await checkDrift(schemas);
        expect(changes.map((c) => ({ offering: c.offering, kind: c.kind, pointer: c.pointer }))).toEqual(want);
      });
    }, 120_000);
  }
});
