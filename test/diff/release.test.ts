/**
 * `modelspec diff --semver` and `--changelog`: the version the changes call for and the CHANGELOG
 * entry, from the bump table and through the command on spec folders in a temporary directory.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SEVERITIES } from "../../generator/diff/kinds.js";
import { BUMPS, changelogEntry, CHANGELOG_SECTIONS, nextVersion, type Bump } from "../../generator/diff/release.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { MINIMAL_SPECS } from "../helpers.js";
import { edit, folderDiff, type Specs } from "./helpers.js";

const TINY = "acme/tiny.yaml";
const BREAKING = edit(MINIMAL_SPECS, TINY, "contextWindow: 8000", "contextWindow: 4000");
const WARNING = edit(MINIMAL_SPECS, TINY, "status: available", "status: deprecated");
const NON_BREAKING = edit(MINIMAL_SPECS, TINY, "minimum: 0, maximum: 2", "minimum: 0, maximum: 3");
const INFO = edit(MINIMAL_SPECS, TINY, "description: A tiny model.", "description: Tinier.");

const run = folderDiff("diff-release");

describe("the bump table", () => {
  it("has a bump and a CHANGELOG section for every severity: breaking major, warning and non-breaking minor, info patch", () => {
    expect(Object.keys(BUMPS).sort()).toEqual([...SEVERITIES].sort());
    expect(Object.keys(CHANGELOG_SECTIONS).sort()).toEqual([...SEVERITIES].sort());
    expect(BUMPS).toEqual({ breaking: "major", warning: "minor", "non-breaking": "minor", info: "patch" });
  });

  it.each<[string, { given: [string, Bump | undefined]; want: string }]>([
    ["major", { given: ["1.4.2", "major"], want: "2.0.0" }],
    ["minor", { given: ["1.4.2", "minor"], want: "1.5.0" }],
    ["patch", { given: ["1.4.2", "patch"], want: "1.4.3" }],
    ["nothing changed", { given: ["1.4.2", undefined], want: "1.4.2" }],
    ["major from 0.x (semver: 0.x has no compatibility promise, but breaking is still major here)", { given: ["0.1.0", "major"], want: "1.0.0" }],
    ["a pre-release ends at its version", { given: ["2.0.0-rc.1", "major"], want: "2.0.0" }],
    ["a pre-release of a minor, bumped major", { given: ["2.1.0-rc.1", "major"], want: "3.0.0" }],
    ["a pre-release, bumped minor", { given: ["2.1.0-rc.1", "minor"], want: "2.1.0" }],
    ["a pre-release, bumped patch", { given: ["2.1.3-beta", "patch"], want: "2.1.3" }],
    ["build metadata is dropped", { given: ["1.0.0+abc", "patch"], want: "1.0.1" }],
  ])("nextVersion: %s", (_name, { given, want }) => {
    expect(nextVersion(...given)).toBe(want);
  });

  it.each(["1.0", "v1.0.0", "01.0.0", "1.0.0-", ""])("refuses %j, naming it", (version) => {
    expect(() => nextVersion(version, "patch")).toThrow(`${JSON.stringify(version)} is not a semver version (MAJOR.MINOR.PATCH)`);
  });
});

describe("modelspec diff --semver", () => {
  it.each([
    ["breaking", BREAKING, "1.0.0"],
    ["warning", WARNING, "0.2.0"],
    ["non-breaking", NON_BREAKING, "0.2.0"],
    ["info", INFO, "0.1.1"],
    ["no change", MINIMAL_SPECS, "0.1.0"],
  ])("a %s change from 0.1.0 → %s", async (_name, after, want) => {
    const { code, out, err } = await run(MINIMAL_SPECS, after as Specs, "--semver", "--current", "0.1.0");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toBe(want as string);
  });

  it("counts from the version in package.json by default", async () => {
    const { code, out } = await run(MINIMAL_SPECS, INFO, "--semver");
    expect(code).toBe(0);
    // Read here, not through the code under test: the project's package.json setting, its patch counted up.
    const setting = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")).modelspec.package.version as string;
    const [major, minor, patch] = setting.split(".").map(Number);
    expect(out).toBe(`${major}.${minor}.${patch! + 1}`);
  });

  it("keeps --fail-on's exit code", async () => {
    const { code, out } = await run(MINIMAL_SPECS, BREAKING, "--semver", "--current", "3.2.1", "--fail-on", "breaking");
    expect(out).toBe("4.0.0");
    expect(code).toBe(1);
  });

  it.each([
    [["--semver", "--changelog"], "--semver and --changelog each choose the output: use one"],
    [["--semver", "--format", "json"], "--format and --semver each choose the output: use one"],
    [["--current", "1.0.0"], "--current goes with --semver or --changelog"],
  ])("%j is bad usage (exit 2)", async (args, message) => {
    const { code, err } = await run(MINIMAL_SPECS, INFO, ...args);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it("a --current that is not semver is an error naming it (exit 2)", async () => {
    const { code, err } = await run(MINIMAL_SPECS, INFO, "--semver", "--current", "v1");
    expect(code).toBe(2);
    expect(err).toBe('modelspec diff: "v1" is not a semver version (MAJOR.MINOR.PATCH)');
  });
});

describe("modelspec diff --changelog", () => {
  it("prints an entry for the next version: a summary, then a section per severity, worst first", async () => {
    let after = edit(BREAKING, TINY, "status: available", "status: deprecated");
    after = edit(after, TINY, "description: A tiny model.", "description: Tinier.");
    after = edit(after, TINY, "minimum: 0, maximum: 2", "minimum: 0, maximum: 3");
    const { code, out } = await run(MINIMAL_SPECS, after, "--changelog", "--current", "1.2.3");
    expect(code).toBe(0);
    expect(out).toBe(
      [
        "## 2.0.0",
        "",
        "Spec changes from `base` to `head`: 1 breaking, 1 warning, 1 non-breaking, 1 info, in 1 offering.",
        "",
        "### Breaking changes",
        "",
        "- `acme/tiny`, meta `/contextWindow`: context window lowered from 8000 to 4000 tokens",
        "",
        "### Changes to check",
        "",
        '- `acme/tiny`, meta `/status`: status changed from "available" to "deprecated"',
        "",
        "### Compatible changes",
        "",
        "- `acme/tiny`, request `/properties/temperature/maximum`: maximum raised from 2 to 3",
        "",
        "### Documentation and metadata",
        "",
        '- `acme/tiny`, meta `/description`: description changed from "A tiny model." to "Tinier."',
      ].join("\n"),
    );
  });

  it("says when nothing changed, under the same version", async () => {
    const { out } = await run(MINIMAL_SPECS, MINIMAL_SPECS, "--changelog", "--current", "1.2.3");
    expect(out).toBe("## 1.2.3\n\nNo changes to the specs' offerings, metadata or schemas from `base` to `head`.");
  });

  it("escapes spec text: no HTML, no mentions, no issue references", () => {
    const text = changelogEntry({
      version: "1.0.1",
      base: "a",
      head: "b",
      changes: [
        {
          offering: "p/x`y",
          schema: "request",
          pointer: "/properties/a",
          kind: "annotation-changed",
          severity: "info",
          message: "<script>x</script> cc @octocat #12",
          file: "p/x.yaml",
          line: 1,
        },
      ],
    });
    expect(text).toContain("- ``p/x`y``, request `/properties/a`: &lt;script&gt;x&lt;/script&gt; cc `@octocat` #\u200b12");
  });
});
