#!/usr/bin/env node
// Builds the generator to JavaScript in dist/generator/ (npm's `prepare`, so `npm pack` and a git
// install run it), so the installed `modelspec` runs without tsx. Each TypeScript module becomes a
// .js file at the same relative path: the generator finds its meta-schemas, its worker and the
// client runtime and mock it copies into every output next to itself, as in the checkout. The
// runtime's and mock's .ts sources are also copied as they are: they are inputs the generator reads
// (and bundles); the generator runs some of them too (runtime/json.ts). dist/ is not committed.
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "generator");
const out = path.join(root, "dist", "generator");
/** Not part of the CLI: this script. */
const SKIPPED = new Set(["build.js"]);

async function files(dir, prefix = "") {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) found.push(...(await files(path.join(dir, entry.name), relative)));
    else found.push(relative);
  }
  return found;
}

await rm(path.join(root, "dist"), { recursive: true, force: true });
for (const relative of await files(source)) {
  if (SKIPPED.has(relative)) continue;
  const from = path.join(source, relative);
  const to = path.join(out, relative);
  await mkdir(path.dirname(to), { recursive: true });
  // The runtime and the mock are copied into every output as TypeScript sources, not run here.
  const isRuntime = relative.startsWith(`runtime${path.sep}`) || relative.startsWith(`mock${path.sep}`);
  if (relative.endsWith(".ts") && !relative.endsWith(".d.ts")) {
    if (isRuntime) await cp(from, to);
    const { code } = await transform(await readFile(from, "utf8"), { loader: "ts", format: "esm", target: "node20", sourcefile: relative });
    await writeFile(to.replace(/\.ts$/, ".js"), code);
  } else await cp(from, to);
}
// The generator reads its own package file only for the dependency versions of its cache fingerprint.
const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8"));
await writeFile(path.join(root, "dist", "package.json"), `${JSON.stringify({ type: "module", version: pkg.version, private: true }, null, 2)}\n`);
