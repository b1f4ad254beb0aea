/**
 * The CLI in a checkout (generator/bin.js) runs a build of the sources made when they change
 * (generator/build.js), not the sources under tsx: an edited source never runs stale, processes
 * starting together share one build, and what the build generates is what the sources generate.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readdir, readFile, symlink, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkoutBuild } from "../generator/build.js";
import { NO_CACHE, sha256 } from "../generator/cache.js";
import { handWrittenModules } from "../generator/emit/runtime.js";
import { PROJECT_ROOT } from "../generator/options.js";
import { isModule, stopTranspiler, transpileFiles, type PrebuiltTable } from "../generator/transpile.js";
import { withTempDir } from "./helpers.js";

const run = promisify(execFile);
/** Whole seconds, which utimes puts back exactly. */
const OLD = 1_700_000_000;

/**
 * A checkout of the generator in `dir`: its sources, its package.json and the repository's
 * installed packages, except tsx: a run that did not use the build fails ("tsx is not installed").
 */
async function checkout(dir: string): Promise<string> {
  await cp(path.join(PROJECT_ROOT, "generator"), path.join(dir, "generator"), { recursive: true });
  await cp(path.join(PROJECT_ROOT, "package.json"), path.join(dir, "package.json"));
  await mkdir(path.join(dir, "node_modules"));
  for (const name of await readdir(path.join(PROJECT_ROOT, "node_modules"))) {
    if (name === "tsx" || name.startsWith(".")) continue;
    await symlink(path.join(PROJECT_ROOT, "node_modules", name), path.join(dir, "node_modules", name));
  }
  return path.join(dir, "generator", "bin.js");
}

const builds = (dir: string) => readdir(path.join(dir, "node_modules", ".cache", "modelspec-cli"));
const help = async (bin: string) => (await run(process.execPath, [bin, "generate", "--help"], { cwd: path.dirname(bin) })).stdout;

describe("the checkout build", () => {
  it("runs an edited source, even one of the same size whose mtime was put back", async () => {
    await withTempDir(async (dir) => {
      const bin = await checkout(dir);
      const cli = path.join(dir, "generator", "cli.ts");
      await utimes(cli, OLD, OLD);
      expect(await help(bin)).toContain("--check          Write nothing; exit 1");
      const [first, ...others] = await builds(dir);
      expect(others).toEqual([]);
      // The runtime's outputs were made with the build, so a cold run loads no TypeScript.
      await expect(readdir(path.join(dir, "node_modules", ".cache", "modelspec-cli", first!, "generator"))).resolves.toContain(
        "transpiled-runtime.js",
      );

      await writeFile(cli, (await readFile(cli, "utf8")).replace("Write nothing; exit 1", "Write nothing, exit 1"));
      await utimes(cli, OLD, OLD);
      expect(await help(bin)).toContain("--check          Write nothing, exit 1");
      expect(await builds(dir)).toHaveLength(2);
      // Back as it was: the first build again, not a third.
      await writeFile(cli, (await readFile(cli, "utf8")).replace("Write nothing, exit 1", "Write nothing; exit 1"));
      expect(await help(bin)).toContain("--check          Write nothing; exit 1");
      expect(await builds(dir)).toHaveLength(2);
    });
  }, 180_000);

  // Each may build into a folder of its own; one rename wins and the others delete theirs.
  it("is shared when several processes start together: each runs, one build is left, and no half-made folder", async () => {
    await withTempDir(async (dir) => {
      const bin = await checkout(dir);
      const outputs = await Promise.all([1, 2, 3, 4].map(() => help(bin)));
      for (const output of outputs) expect(output).toContain("Usage: modelspec generate");
      expect(await builds(dir)).toHaveLength(1);
    });
  }, 180_000);

  it("holds the runtime's outputs exactly as the transpile stage makes them from the sources", async () => {
    const entry = await checkoutBuild();
    const { default: table } = (await import(new URL("./transpiled-runtime.js", entry).href)) as { default: PrebuiltTable };
    const modules = handWrittenModules().filter(isModule);
    const transpiled = new Map((await transpileFiles(modules, NO_CACHE).finally(stopTranspiler)).map((file) => [file.path, file.contents]));
    expect(modules.length).toBeGreaterThan(10);
    for (const module of modules) {
      const outputs = JSON.parse(table.outputs[sha256(`${module.path}\0${module.contents}`)] ?? "null") as { js: string; dts: string } | null;
      const stem = module.path.slice(0, -".ts".length);
      expect(outputs, module.path).toEqual({ js: transpiled.get(`${stem}.js`), dts: transpiled.get(`${stem}.d.ts`), problems: [] });
    }
    expect(fileURLToPath(entry).startsWith(path.join(PROJECT_ROOT, "node_modules", ".cache", "modelspec-cli"))).toBe(true);
  }, 180_000);

  it("generates the committed output from the repository's specs, with no cache", async () => {
    const { stdout } = await run(process.execPath, [path.join(PROJECT_ROOT, "generator", "bin.js"), "generate", "--check", "--no-cache"], {
      cwd: PROJECT_ROOT,
    });
    expect(stdout).toMatch(/^modelspec: generated is up to date \(\d+ files/);
  }, 180_000);
});
