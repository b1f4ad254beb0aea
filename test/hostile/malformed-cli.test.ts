/**
 * Malformed specs through the real executable (`node generator/bin.js generate`), as a user meets
 * them: each prints exactly `N problem(s) in the specs:` and `file:line:column: pointer: message`
 * lines (pinned here), exits 2, writes nothing (the old output folder stays as it was and no
 * staging folder is left), and shows a stack trace only with `--debug`.
 */
import { execFile } from "node:child_process";
import { appendFile, mkdir, open, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { main } from "../../generator/cli.js";
import { MAX_SPEC_NESTING, PROJECT_ROOT } from "../../generator/options.js";
import { MINIMAL_SPECS, withTempDir } from "../helpers.js";
import { MALFORMED, type SpecSet } from "./malformed-cases.js";

/** What the command prints on stderr for each case of malformed-cases.ts (without --debug), each file named inside the schemas folder; see `pinned`. */
const PINNED: Record<string, string> = {
  "YAML syntax error":
    '1 problem in the specs:\nacme/tiny.yaml:5:1: (document): Flow sequence in block collection must be sufficiently indented and end with a ] near "description: A tiny model." (YAML BAD_INDENT)\n',
  "duplicate key": '1 problem in the specs:\nacme/tiny.yaml:5:1: /name: duplicate key "name"; it is first at line 4, column 1\n',
  "tab indentation":
    '2 problems in the specs:\nacme/tiny.yaml:14:1: (document): Tabs are not allowed as indentation near "parameters:" (YAML TAB_AS_INDENT)\nacme/tiny.yaml:19:1: (document): All mapping items must start at the same column near "schema:" (YAML BAD_INDENT)\n',
  "wrong type": "1 problem in the specs:\nacme/tiny.yaml:7:16: /contextWindow: must be integer, found string\n",
  "missing required field": '1 problem in the specs:\nacme/tiny.yaml:1:1: (document): missing required key "model" in offering spec\n',
  "unknown key": '1 problem in the specs:\nacme/tiny.yaml:7:1: /statsu: unknown key "statsu"; did you mean `status`?\n',
  "$ref to nothing":
    '1 problem in the specs:\nacme/tiny.yaml:26:24: /request/schema/properties/messages/items/$ref: $ref "shared/chat.yaml#/$defs/Mesage" points to nothing: acme/shared/chat.yaml has no "/$defs/Mesage"\n',
  "$ref cycle":
    "3 problems in the specs:\nacme/shared/chat.yaml:2:20: /$defs/Message/$ref: $ref cycle: acme/shared/chat.yaml#/$defs/Message → acme/shared/chat.yaml#/$defs/Other → acme/shared/chat.yaml#/$defs/Message never reaches a schema\nacme/shared/chat.yaml:3:18: /$defs/Other/$ref: $ref cycle: acme/shared/chat.yaml#/$defs/Other → acme/shared/chat.yaml#/$defs/Message → acme/shared/chat.yaml#/$defs/Other never reaches a schema\nacme/tiny.yaml:26:24: /request/schema/properties/messages/items/$ref: $ref cycle: acme/shared/chat.yaml#/$defs/Message → acme/shared/chat.yaml#/$defs/Other → acme/shared/chat.yaml#/$defs/Message never reaches a schema\n",
  "offering whose provider does not exist": '1 problem in the specs:\nacme/tiny.yaml:1:11: /provider: no provider "acne"; known providers: acme\n',
  "two offerings with one id":
    '1 problem in the specs:\nacme/tiny.yaml:2:7: /slug: offering id "acme/tiny" is already defined in acme/tiny-copy.yaml\n',
  "empty file": "1 problem in the specs:\nacme/tiny.yaml:1:1: (document): file is empty; expected a YAML or JSON mapping\n",
  "binary file": "1 problem in the specs:\nacme/tiny.yaml:1:1: (document): file is binary (it contains NUL bytes); expected YAML or JSON text\n",
  "a 50 MB file": "1 problem in the specs:\nacme/tiny.yaml:1:1: (document): file is 52428800 bytes; specs may be at most 2097152 bytes\n",
  "an 8 GiB file (refused by its size, never read)":
    "1 problem in the specs:\nacme/tiny.yaml:1:1: (document): file is 8589934592 bytes; specs may be at most 2097152 bytes\n",
  "invalid UTF-8": "1 problem in the specs:\nacme/tiny.yaml:1:1: (document): file is not valid UTF-8 text; expected YAML or JSON\n",
  "an alias bomb (billion laughs)":
    "1 problem in the specs:\nacme/tiny.yaml:1:35: /x-e/0/0/8/0/5: aliases expand to more than 10000 values (an alias bomb?); write the values out\n",
  "nesting deeper than the limit": `1 problem in the specs:\nacme/tiny.yaml:27:895: /request/schema/properties/temperature${"/not".repeat(125)}: nested more than ${MAX_SPEC_NESTING} levels deep\n`,
  "a pattern that is invalid with the u flag":
    '1 problem in the specs:\nacme/tiny.yaml:27:45: /request/schema/properties/temperature/pattern: "a\\\\-b" is not a valid regular expression with the u flag: Invalid escape\n',
  "$ref to something that is not a schema":
    '1 problem in the specs:\nacme/tiny.yaml:26:24: /request/schema/properties/messages/items/$ref: $ref "shared/chat.yaml#/$defs/Message/required" points to "/$defs/Message/required" in acme/shared/chat.yaml, which is not a schema (a $ref names a schema: the root, a $defs entry, a property, an item, ...)\n',
  "control characters and line breaks in a file name and a key (cannot forge lines or drive the terminal)":
    '1 problem in the specs:\nacme/x\\u000a::error::forged\\u001b]0;title\\u0007.yaml:1:1: /\\u001b[2J\\u000a::error file=x::forged\\u2028: unknown key "\\u001b[2J\\n::error file=x::forged\\u2028"; expected one of: $schema, provider, slug, model, name, description, status, contextWindow, maxOutputTokens, inputModalities, outputModalities, source, notes, pricing, request, response, stream, examples\n',
  "a required key no property defines (refused by ajv)":
    '1 problem in the specs:\nacme/tiny.yaml:21:15: /request/schema/required: ajv refuses this schema: required property "mesages" is not defined (strictRequired)\n',
};

const STACK_FRAME = /^\s+at /m;

/** The pinned message as shown from where the command ran: each problem's file is named from there (`schemas/acme/…` inside it, absolute outside). */
function pinned(name: string, schemasShown: string): string {
  return PINNED[name]!.replace(/\nacme\//g, `\n${schemasShown}/acme/`);
}

async function writeSpecs(dir: string, specs: SpecSet): Promise<void> {
  for (const [name, contents] of Object.entries(specs)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    if (typeof contents === "string" || contents instanceof Uint8Array) {
      await writeFile(file, contents);
      continue;
    }
    // A big file, made here (never committed): the head, then the fill; without a fill it stays sparse.
    const handle = await open(file, "w");
    try {
      const head = Buffer.from(contents.head ?? "");
      await handle.write(head);
      if (contents.fill) {
        const chunk = Buffer.alloc(1024 * 1024, contents.fill);
        for (let written = head.length; written < contents.sizeBytes; written += chunk.length) {
          await handle.write(chunk, 0, Math.min(chunk.length, contents.sizeBytes - written));
        }
      }
      await handle.truncate(contents.sizeBytes);
    } finally {
      await handle.close();
    }
  }
}

/** An output folder as a previous run left it: several files, one nested. */
const OLD_OUTPUT: Record<string, string> = {
  "index.js": "export const old = true;\n",
  "acme/tiny/types.d.ts": "export {};\n",
  "catalog.json": "[]\n",
};

/** A schemas folder and an old output folder, in a fresh temporary folder. */
async function setUp(dir: string, specs: SpecSet) {
  const schemas = path.join(dir, "schemas");
  const out = path.join(dir, "generated");
  await writeSpecs(schemas, specs);
  for (const [name, contents] of Object.entries(OLD_OUTPUT)) {
    await mkdir(path.dirname(path.join(out, name)), { recursive: true });
    await writeFile(path.join(out, name), contents);
  }
  return { schemas, out };
}

/** Every file under `dir` with its bytes, by relative path. */
async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files[path.relative(dir, file).split(path.sep).join("/")] = (await readFile(file)).toString("base64");
    }
  }
  return files;
}

/** The old output folder byte for byte, and nothing beside it (no staging or retired folder). */
async function expectUntouched(dir: string, out: string): Promise<void> {
  expect(await readdir(dir)).toEqual(["generated", "schemas"]);
  expect(await tree(out)).toEqual(Object.fromEntries(Object.entries(OLD_OUTPUT).map(([name, text]) => [name, Buffer.from(text).toString("base64")])));
}

const exec = promisify(execFile);
async function modelspec(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return exec(process.execPath, [path.join(PROJECT_ROOT, "generator", "bin.js"), ...args], { cwd }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" }),
  );
}

describe("`modelspec generate` on malformed specs", () => {
  it("pins a message for every case", () => {
    expect(Object.keys(PINNED).sort()).toEqual(MALFORMED.map(([name]) => name).sort());
  });

  it.each(MALFORMED)("%s: exit 2, the pinned file:line:column: pointer: message, no stack trace, nothing written", async (name, specs) => {
    await withTempDir(async (dir) => {
      const { schemas, out } = await setUp(dir, specs());
      const result = await modelspec(["generate", "--schemas", schemas, "--out", out], dir);
      if (process.env.MODELSPEC_PRINT_PINNED)
        await appendFile(process.env.MODELSPEC_PRINT_PINNED, `  ${JSON.stringify(name)}: ${JSON.stringify(result.stderr)},\n`);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(pinned(name, "schemas"));
      expect(result.stderr).not.toMatch(STACK_FRAME);
      await expectUntouched(dir, out);
    });
  });

  // The executable only hands main() its arguments and streams; --debug is checked through main()
  // for every case, and through the executable for a few.
  it.each(MALFORMED)("%s, with --debug: the same message, then a stack trace; nothing written", async (name, specs) => {
    await withTempDir(async (dir) => {
      const { schemas, out } = await setUp(dir, specs());
      const err: string[] = [];
      const code = await main(["generate", "--schemas", schemas, "--out", out, "--debug"], { out: () => {}, err: (t) => err.push(t) });
      expect(code).toBe(2);
      const text = `${err.join("\n")}\n`;
      // main() runs where the tests run, outside the temporary folder: the files are named absolutely.
      expect(text.startsWith(pinned(name, schemas))).toBe(true);
      expect(text.slice(pinned(name, schemas).length)).toMatch(/^(\s+at .+\n)+$/);
      await expectUntouched(dir, out);
    });
  });

  it.each(MALFORMED.filter(([name]) => ["YAML syntax error", "$ref cycle", "a 50 MB file"].includes(name)))(
    "%s, with --debug, through the executable",
    async (name, specs) => {
      await withTempDir(async (dir) => {
        const { schemas, out } = await setUp(dir, specs());
        const result = await modelspec(["generate", "--schemas", schemas, "--out", out, "--debug"], dir);
        expect(result.code).toBe(2);
        expect(result.stderr.startsWith(pinned(name, "schemas"))).toBe(true);
        expect(result.stderr).toMatch(STACK_FRAME);
        await expectUntouched(dir, out);
      });
    },
  );

  it("the same harness on the unbroken fixture: exit 0 and the output replaced (so `nothing written` above can fail)", async () => {
    await withTempDir(async (dir) => {
      const { schemas, out } = await setUp(dir, MINIMAL_SPECS);
      await writeFile(path.join(out, "stale.txt"), "a file this run does not write\n");
      const result = await modelspec(["generate", "--schemas", schemas, "--out", out], dir);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^modelspec: wrote \d+ files to generated \(\d+\.\d s(, from the cache)?\)\n$/);
      await expect(expectUntouched(dir, out)).rejects.toThrow();
      const written = await tree(out);
      expect(Object.keys(written)).toEqual(expect.arrayContaining(["catalog.json", "acme/tiny/index.js", "acme/tiny/types.d.ts"]));
      expect(Object.keys(written)).not.toContain("stale.txt");
      expect(Buffer.from(written["index.js"]!, "base64").toString()).not.toBe(OLD_OUTPUT["index.js"]);
      expect(await readdir(dir)).toEqual(["generated", "schemas"]);
    });
  });

  it("an unexpected failure (no schemas folder) shows a stack trace only with --debug", async () => {
    await withTempDir(async (dir) => {
      const args = ["generate", "--schemas", path.join(dir, "no-such-folder"), "--out", path.join(dir, "out")];
      const [plain, debug] = await Promise.all([modelspec(args, dir), modelspec([...args, "--debug"], dir)]);
      expect(plain.code).toBe(2);
      expect(plain.stderr).toBe(`modelspec: schemas folder not found: ${path.join(dir, "no-such-folder")}\n(run with --debug for a stack trace)\n`);
      expect(debug.code).toBe(2);
      expect(debug.stderr).toMatch(STACK_FRAME);
      expect(await readdir(dir)).toEqual([]);
    });
  });
});
