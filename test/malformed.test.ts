/**
 * Bad specs get errors that say where and why: file, line, column, JSON pointer and what was
 * expected, every problem at once, exit code 2, and the output folder untouched.
 */
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { main } from "../generator/cli.js";
import type { SpecError, Diagnostic } from "../generator/diagnostics.js";
import { loadModel } from "../generator/generate.js";
import { PROJECT_ROOT } from "../generator/options.js";
import { MINIMAL_SPECS, specProblems, textFiles, withTempDir } from "./helpers.js";

const TINY = "acme/tiny.yaml";
const exec = promisify(execFile);
const edit = (file: string, from: string, to: string) => {
  const text = MINIMAL_SPECS[file]!;
  if (!text.includes(from)) throw new Error(`fixture has no ${JSON.stringify(from)}`);
  return { ...MINIMAL_SPECS, [file]: text.replace(from, to) };
};

// The fixture itself generates: hostile/malformed-cli.test.ts runs it through the executable.

const cases: [string, { given: Record<string, string>; want: Partial<Omit<Diagnostic, "message">> & { message: RegExp } }][] = [
  ["YAML syntax error", { given: edit(TINY, "name: Acme Tiny", "name: [Acme Tiny"), want: { file: TINY, message: /YAML|flow|collection/i } }],
  [
    "duplicate key",
    {
      given: edit(TINY, "name: Acme Tiny", "name: Acme Tiny\nname: Again"),
      want: { file: TINY, line: 5, column: 1, pointer: "/name", message: /^duplicate key "name"; it is first at line 4, column 1$/ },
    },
  ],
  [
    "tab indentation",
    {
      given: edit(TINY, "  provenance: documented\n  parameters:", "  provenance: documented\n\tparameters:"),
      want: { file: TINY, message: /tab/i },
    },
  ],
  [
    "unknown key",
    {
      given: edit(TINY, "status: available", "status: available\nstatsu: available"),
      want: { file: TINY, line: 7, column: 1, pointer: "/statsu", message: /^unknown key "statsu"; did you mean `status`\?$/ },
    },
  ],
  [
    "unknown JSON Schema keyword (a misspelled constraint)",
    {
      given: edit(TINY, "minimum: 0, maximum: 2", "minimun: 0, maximum: 2"),
      want: { file: TINY, pointer: "/request/schema/properties/temperature/minimun", message: /unknown key "minimun"/ },
    },
  ],
  [
    "wrong type",
    {
      given: edit(TINY, "contextWindow: 8000", "contextWindow: lots"),
      want: { file: TINY, line: 7, column: 16, pointer: "/contextWindow", message: /must be integer, found string/ },
    },
  ],
  [
    "missing required field",
    { given: edit(TINY, "model: acme-tiny-1\n", ""), want: { file: TINY, pointer: "", message: /missing required key "model"/ } },
  ],
  [
    "value outside an enum",
    {
      given: edit(TINY, "status: available", "status: soon"),
      want: { file: TINY, pointer: "/status", message: /must be one of: "available", "coming-soon"/ },
    },
  ],
  [
    "dangling $ref to a missing definition",
    {
      given: edit(TINY, "shared/chat.yaml#/$defs/Message", "shared/chat.yaml#/$defs/Mesage"),
      want: {
        file: TINY,
        pointer: "/request/schema/properties/messages/items/$ref",
        message: /points to nothing: acme\/shared\/chat.yaml has no "\/\$defs\/Mesage"/,
      },
    },
  ],
  [
    "dangling $ref to a missing file",
    {
      given: edit(TINY, "shared/chat.yaml#/$defs/Message", "shared/chats.yaml#/$defs/Message"),
      want: { file: TINY, message: /no spec file "acme\/shared\/chats.yaml"/ },
    },
  ],
  [
    "$ref cycle",
    {
      given: { ...MINIMAL_SPECS, "acme/shared/chat.yaml": "$defs:\n  Message: { $ref: '#/$defs/Other' }\n  Other: { $ref: '#/$defs/Message' }\n" },
      want: { message: /\$ref cycle/ },
    },
  ],
  [
    "offering of a provider that does not exist",
    {
      given: edit(TINY, "provider: acme", "provider: acne"),
      want: { file: TINY, line: 1, column: 11, pointer: "/provider", message: /no provider "acne"; known providers: acme/ },
    },
  ],
  [
    "two offerings with one id",
    {
      given: { ...MINIMAL_SPECS, "acme/tiny-copy.yaml": MINIMAL_SPECS[TINY]! },
      want: { file: "acme/tiny.yaml", pointer: "/slug", message: /offering id "acme\/tiny" is already defined in acme\/tiny-copy.yaml/ },
    },
  ],
  [
    "parameter without provenance",
    {
      given: edit(TINY, '    temperature: { inferred: "fixture" }\n', ""),
      want: { file: TINY, pointer: "/request/parameters", message: /parameter "temperature" has no provenance/ },
    },
  ],
  [
    "provenance for a parameter that does not exist",
    {
      given: edit(TINY, "    messages: documented\n", "    messages: documented\n    mesages: documented\n"),
      want: { file: TINY, pointer: "/request/parameters/mesages", message: /not a parameter of the request schema/ },
    },
  ],
  [
    "example that breaks its own schema",
    {
      given: edit(TINY, "content: hi", "content: ''"),
      want: {
        file: TINY,
        pointer: "/examples/0/request/messages/0/content",
        message: /example does not match the request schema: must NOT have fewer than 1 characters/,
      },
    },
  ],
  ["empty file", { given: { ...MINIMAL_SPECS, [TINY]: "\n  \n" }, want: { file: TINY, line: 1, column: 1, message: /empty/ } }],
  ["binary file", { given: { ...MINIMAL_SPECS, [TINY]: "id: \u0000\u0001\u0002" }, want: { file: TINY, message: /binary/ } }],
];

describe("malformed specs", () => {
  it.each(cases)("%s", (_, { given, want }) => {
    const found = specProblems(given);
    const { message, ...where } = want;
    expect(
      found.some((d) => message.test(d.message) && Object.entries(where).every(([k, v]) => d[k as keyof Diagnostic] === v)),
      JSON.stringify(found, null, 2),
    ).toBe(true);
  });

  it("lists every problem, not just the first", () => {
    const given = edit(TINY, "status: available", "status: soon\nstatsu: x");
    const found = specProblems({ ...given, [TINY]: given[TINY]!.replace("contextWindow: 8000", "contextWindow: -1") });
    expect(found.map((d) => d.pointer)).toEqual(expect.arrayContaining(["/status", "/statsu", "/contextWindow"]));
  });

  it("a file larger than the limit is refused before parsing", () => {
    const found = (() => {
      try {
        loadModel(textFiles({ ...MINIMAL_SPECS, [TINY]: `# ${"x".repeat(3 * 1024 * 1024)}\n` }));
      } catch (error) {
        return (error as SpecError).diagnostics;
      }
      return [];
    })();
    expect(found[0]).toMatchObject({ file: TINY, line: 1, column: 1 });
    expect(found[0]!.message).toMatch(/specs may be at most \d+ bytes/);
  });
});

describe("the CLI on bad specs", () => {
  it("exits 2, prints file:line:column: pointer: message without a stack trace, and leaves the output folder as it was", async () => {
    await withTempDir(async (dir) => {
      const schemas = path.join(dir, "schemas");
      const out = path.join(dir, "generated");
      for (const [name, text] of Object.entries(edit(TINY, "contextWindow: 8000", "contextWindow: lots"))) {
        await mkdir(path.dirname(path.join(schemas, name)), { recursive: true });
        await writeFile(path.join(schemas, name), text);
      }
      await mkdir(out);
      await writeFile(path.join(out, "keep.txt"), "old output\n");
      const err: string[] = [];
      const code = await main(["generate", "--schemas", schemas, "--out", out], { out: () => {}, err: (t) => err.push(t) });
      expect(code).toBe(2);
      expect(err.join("\n")).toContain("acme/tiny.yaml:7:16: /contextWindow: must be integer, found string");
      expect(err.join("\n")).not.toMatch(/\n\s+at /);
      expect(await readdir(out)).toEqual(["keep.txt"]);
      expect(await readFile(path.join(out, "keep.txt"), "utf8")).toBe("old output\n");
    });
  });

  it("names each file as seen from where the command ran: relative inside that folder, absolute outside it", async () => {
    await withTempDir(async (dir) => {
      const schemas = path.join(dir, "project", "schemas");
      for (const [name, text] of Object.entries(edit(TINY, "contextWindow: 8000", "contextWindow: lots"))) {
        await mkdir(path.dirname(path.join(schemas, name)), { recursive: true });
        await writeFile(path.join(schemas, name), text);
      }
      const problem = ":7:16: /contextWindow: must be integer, found string";
      const run = (cwd: string, ...args: string[]) =>
        exec(process.execPath, [path.join(PROJECT_ROOT, "generator", "bin.js"), ...args, "--schemas", schemas], { cwd }).then(
          () => "",
          (e: { stderr: string }) => e.stderr,
        );
      const outside = path.join(dir, "elsewhere");
      await mkdir(outside);
      const [fromProject, fromSpecs, fromOutside, provenance] = await Promise.all([
        run(path.join(dir, "project"), "generate", "--out", path.join(dir, "out")),
        run(path.join(schemas, "acme"), "generate", "--out", path.join(dir, "out")),
        run(outside, "generate", "--out", path.join(dir, "out")),
        run(path.join(dir, "project"), "provenance"),
      ]);
      expect(fromProject).toContain(`\nschemas/acme/tiny.yaml${problem}`);
      expect(fromSpecs).toContain(`\ntiny.yaml${problem}`);
      expect(fromOutside).toContain(`\n${path.join(schemas, "acme", "tiny.yaml")}${problem}`);
      expect(provenance).toContain(`\nschemas/acme/tiny.yaml${problem}`);
    });
  });

  it("rejects unknown commands and options with exit 2", async () => {
    const err: string[] = [];
    const io = { out: () => {}, err: (t: string) => err.push(t) };
    expect(await main(["generat"], io)).toBe(2);
    expect(await main(["generate", "--chek"], io)).toBe(2);
    expect(err.join("\n")).toMatch(/unknown command "generat"/);
    expect(err.join("\n")).toMatch(/--chek/);
  });
});
