/**
 * Issue 11, point 6: `modelspec diff` compares a side that fails the project's own checks (a
 * parameter without provenance, an example that does not pass its schema, a keyword the spec
 * format does not know) as long as it parses and its `$ref`s resolve. Its problems are listed in a
 * section of their own (Markdown, JSON `problems`, GitHub annotations) and count as warnings for
 * `--fail-on`; a side that does not parse or resolve is still exit 2.
 */
import { describe, expect, it } from "vitest";
import { MINIMAL_SPECS } from "../helpers.js";
import { edit, folderDiff } from "./helpers.js";

const TINY = "acme/tiny.yaml";
const run = folderDiff("diff-problems");

/** A required request property with no provenance entry, which the example does not have either. */
const UNCHECKED = edit(
  edit(MINIMAL_SPECS, TINY, "    required: [messages]\n", "    required: [messages, seed]\n"),
  TINY,
  "      temperature: { type: number, minimum: 0, maximum: 2 }\n",
  "      temperature: { type: number, minimum: 0, maximum: 2 }\n      seed: { type: integer }\n",
);

interface Json {
  summary: Record<string, number>;
  changes: { kind: string; severity: string; pointer: string }[];
  problems: { side: string; file: string; line: number; column: number; pointer: string; message: string }[];
}

describe("a side that fails the project's checks", () => {
  it("is compared, and its problems are listed in JSON", async () => {
    const { code, out, err } = await run(MINIMAL_SPECS, UNCHECKED, "--format", "json");
    expect(err).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(out) as Json;
    expect(report.changes).toEqual([expect.objectContaining({ pointer: "/properties/seed", kind: "property-added-required", severity: "breaking" })]);
    expect(report.problems).toEqual([
      {
        side: "head",
        file: "head/acme/tiny.yaml",
        line: 15,
        column: 5,
        pointer: "/request/parameters",
        message: 'parameter "seed" has no provenance; add `seed: documented` or `seed: { inferred: <reason> }`',
      },
      {
        side: "head",
        file: "head/acme/tiny.yaml",
        line: 40,
        column: 14,
        pointer: "/examples/0/request",
        message: 'example does not match the request schema: missing required property "seed"',
      },
    ]);
    expect(report.summary).toMatchObject({ breaking: 1, problems: 2 });
  });

  it("lists the problems in their own Markdown section, by side", async () => {
    const { code, out } = await run(UNCHECKED, edit(UNCHECKED, TINY, "maximum: 2 }", "maximum: 3 }"));
    expect(code).toBe(0);
    expect(out).toContain("**0 breaking**, 0 warning, 1 non-breaking, 0 info in 1 offering; 4 problems in the specs (counted as warnings).");
    expect(out).toContain(
      [
        "#### Problems in the specs",
        "",
        "These specs fail modelspec's own checks (`npm run generate` would refuse them); their changes are compared all the same.",
        "",
        "The base specs (`base`), 2 problems:",
        "",
        '- `base/acme/tiny.yaml:15:5` `/request/parameters`: parameter "seed" has no provenance; add \\`seed: documented\\` or \\`seed: { inferred: &lt;reason&gt; }\\`',
        '- `base/acme/tiny.yaml:40:14` `/examples/0/request`: example does not match the request schema: missing required property "seed"',
        "",
        "The head specs (`head`), 2 problems:",
      ].join("\n"),
    );
  });

  it("says so when only the problems are news", async () => {
    const { out } = await run(UNCHECKED, UNCHECKED);
    expect(out).toContain("No changes to the specs' offerings, metadata or schemas; 4 problems in the specs (counted as warnings).");
    expect(out).toContain("#### Problems in the specs");
  });

  it("annotates the head's problems on their lines in GitHub format, and the base's without a line", async () => {
    const { out } = await run(UNCHECKED, UNCHECKED, "--format", "github");
    const lines = out.split("\n");
    expect(lines).toContain(
      '::warning file=head/acme/tiny.yaml,line=15,col=5,title=spec problem (head)::acme/tiny.yaml:15:5: /request/parameters: parameter "seed" has no provenance; add `seed: documented` or `seed: { inferred: <reason> }`',
    );
    expect(lines).toContain(
      '::warning title=spec problem (base%2C not in this version)::acme/tiny.yaml:15:5: /request/parameters: parameter "seed" has no provenance; add `seed: documented` or `seed: { inferred: <reason> }`',
    );
  });

  it.each([
    ["--fail-on warning", ["--fail-on", "warning"], 1],
    ["--fail-on breaking", ["--fail-on", "breaking"], 0],
    ["no --fail-on", [], 0],
  ] as const)("counts problems as warnings: %s", async (_name, args, want) => {
    expect((await run(UNCHECKED, UNCHECKED, "--format", "json", ...args)).code).toBe(want);
  });

  it("compares a schema with a keyword the spec format does not know, or of the wrong shape", async () => {
    const unknown = edit(MINIMAL_SPECS, TINY, "minimum: 0, maximum: 2 }", "minimum: 0, maximum: 2, minimun: 1 }");
    const { code, out } = await run(MINIMAL_SPECS, unknown, "--format", "json");
    expect(code).toBe(0);
    const report = JSON.parse(out) as Json;
    expect(report.changes).toEqual([expect.objectContaining({ pointer: "/properties/temperature/minimun", kind: "keyword-changed" })]);
    expect(report.problems.map((p) => [p.pointer, p.message])).toEqual([
      ["/request/schema", expect.stringMatching(/^ajv refuses this schema: unknown keyword: "minimun"/)],
      ["/request/schema/properties/temperature/minimun", expect.stringMatching(/^unknown key "minimun"/)],
    ]);
    const shapes = edit(MINIMAL_SPECS, TINY, "minimum: 0, maximum: 2 }", "minimum: 0, maximum: 2, anyOf: 5, allOf: { a: 1 } }");
    const odd = await run(MINIMAL_SPECS, shapes, "--format", "json");
    expect(odd.err).toBe("");
    expect(odd.code).toBe(0);
    // Compared without failing: the keywords of the wrong shape are named as problems, not read as unions or branches.
    expect((JSON.parse(odd.out) as Json).changes).toEqual([]);
    expect((JSON.parse(odd.out) as Json).problems.map((p) => [p.pointer, p.message])).toEqual([
      ["/request/schema", expect.stringMatching(/^ajv refuses this schema: .*allOf must be array.*anyOf must be array/)],
      ["/request/schema/properties/temperature/anyOf", "must be array, found integer"],
      ["/request/schema/properties/temperature/allOf", "must be array, found object"],
    ]);
  });
});

describe("a side that does not parse or resolve", () => {
  it("is still exit 2, with the spec errors", async () => {
    const dangling = edit(MINIMAL_SPECS, TINY, "items: { $ref: shared/chat.yaml#/$defs/Message }", "items: { $ref: shared/chat.yaml#/$defs/Mesage }");
    const { code, out, err } = await run(MINIMAL_SPECS, dangling);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(
      /^modelspec diff: the head specs \(head\) do not load:\n1 problem in the specs:\nacme\/tiny\.yaml:\d+:\d+: \/request\/schema\/properties\/messages\/items\/\$ref: \$ref "shared\/chat\.yaml#\/\$defs\/Mesage" points to nothing/,
    );
  });

  it("is exit 2 when an offering's own fields break the spec format (nothing reliable to compare)", async () => {
    const { code, err } = await run(MINIMAL_SPECS, edit(MINIMAL_SPECS, TINY, "contextWindow: 8000", "contextWindow: lots"));
    expect(code).toBe(2);
    expect(err).toMatch(/acme\/tiny\.yaml:7:16: \/contextWindow: must be integer, found string/);
  });
});
