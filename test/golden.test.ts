/**
 * The committed `generated/` folder is the golden output: it must equal a fresh generation,
 * `--check` must notice any drift, and generation must not depend on file order.
 */
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../generator/cli.js";
import { generateFiles } from "../generator/generate.js";
import { readSpecDir } from "../generator/load.js";
import { verifyTypeScript } from "../generator/verify.js";
import { PROJECT_ROOT } from "../generator/options.js";
import { compareOutput } from "../generator/write.js";
import { GENERATED_DIR, SCHEMAS_DIR, generateFromRepo, sharedType, withTempDir } from "./helpers.js";

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe("golden output", () => {
  it("a fresh in-memory generation equals the committed generated/ folder", async () => {
    const files = await generateFromRepo();
    const difference = await compareOutput(GENERATED_DIR, files);
    expect(difference).toEqual({ stale: [], missing: [], extra: [] });
    expect(files.length).toBeGreaterThan(50);
  });

  it("--check passes on the committed output", async () => {
    const { io, out } = captureIo();
    expect(await main(["generate", "--check"], io)).toBe(0);
    expect(out.join("\n")).toMatch(/up to date/);
  });

  it("--check fails naming a hand-edited, a deleted and an extra file, and writes nothing", async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, "generated");
      await cp(GENERATED_DIR, out, { recursive: true });
      const shared = sharedType(await generateFromRepo(), "cloudflare/gpt-5.4-mini", "CloudflareGpt54MiniRequest").file.path;
      const edited = path.join(out, shared);
      const text = await readFile(edited, "utf8");
      expect(text).toContain("temperature?: number");
      await writeFile(edited, text.replace("temperature?: number", "temperature?: string"));
      await rm(path.join(out, "catalog.json"));
      await writeFile(path.join(out, "stray.js"), "export {};\n");
      const { io, err } = captureIo();
      expect(await main(["generate", "--check", "--out", out], io)).toBe(1);
      const message = err.join("\n");
      expect(message).toContain(`stale:   ${shared}`);
      expect(message).toContain("missing: catalog.json");
      expect(message).toContain("extra:   stray.js");
      // --check wrote nothing: the edit is still there.
      expect(await readFile(edited, "utf8")).toContain("temperature?: string");
    });
  });

  it("generation is byte-identical when the spec files arrive in another order", async () => {
    const specs = await readSpecDir(SCHEMAS_DIR);
    const reversed = new Map([...specs.entries()].reverse());
    const shuffled = new Map([...specs.entries()].sort(([a], [b]) => hash(a) - hash(b)));
    const [first, second] = await Promise.all([generateFiles(reversed), generateFiles(shuffled)]);
    expect(second.map((f) => f.path)).toEqual(first.map((f) => f.path));
    for (let i = 0; i < first.length; i++) expect(second[i]!.contents, first[i]!.path).toBe(first[i]!.contents);
    const fromRepo = await generateFromRepo();
    expect(fromRepo.map((f) => f.contents)).toEqual(first.map((f) => f.contents));
  });

  it("everything emitted type-checks as one strict program, as `generate --verify` checks it", async () => {
    const files = await generateFromRepo();
    expect(files.filter((f) => f.path.endsWith(".d.ts")).length).toBeGreaterThan(20);
    expect(() => verifyTypeScript(files)).not.toThrow();
  });

  it("every generated code and Markdown file starts with a banner naming where it comes from", async () => {
    for (const file of await generateFromRepo()) {
      if (file.path.endsWith(".json")) continue;
      const first = file.contents.split("\n")[0]!;
      expect(first, file.path).toMatch(/^(\/\/|<!--) (Generated|Copied) by modelspec from /);
    }
    const types = (await generateFromRepo()).find((f) => f.path === "runware/gpt-5.4-mini/types.d.ts")!;
    expect(types.contents.split("\n")[0]).toContain("runware/gpt-5.4-mini.yaml");
  });

  it("output holds no absolute paths, timestamps or Windows line endings", async () => {
    for (const file of await generateFromRepo()) {
      expect(file.contents, file.path).not.toContain(PROJECT_ROOT);
      expect(file.contents, file.path).not.toContain(os.homedir());
      expect(file.contents, file.path).not.toContain("/tmp/");
      expect(file.contents, file.path).not.toMatch(/\r/);
      expect(file.contents, file.path).not.toMatch(/20\d\d-\d\d-\d\d[T ]\d\d:\d\d/);
    }
  });
});

function hash(text: string): number {
  let h = 7;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) % 1_000_003;
  return h;
}
