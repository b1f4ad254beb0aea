// What says "these sources, with these libraries": the cache's fingerprint (cache.ts), the checkout
// build's name (build.js) and the prebuilt runtime table's ts-morph check (transpile.ts). Plain
// JavaScript, so the executable reads it before any TypeScript loader.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** Every file under `dir`, relative, `/`-separated, sorted by code unit (the same on every machine). */
export function filesUnder(dir, prefix = "") {
  const found = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...filesUnder(dir, relative));
    else found.push(relative);
  }
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The version of `name` that a module in folder `from` would load, or "absent" when it is not installed there. */
export function installedVersion(name, from) {
  try {
    const require = createRequire(path.join(from, "package.json"));
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;
  } catch {
    return "absent";
  }
}

/**
 * SHA-256 of `prelude`, the versions of `libraries` (as `dir` resolves them), and the path and
 * bytes of each file under `dir` that `keep` accepts.
 */
export function hashSources(dir, { keep = () => true, libraries = [], prelude = "" } = {}) {
  const hash = createHash("sha256").update(prelude).update("\0");
  for (const name of libraries) hash.update(`${name}@${installedVersion(name, dir)}\0`);
  for (const relative of filesUnder(dir).filter(keep)) {
    hash
      .update(relative)
      .update("\0")
      .update(readFileSync(path.join(dir, relative)))
      .update("\0");
  }
  return hash.digest("hex");
}
