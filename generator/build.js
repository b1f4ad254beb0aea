#!/usr/bin/env node
// Builds the generator to JavaScript, in one of two forms.
//
// The package build (this script; npm's `prepare`, so `npm pack` and a git install run it) writes
// dist/generator/, so the installed `modelspec` runs without tsx. Each TypeScript module becomes a
// .js file at the same relative path: the generator finds its meta-schemas, its worker and the
// client runtime and mock it copies into every output next to itself, as in the checkout. The
// runtime's and mock's .ts sources are also copied as they are: they are inputs the generator reads
// (and bundles); the generator runs some of them too (runtime/json.ts). dist/ is not committed.
//
// The checkout build (`checkoutBuild`, run by bin.js) is what the CLI runs in a checkout: loading
// the sources through tsx costs about half a second a run. Each module's `import.meta.url` is its
// source file's, so the built code reads its meta-schemas, runtime, worker and fingerprint from the
// sources and behaves exactly as they do under tsx; only the modules themselves are built. A build
// is named by the hash of the sources it was made from, so an edited source never runs stale.
import { existsSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { filesUnder, hashSources } from "./source-hash.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "generator");
/** Not part of the generator the CLI runs: the executable and this script. */
const SKIPPED = new Set(["build.js", "bin.js"]);
/** Bumped when the checkout build's shape changes, so older builds are not used. */
const CHECKOUT_FORMAT = "checkout-build-1";
/** How long a build may lack its runtime table before another process writes it (its maker died). */
const TABLE_GRACE_MS = 60 * 1000;
/** A checkout build not used for this long is deleted when another is made (a run lasts minutes at most). */
const UNUSED_BUILD_MS = 24 * 60 * 60 * 1000;

const isModule = (relative) => /\.(ts|js)$/.test(relative) && !relative.endsWith(".d.ts") && !SKIPPED.has(relative);

const transformOptions = (relative) => ({ loader: relative.endsWith(".ts") ? "ts" : "js", format: "esm", target: "node20", sourcefile: relative });

/** The package build: dist/generator/ and dist/package.json. */
export async function packageBuild() {
  const { transform } = await import("esbuild");
  const out = path.join(root, "dist", "generator");
  await rm(path.join(root, "dist"), { recursive: true, force: true });
  for (const relative of filesUnder(source)) {
    if (relative === "build.js") continue;
    const from = path.join(source, relative);
    const to = path.join(out, relative);
    await mkdir(path.dirname(to), { recursive: true });
    // The runtime and the mock are copied into every output as TypeScript sources, not run here.
    const isRuntime = relative.startsWith("runtime/") || relative.startsWith("mock/");
    if (relative.endsWith(".ts") && !relative.endsWith(".d.ts")) {
      if (isRuntime) await cp(from, to);
      const { code } = await transform(await readFile(from, "utf8"), transformOptions(relative));
      await writeFile(to.replace(/\.ts$/, ".js"), code);
    } else await cp(from, to);
  }
  // The generator reads its own package file only for the dependency versions of its cache fingerprint.
  const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8"));
  await writeFile(path.join(root, "dist", "package.json"), `${JSON.stringify({ type: "module", version: pkg.version, private: true }, null, 2)}\n`);
  await writeTranspiledRuntime(out);
}

const TABLE = "transpiled-runtime.js";
/** The last table made by this process: `prepare` makes two builds of the same runtime. */
let madeTable;

/**
 * The hand-written runtime's JavaScript and declarations, as the generator's transpile stage makes
 * them, written beside the built transpile.js (which looks there first): they depend only on the
 * sources, so a run of the build need not load TypeScript for them. Made by the built modules
 * themselves, so the table holds exactly what a run would compute.
 */
async function writeTranspiledRuntime(generatorDir) {
  const [{ prebuiltTable }, { handWrittenModules }] = await Promise.all([
    import(pathToFileURL(path.join(generatorDir, "transpile.js")).href),
    import(pathToFileURL(path.join(generatorDir, "emit", "runtime.js")).href),
  ]);
  const table = await prebuiltTable(handWrittenModules(), madeTable);
  madeTable = table;
  const temporary = path.join(generatorDir, `.${TABLE}.${process.pid}.tmp`);
  await writeFile(temporary, `export default JSON.parse(${JSON.stringify(JSON.stringify(table))});\n`);
  await rename(temporary, path.join(generatorDir, TABLE));
}

/**
 * The hash of what a checkout build is made from: every module's path and text, the versions of
 * esbuild and ts-morph and the build's format. Reading the sources (about 1 MB) is a few milliseconds.
 */
export function sourceStamp(sourceDir = source) {
  // esbuild prints the build; ts-morph's TypeScript prints the runtime's table.
  return hashSources(sourceDir, { keep: isModule, libraries: ["esbuild", "ts-morph"], prelude: CHECKOUT_FORMAT });
}

/**
 * The checkout build of the sources in `sourceDir` as they are now: the URL of its `cli.js`, built
 * first when there is none for them (under `<checkout>/node_modules/.cache/modelspec-cli/`).
 * Builds are made in a folder of their own and renamed into place, so processes starting at once
 * (parallel test workers) each see a whole build or none; when two build together, one rename wins.
 */
export async function checkoutBuild(sourceDir = source) {
  const buildRoot = path.join(sourceDir, "..", "node_modules", ".cache", "modelspec-cli");
  const build = path.join(buildRoot, sourceStamp(sourceDir).slice(0, 32));
  const entry = pathToFileURL(path.join(build, "generator", "cli.js"));
  if (existsSync(build)) {
    try {
      // When it was last used, for tidying (below).
      const now = new Date();
      utimesSync(build, now, now);
    } catch {
      // A read-only checkout: the build is still good.
    }
    // The process that made the build writes its table just after; one that died first left none.
    if (!existsSync(path.join(build, "generator", TABLE)) && Date.now() - statSync(fileURLToPath(entry)).mtimeMs > TABLE_GRACE_MS) {
      await writeTranspiledRuntime(path.join(build, "generator")).catch(() => undefined);
    }
    return entry;
  }
  const { transform } = await import("esbuild");
  const temporary = path.join(buildRoot, `.building-${process.pid}-${Date.now()}`);
  let made = false;
  try {
    await Promise.all(
      filesUnder(sourceDir)
        .filter(isModule)
        .map(async (relative) => {
          const from = path.join(sourceDir, relative);
          const options = {
            ...transformOptions(relative),
            define: { "import.meta.url": JSON.stringify(pathToFileURL(from).href) },
            // Stack traces (`--debug`, bin.js) name the sources' lines, as under tsx.
            sourcefile: from,
            sourcemap: "external",
          };
          const { code, map } = await transform(await readFile(from, "utf8"), options);
          const to = path.join(temporary, "generator", relative.replace(/\.ts$/, ".js"));
          await mkdir(path.dirname(to), { recursive: true });
          await writeFile(`${to}.map`, map);
          await writeFile(to, `${code}//# sourceMappingURL=${path.basename(to)}.map\n`);
        }),
    );
    // Inside node_modules no package.json above applies: this one makes the .js files ES modules.
    await writeFile(path.join(temporary, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
    try {
      await rename(temporary, build);
      made = true;
    } catch (error) {
      // Another process made the same build first (its folder is not empty, so the rename fails).
      if (!existsSync(build)) throw error;
    }
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
  if (made) {
    // Without it the build still runs, transpiling the runtime as the sources do.
    await writeTranspiledRuntime(path.join(build, "generator")).catch(() => undefined);
    tidy(buildRoot, build);
  }
  return entry;
}

/** Deletes other checkout builds not used for a day, and temporary folders of builds that died. */
function tidy(buildRoot, kept) {
  for (const name of readdirSync(buildRoot)) {
    const folder = path.join(buildRoot, name);
    if (folder === kept) continue;
    try {
      if (Date.now() - statSync(folder).mtimeMs > UNUSED_BUILD_MS) rmSync(folder, { recursive: true, force: true });
    } catch {
      // Gone already (another process tidied it).
    }
  }
}

// `prepare` (npm ci, npm pack): the package's build, and this checkout's, so that the first
// `npm run generate` after installing runs as fast as the next.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await packageBuild();
  await checkoutBuild();
}
