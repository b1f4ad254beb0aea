/**
 * Malformed specs through the command line, as a user meets them: each prints
 * `file:line:column: pointer: message`, exits 2, writes nothing (the old output folder stays as it
 * was, no staging folder is left behind), and shows a stack trace only with `--debug`.
 * (test/malformed.test.ts pins the messages of these cases through `loadModel`.)
 */
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { main } from "../../generator/cli.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { MINIMAL_SPECS, withTempDir } from "../helpers.js";

const TINY = "acme/tiny.yaml";
const edit = (file: string, from: string, to: string): Record<string, string | Uint8Array> => {
  const text = MINIMAL_SPECS[file]!;
  if (!text.includes(from)) throw new Error(`fixture has no ${JSON.stringify(from)}`);
  return { ...MINIMAL_SPECS, [file]: text.replace(from, to) };
};

const FIFTY_MB = 50 * 1024 * 1024;
/** A 50 MB spec, made here (never committed): the fixture with a huge description. */
function fiftyMegabytes(): Record<string, string | Uint8Array> {
  const head = Buffer.from(MINIMAL_SPECS[TINY]!.replace("description: A tiny model.\n", "description: \""));
  const bytes = Buffer.alloc(FIFTY_MB, "x".charCodeAt(0));
  head.copy(bytes, 0);
  return { ...MINIMAL_SPECS, [TINY]: bytes };
}

/** [what is wrong, the spec files, the line the CLI must print] */
const cases: [string, () => Record<string, string | Uint8Array>, RegExp][] = [
  ["YAML syntax error", () => edit(TINY, "name: Acme Tiny", "name: [Acme Tiny"), /^acme\/tiny\.yaml:\d+:\d+: .+: .*YAML/m],
  ["duplicate key", () => edit(TINY, "name: Acme Tiny", "name: Acme Tiny\nname: Again"), /^acme\/tiny\.yaml:5:1: \/name: .*keys must be unique/m],
  ["tab indentation", () => edit(TINY, "  provenance: documented\n  parameters:", "  provenance: documented\n\tparameters:"), /^acme\/tiny\.yaml:14:1: \(document\): Tabs are not allowed as indentation near "parameters:"/m],
  ["wrong type", () => edit(TINY, "contextWindow: 8000", "contextWindow: lots"), /^acme\/tiny\.yaml:7:16: \/contextWindow: must be integer, found string$/m],
  ["missing required field", () => edit(TINY, "model: acme-tiny-1\n", ""), /^acme\/tiny\.yaml:1:1: \(document\): missing required key "model" in offering spec$/m],
  ["unknown key", () => edit(TINY, "status: available", "status: available\nstatsu: available"), /^acme\/tiny\.yaml:7:1: \/statsu: unknown key "statsu"; expected one of: /m],
  ["$ref to nothing", () => edit(TINY, "shared/chat.yaml#/$defs/Message", "shared/chat.yaml#/$defs/Mesage"), /^acme\/tiny\.yaml:\d+:\d+: \/request\/schema\/properties\/messages\/items\/\$ref: \$ref "shared\/chat\.yaml#\/\$defs\/Mesage" points to nothing/m],
  [
    "$ref cycle",
    () => ({ ...MINIMAL_SPECS, "acme/shared/chat.yaml": "$defs:\n  Message: { $ref: '#/$defs/Other' }\n  Other: { $ref: '#/$defs/Message' }\n" }),
    /^acme\/[a-z/]+\.yaml:\d+:\d+: \/[^:]*\$ref: \$ref cycle: /m,
  ],
  ["offering whose provider does not exist", () => edit(TINY, "provider: acme", "provider: acne"), /^acme\/tiny\.yaml:1:11: \/provider: no provider "acne"; known providers: acme$/m],
  ["two offerings with one id", () => ({ ...MINIMAL_SPECS, "acme/tiny-copy.yaml": MINIMAL_SPECS[TINY]! }), /^acme\/tiny\.yaml:2:7: \/slug: offering id "acme\/tiny" is already defined in acme\/tiny-copy\.yaml$/m],
  ["empty file", () => ({ ...MINIMAL_SPECS, [TINY]: "" }), /^acme\/tiny\.yaml:1:1: \(document\): file is empty/m],
  ["binary file", () => ({ ...MINIMAL_SPECS, [TINY]: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]) }), /^acme\/tiny\.yaml:1:1: \(document\): file is binary/m],
  ["invalid UTF-8", () => ({ ...MINIMAL_SPECS, [TINY]: Uint8Array.from([0x69, 0x64, 0x3a, 0x20, 0xc3, 0x28, 0x0a]) }), /^acme\/tiny\.yaml:1:1: \(document\): file is not valid UTF-8/m],
  ["a 50 MB file", fiftyMegabytes, new RegExp(`^acme/tiny\\.yaml:1:1: \\(document\\): file is ${FIFTY_MB} bytes; specs may be at most \\d+ bytes$`, "m")],
];

async function writeSpecs(dir: string, specs: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, contents] of Object.entries(specs)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), contents);
  }
}

/** A schemas folder and an old output folder with one file in it, in a fresh temporary folder. */
async function setUp(dir: string, specs: Record<string, string | Uint8Array>) {
  const schemas = path.join(dir, "schemas");
  const out = path.join(dir, "generated");
  await writeSpecs(schemas, specs);
  await mkdir(out);
  await writeFile(path.join(out, "keep.txt"), "old output\n");
  return { schemas, out };
}

async function expectUntouched(dir: string, out: string): Promise<void> {
  expect(await readdir(dir)).toEqual(["generated", "schemas"]);
  expect(await readdir(out)).toEqual(["keep.txt"]);
  expect(await readFile(path.join(out, "keep.txt"), "utf8")).toBe("old output\n");
}

describe("the CLI on malformed specs", () => {
  it.each(cases)("%s: exit 2, file:line:column: pointer: message, no stack trace, nothing written", async (_, specs, want) => {
    await withTempDir(async (dir) => {
      const { schemas, out } = await setUp(dir, specs());
      const err: string[] = [];
      const started = performance.now();
      const code = await main(["generate", "--schemas", schemas, "--out", out], { out: () => {}, err: (t) => err.push(t) });
      const text = err.join("\n");
      expect(code, text).toBe(2);
      expect(text).toMatch(want);
      expect(text).toMatch(/^\d+ problems? in the specs:/);
      expect(text).not.toMatch(/^\s+at /m);
      await expectUntouched(dir, out);
      expect(performance.now() - started, "refused quickly").toBeLessThan(20_000);
    });
  });

  it("the real executable exits 2 with the message and no stack trace", async () => {
    await withTempDir(async (dir) => {
      const { schemas, out } = await setUp(dir, edit(TINY, "contextWindow: 8000", "contextWindow: lots"));
      const result = await promisify(execFile)(process.execPath, [path.join(PROJECT_ROOT, "generator", "bin.js"), "generate", "--schemas", schemas, "--out", out], { cwd: dir }).then(
        () => ({ code: 0, stderr: "" }),
        (e: { code?: number; stderr?: string }) => ({ code: e.code, stderr: e.stderr ?? "" }),
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("acme/tiny.yaml:7:16: /contextWindow: must be integer, found string");
      expect(result.stderr).not.toMatch(/^\s+at /m);
      await expectUntouched(dir, out);
    });
  });

  it("an unexpected failure shows a stack trace only with --debug", async () => {
    await withTempDir(async (dir) => {
      const missing = path.join(dir, "no-such-folder");
      const plain: string[] = [];
      const debug: string[] = [];
      expect(await main(["generate", "--schemas", missing, "--out", path.join(dir, "out")], { out: () => {}, err: (t) => plain.push(t) })).toBe(2);
      expect(await main(["generate", "--schemas", missing, "--out", path.join(dir, "out"), "--debug"], { out: () => {}, err: (t) => debug.push(t) })).toBe(2);
      expect(plain.join("\n")).toMatch(/^modelspec: schemas folder not found: .*\n\(run with --debug for a stack trace\)$/);
      expect(plain.join("\n")).not.toMatch(/^\s+at /m);
      expect(debug.join("\n")).toMatch(/^\s+at /m);
      expect(await readdir(dir)).toEqual([]);
    });
  });
});
