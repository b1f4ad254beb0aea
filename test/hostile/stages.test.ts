/**
 * A failure in any stage of `modelspec generate` (read, parse, check, resolve, normalize, emit,
 * compile, format) leaves the output folder as it was: same files, same bytes, nothing beside it.
 * Each stage fails twice: on a real bad input where one exists, and by an injected exception (an
 * unexpected bug in that stage), which the test checks was reached.
 */
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../generator/cli.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { MINIMAL_SPECS, withTempDir } from "../helpers.js";
import { edit, TINY } from "./malformed-cases.js";

type Stage = "parse" | "check" | "resolve" | "normalize" | "emit" | "verify" | "transpile" | "format";
const injected = vi.hoisted(() => ({ stage: undefined as string | undefined, reached: [] as string[] }));

/** Wraps one export of a stage module so it throws while `injected.stage` names that stage. */
function failing<F extends (...args: never[]) => unknown>(stage: Stage, original: F): F {
  return ((...args: never[]) => {
    if (injected.stage === stage) {
      injected.reached.push(stage);
      throw new Error(`injected ${stage} failure`);
    }
    return original(...args);
  }) as F;
}

vi.mock("../../generator/load.js", async (load) => {
  const original = await load<typeof import("../../generator/load.js")>();
  return { ...original, parseSpecFiles: failing("parse", original.parseSpecFiles) };
});
vi.mock("../../generator/check.js", async (load) => {
  const original = await load<typeof import("../../generator/check.js")>();
  return { ...original, checkSpecFiles: failing("check", original.checkSpecFiles) };
});
vi.mock("../../generator/resolve.js", async (load) => {
  const original = await load<typeof import("../../generator/resolve.js")>();
  return { ...original, resolveSchemas: failing("resolve", original.resolveSchemas) };
});
vi.mock("../../generator/normalize.js", async (load) => {
  const original = await load<typeof import("../../generator/normalize.js")>();
  return { ...original, buildModel: failing("normalize", original.buildModel) };
});
vi.mock("../../generator/emit/catalog.js", async (load) => {
  const original = await load<typeof import("../../generator/emit/catalog.js")>();
  return { ...original, catalogEmitter: { ...original.catalogEmitter, emit: failing("emit", original.catalogEmitter.emit) } };
});
vi.mock("../../generator/verify.js", async (load) => {
  const original = await load<typeof import("../../generator/verify.js")>();
  return { ...original, verifyTypeScript: failing("verify", original.verifyTypeScript) };
});
vi.mock("../../generator/transpile.js", async (load) => {
  const original = await load<typeof import("../../generator/transpile.js")>();
  return { ...original, transpileFiles: failing("transpile", original.transpileFiles) };
});
vi.mock("../../generator/format.js", async (load) => {
  const original = await load<typeof import("../../generator/format.js")>();
  return { ...original, formatFiles: failing("format", original.formatFiles) };
});

beforeEach(() => {
  injected.stage = undefined;
  injected.reached = [];
});

/** An output folder as a previous run left it: several files, one nested. */
const OLD_OUTPUT: Record<string, string> = {
  "index.js": "export const old = true;\n",
  "acme/tiny/types.d.ts": "export {};\n",
  "catalog.json": "[]\n",
};

async function run(
  specs: Record<string, string | Uint8Array>,
  ...extra: string[]
): Promise<{ code: number; err: string; dir: string[]; out: Record<string, string> }> {
  return withTempDir(async (dir) => {
    const schemas = path.join(dir, "schemas");
    const out = path.join(dir, "generated");
    for (const [name, contents] of Object.entries(specs)) {
      await mkdir(path.dirname(path.join(schemas, name)), { recursive: true });
      await writeFile(path.join(schemas, name), contents);
    }
    for (const [name, contents] of Object.entries(OLD_OUTPUT)) {
      await mkdir(path.dirname(path.join(out, name)), { recursive: true });
      await writeFile(path.join(out, name), contents);
    }
    const err: string[] = [];
    // No cache: a run answered from an earlier run's cache would never reach the stage that must fail.
    const code = await main(["generate", "--schemas", schemas, "--out", out, "--no-cache", "--quiet", ...extra], {
      out: () => {},
      err: (t) => err.push(t),
    });
    const files: Record<string, string> = {};
    const walk = async (prefix: string): Promise<void> => {
      for (const entry of await readdir(path.join(out, prefix), { withFileTypes: true })) {
        const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) await walk(relative);
        else files[relative] = await readFile(path.join(out, relative), "utf8");
      }
    };
    await walk("");
    return { code, err: err.join("\n"), dir: (await readdir(dir)).sort(), out: files };
  });
}

describe("a failing stage writes nothing", () => {
  // [stage, a real input that fails there (or none), what the message says]
  const real: [string, Record<string, string | Uint8Array>, RegExp][] = [
    [
      "read (a file over the size limit)",
      { ...MINIMAL_SPECS, [TINY]: `# ${"x".repeat(3 * 1024 * 1024)}\n` },
      /file is \d+ bytes; specs may be at most/,
    ],
    ["parse (YAML)", edit(TINY, "name: Acme Tiny", "name: [Acme Tiny"), /YAML BAD_INDENT/],
    ["check (meta-schema)", edit(TINY, "contextWindow: 8000", "contextWindow: lots"), /must be integer/],
    ["resolve ($ref)", edit(TINY, "shared/chat.yaml#/$defs/Message", "shared/chat.yaml#/$defs/Mesage"), /points to nothing/],
    ["resolve (ajv refuses the bundled schema)", edit(TINY, "required: [messages]", "required: [messages, mesages]"), /ajv refuses this schema/],
    ["normalize (model)", edit(TINY, "provider: acme", "provider: acne"), /no provider "acne"/],
    ["normalize (an example that breaks its schema)", edit(TINY, "content: hi", "content: ''"), /example does not match the request schema/],
  ];
  it.each(real)("%s", async (_, specs, message) => {
    const result = await run(specs);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.dir).toEqual(["generated", "schemas"]);
    expect(result.out).toEqual(OLD_OUTPUT);
  });

  const stages: Stage[] = ["parse", "check", "resolve", "normalize", "emit", "verify", "transpile", "format"];
  it.each(stages)("%s: an unexpected exception", async (stage) => {
    injected.stage = stage;
    // The strict type-check runs only when asked for.
    const result = await run(MINIMAL_SPECS, ...(stage === "verify" ? ["--verify"] : []));
    expect(injected.reached, "the injected failure was reached").toEqual([stage]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`modelspec: injected ${stage} failure\n(run with --debug for a stack trace)`);
    expect(result.dir).toEqual(["generated", "schemas"]);
    expect(result.out).toEqual(OLD_OUTPUT);
  });

  it("and the same specs with no failure do replace the output (so the cases above prove something)", async () => {
    const result = await run(MINIMAL_SPECS);
    expect(injected.reached).toEqual([]);
    expect(result.code, result.err).toBe(0);
    expect(result.dir).toEqual(["generated", "schemas"]);
    expect(Object.keys(result.out)).toEqual(expect.arrayContaining(["acme/tiny/index.js", "acme/tiny/types.d.ts", "catalog.json"]));
    expect(Object.keys(result.out).some((f) => /^acme\/validators\/request-[0-9a-f]{12}\.js$/.test(f))).toBe(true);
    expect(result.out["index.js"]).not.toBe(OLD_OUTPUT["index.js"]);
  });
});

describe("an output folder that would replace something else", () => {
  const exec = promisify(execFile);
  const modelspec = (args: string[], cwd: string) =>
    exec(process.execPath, [path.join(PROJECT_ROOT, "generator", "bin.js"), ...args], { cwd }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code?: number; stderr?: string }) => ({ code: e.code ?? -1, stderr: e.stderr ?? "" }),
    );

  // [what --out names, given the temporary folder]; the command runs in <dir>/here.
  const cases: [string, (dir: string) => string, RegExp][] = [
    ["the folder the command runs in (--out .)", () => ".", /it would replace the current folder/],
    ["a folder that holds the schemas", (dir) => dir, /it would replace the schemas folder/],
    ["the schemas folder itself", (dir) => path.join(dir, "schemas"), /it would replace the schemas folder/],
    ["a folder inside the schemas folder", (dir) => path.join(dir, "schemas", "out"), /it is inside the schemas folder/],
  ];
  it.each(cases)("%s: refused with exit 2, nothing moved", async (_, out, message) => {
    await withTempDir(async (dir) => {
      for (const [name, contents] of Object.entries(MINIMAL_SPECS)) {
        await mkdir(path.dirname(path.join(dir, "schemas", name)), { recursive: true });
        await writeFile(path.join(dir, "schemas", name), contents);
      }
      await mkdir(path.join(dir, "here"));
      await writeFile(path.join(dir, "here", "mine.txt"), "mine\n");
      const result = await modelspec(["generate", "--schemas", path.join(dir, "schemas"), "--out", out(dir)], path.join(dir, "here"));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect((await readdir(dir)).sort()).toEqual(["here", "schemas"]);
      expect(await readdir(path.join(dir, "here"))).toEqual(["mine.txt"]);
      expect((await readdir(path.join(dir, "schemas"))).sort()).toEqual(["acme"]);
    });
  });
});
