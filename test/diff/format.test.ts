/**
 * The outputs of `modelspec diff` (Markdown, JSON, GitHub annotations) and its exit codes,
 * run through the command on spec folders written to a temporary directory.
 */
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, formatGithub, formatMarkdown, repositoryPath } from "../../generator/diff/format.js";
import type { Change } from "../../generator/diff/kinds.js";
import { MINIMAL_SPECS } from "../helpers.js";
import { edit, folderDiff, runDiff } from "./helpers.js";

const TINY = "acme/tiny.yaml";
const HOSTILE = `"| <script>alert(1)</script> **bold** \`tick\` [x](https://evil.example) #h\\n| row | injection |"`;

const run = folderDiff("diff-format");

const BREAKING = edit(MINIMAL_SPECS, TINY, "contextWindow: 8000", "contextWindow: 4000");
const WARNING = edit(MINIMAL_SPECS, TINY, "status: available", "status: deprecated");
const HOSTILE_DESCRIPTION = edit(
  MINIMAL_SPECS,
  TINY,
  "temperature: { type: number, minimum: 0, maximum: 2 }",
  `temperature: { type: number, minimum: 0, maximum: 2, description: ${HOSTILE} }`,
);

describe("markdown", () => {
  it("has a summary line, then a table per offering with the worst first", async () => {
    let after = edit(BREAKING, TINY, "status: available", "status: deprecated");
    after = edit(after, TINY, "description: A tiny model.", "description: Tinier.");
    after = edit(after, TINY, "minimum: 0, maximum: 2", "minimum: 0, maximum: 3");
    const { code, out } = await run(MINIMAL_SPECS, after);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        "<!-- modelspec-diff -->",
        "### modelspec diff: `base` → `head`",
        "",
        "**1 breaking**, 1 warning, 1 non-breaking, 1 info in 1 offering.",
        "",
        "#### `acme/tiny` (4 changes, worst: breaking)",
        "",
        "| severity | schema | pointer | change |",
        "| --- | --- | --- | --- |",
        "| 🔴 breaking | meta | `/contextWindow` | context window lowered from 8000 to 4000 tokens |",
        '| 🟠 warning | meta | `/status` | status changed from "available" to "deprecated" |',
        "| 🟢 non-breaking | request | `/properties/temperature/maximum` | maximum raised from 2 to 3 |",
        '| ⚪ info | meta | `/description` | description changed from "A tiny model." to "Tinier." |',
      ].join("\n"),
    );
  });

  it("says so when nothing changed", async () => {
    const { code, out } = await run(MINIMAL_SPECS, MINIMAL_SPECS);
    expect(code).toBe(0);
    expect(out).toContain("No changes to the specs' offerings, metadata or schemas.");
  });

  it("escapes a hostile description: no HTML, no extra cells, no extra lines", async () => {
    const { out } = await run(MINIMAL_SPECS, HOSTILE_DESCRIPTION);
    const row = out.split("\n").find((line) => line.includes("/properties/temperature/description"))!;
    expect(row).toBeDefined();
    expect(out).not.toContain("<script>");
    expect(row).toContain("&lt;script&gt;");
    expect(row).toContain("\\*\\*bold\\*\\*");
    expect(row).toContain("\\[x\\]");
    // Four cells: exactly five pipes that are not escaped.
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(5);
    expect(out.split("\n").filter((line) => line.startsWith("|"))).toHaveLength(3);
  });

  it("stays under GitHub's comment size limit, leaving out the least severe rows first and saying so", () => {
    const row = (i: number, severity: Change["severity"]): Change => ({
      offering: "p/x",
      schema: "request",
      pointer: `/properties/p${i}`,
      kind: severity === "breaking" ? "property-removed" : "annotation-changed",
      severity,
      message: `change number ${i} ${"x".repeat(60)}`,
      file: "p/x.yaml",
      line: i,
    });
    const changes = [...[0, 1, 2].map((i) => row(i, "breaking")), ...[3, 4, 5, 6, 7, 8].map((i) => row(i, "info"))];
    const report = { base: { kind: "folder", path: "b" }, head: { kind: "folder", path: "h" }, changes, schemasPath: "schemas" } as const;
    const full = formatMarkdown(report);
    const limit = full.length - 250; // room for all but about three info rows, less the note
    const text = formatMarkdown(report, limit);
    expect(text.length).toBeLessThanOrEqual(limit);
    expect(text.startsWith("<!-- modelspec-diff -->\n")).toBe(true);
    expect(text).toContain("**3 breaking**, 0 warning, 0 non-breaking, 6 info in 1 offering.");
    const shown = text.split("\n").filter((line) => line.startsWith("| 🔴") || line.startsWith("| ⚪"));
    const hidden = 9 - shown.length;
    expect(shown.filter((line) => line.startsWith("| 🔴"))).toHaveLength(3);
    expect(hidden).toBeGreaterThan(0);
    expect(text).toContain(`_Not shown, to keep this comment under GitHub's size limit: ${hidden} info.`);
    // The rows kept are the first ones, in report order.
    expect(shown.at(-1)).toContain(`change number ${8 - hidden}`);
    // With room for only the summary, every row goes and the note counts them all.
    expect(formatMarkdown(report, 400)).toContain("_Not shown, to keep this comment under GitHub's size limit: 3 breaking, 6 info.");
  });

  it("lets no spec text mention people or teams, or cross-reference issues", async () => {
    const after = edit(
      MINIMAL_SPECS,
      TINY,
      "temperature: { type: number, minimum: 0, maximum: 2 }",
      'temperature: { type: number, minimum: 0, maximum: 2, description: "cc @octocat @acme/team, see #12 and x#3" }',
    );
    const { out } = await run(MINIMAL_SPECS, after);
    const row = out.split("\n").find((line) => line.includes("/properties/temperature/description"))!;
    expect(row).toContain("cc `@octocat` `@acme/team`, see #\u200b12 and x#\u200b3");
    expect(row.replace(/`[^`]*`/g, "")).not.toMatch(/@\w|#\d/);
  });

  it("counts every offering as added when the base folder has no specs", async () => {
    const { code, out } = await run({}, MINIMAL_SPECS, "--fail-on", "breaking");
    expect(code).toBe(0);
    expect(out).toContain("0 breaking**, 0 warning, 1 non-breaking, 0 info in 1 offering.");
    expect(out).toContain('| 🟢 non-breaking | meta | `/` | offering "acme/tiny" (model "acme-tiny-1") added |');
  });

  it("escapes a hostile pointer and offering in code spans", () => {
    const change: Change = {
      offering: "a`b/c",
      schema: "request",
      pointer: "/properties/a|b`c",
      kind: "property-added",
      severity: "non-breaking",
      message: "<b>x</b>",
      file: "a.yaml",
      line: 1,
    };
    const text = formatMarkdown({
      base: { kind: "folder", path: "x`y" },
      head: { kind: "folder", path: "h" },
      changes: [change],
      schemasPath: "schemas",
    });
    expect(text).toContain("``a`b/c``");
    expect(text).toContain("``/properties/a\\|b`c``");
    expect(text).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(text).not.toContain("<b>");
  });
});

describe("json", () => {
  it("has base, head, summary and changes with file (as seen from where it runs) and line", async () => {
    const { code, out } = await run(MINIMAL_SPECS, BREAKING, "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      base: { kind: "folder", path: "base" },
      head: { kind: "folder", path: "head" },
      summary: { breaking: 1, warning: 0, "non-breaking": 0, info: 0, total: 1, offerings: 1, problems: 0 },
      changes: [
        {
          offering: "acme/tiny",
          schema: "meta",
          pointer: "/contextWindow",
          kind: "context-window-lowered",
          severity: "breaking",
          message: "context window lowered from 8000 to 4000 tokens",
          file: "head/acme/tiny.yaml",
          line: 7,
        },
      ],
      problems: [],
    });
  });

  it("keeps hostile text as plain JSON strings", async () => {
    const { out } = await run(MINIMAL_SPECS, HOSTILE_DESCRIPTION, "--format", "json");
    const [change] = JSON.parse(out).changes;
    expect(change).toMatchObject({
      schema: "request",
      pointer: "/properties/temperature/description",
      kind: "annotation-changed",
      severity: "info",
      file: "head/acme/tiny.yaml",
      line: 27,
    });
    expect(change.message).toContain("<script>");
  });
});

describe("github annotations", () => {
  it("one workflow command per change, on a line of the head file (a removal: where it was taken out)", async () => {
    let after = edit(BREAKING, TINY, "      text: { type: string }\n", "      answer: { type: string }\n");
    after = edit(after, TINY, "required: [text]", "required: [answer]");
    after = edit(after, TINY, "response: { text: hello }", "response: { answer: hello }");
    after = edit(after, TINY, "status: available", "status: beta");
    const { code, out } = await run(MINIMAL_SPECS, after, "--format", "github");
    expect(code).toBe(0);
    expect(out.split("\n")).toEqual([
      "::error file=head/acme/tiny.yaml,line=7,title=breaking meta change in acme/tiny (context-window-lowered)::acme/tiny meta /contextWindow: context window lowered from 8000 to 4000 tokens",
      '::error file=head/acme/tiny.yaml,line=33,title=breaking response change in acme/tiny (property-removed)::acme/tiny response /properties/text: property "text" removed (it was required)',
      '::warning file=head/acme/tiny.yaml,line=6,title=warning meta change in acme/tiny (status-changed)::acme/tiny meta /status: status changed from "available" to "beta"',
      '::notice file=head/acme/tiny.yaml,line=34,title=non-breaking response change in acme/tiny (property-added-required)::acme/tiny response /properties/answer: required property "answer" added',
      '::notice file=head/acme/tiny.yaml,line=36,title=info meta change in acme/tiny (metadata-changed)::acme/tiny meta /examples/0: example "hello" changed',
    ]);
  });

  it("names files under the schemas path as written, without ./ or a trailing slash", () => {
    expect([repositoryPath("./specs/", "a/b.yaml"), repositoryPath(".", "a/b.yaml"), repositoryPath("schemas", "a/b.yaml")]).toEqual([
      "specs/a/b.yaml",
      "a/b.yaml",
      "schemas/a/b.yaml",
    ]);
  });

  it("escapes %, CR and LF in messages, and : and , too in properties", () => {
    expect(escapeData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
    const change: Change = {
      offering: "p/x",
      schema: "request",
      pointer: "/properties/a,b",
      kind: "annotation-changed",
      severity: "info",
      message: 'description changed from "50%" to "line\nbreak::x"',
      file: "p/x:1,2.yaml",
      line: 3,
    };
    expect(
      formatGithub({ base: { kind: "folder", path: "b" }, head: { kind: "folder", path: "h" }, changes: [change], schemasPath: "schemas" }),
    ).toBe(
      '::notice file=schemas/p/x%3A1%2C2.yaml,line=3,title=info request change in p/x (annotation-changed)::p/x request /properties/a,b: description changed from "50%25" to "line%0Abreak::x"',
    );
  });
});

describe("exit codes", () => {
  it.each([
    ["--fail-on breaking with a breaking change", BREAKING, ["--fail-on", "breaking"], 1],
    ["--fail-on breaking with only a warning", WARNING, ["--fail-on", "breaking"], 0],
    ["--fail-on warning with a warning", WARNING, ["--fail-on", "warning"], 1],
    ["--fail-on warning with a breaking change", BREAKING, ["--fail-on", "warning"], 1],
    ["--fail-on warning with only info", HOSTILE_DESCRIPTION, ["--fail-on", "warning"], 0],
    ["--fail-on breaking with only a non-breaking change", edit(MINIMAL_SPECS, TINY, "maximum: 2", "maximum: 3"), ["--fail-on", "breaking"], 0],
    ["--fail-on warning with only a non-breaking change", edit(MINIMAL_SPECS, TINY, "maximum: 2", "maximum: 3"), ["--fail-on", "warning"], 0],
    ["--fail-on breaking with no change", MINIMAL_SPECS, ["--fail-on", "breaking"], 0],
    ["no --fail-on with a breaking change", BREAKING, [], 0],
  ] as const)("%s", async (_name, after, args, want) => {
    expect((await run(MINIMAL_SPECS, after, "--format", "json", ...args)).code).toBe(want);
  });

  it.each([
    ["--fail-on info", ["--base", "x", "--fail-on", "info"], /--fail-on must be breaking or warning/],
    ["an unknown format", ["--base", "x", "--format", "html"], /--format must be one of markdown, json, github/],
    ["no --base", [], /--base is required/],
    ["an unknown option", ["--base", "x", "--bsae", "y"], /Unknown option '--bsae'/],
    ["a positional argument", ["--base", "x", "extra"], /positional/],
  ])("exits 2 on %s", async (_name, args, message) => {
    const { code, err } = await runDiff(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain("modelspec diff --help");
  });

  it("exits 2 and prints the spec errors when a folder's specs are malformed", async () => {
    const { code, out, err } = await run(MINIMAL_SPECS, edit(MINIMAL_SPECS, TINY, "name: Acme Tiny", "name: [Acme Tiny"));
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(
      /^modelspec diff: the head specs \(head\) do not load:\n1 problem in the specs:\nacme\/tiny\.yaml:5:1: \(document\): Flow sequence .*\(YAML BAD_INDENT\)$/,
    );
  });

  it("prints its help and exits 0", async () => {
    const { code, out } = await runDiff(["--help"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: modelspec diff --base/);
    expect(out).toContain("--fail-on LEVEL");
  });
});
