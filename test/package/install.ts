/**
 * Installs packed tarballs into a fresh project with no network: a lockfile for the project is
 * written from this repository's own (the entries its `npm ci` installed, so their tarballs are in
 * npm's cache), and `npm ci --offline` installs from the tarballs and that cache.
 */
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

export const run = promisify(execFile);

interface LockEntry {
  version?: string;
  resolved?: string;
  link?: boolean;
  dev?: boolean;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** A tarball to install: its package.json and where it lies, relative to the project. */
export interface Tarball {
  file: string;
  manifest: {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
    bin?: Record<string, string>;
    engines?: object;
    license?: string;
  };
}

/**
 * The lockfile of a project depending on `tarballs`: each tarball's entry, and every package of
 * the repository's lockfile that the tarballs' dependencies reach (its transitive closure).
 */
export async function lockfileFor(repoLock: string, tarballs: Tarball[], projectDir: string): Promise<object> {
  const lock = JSON.parse(await readFile(repoLock, "utf8")) as { packages: Record<string, LockEntry> };
  const packages: Record<string, LockEntry> = {};
  // Resolves a dependency from a package's folder as Node does: its own node_modules, then each parent's.
  const resolve = (from: string, name: string): string | undefined => {
    for (let dir = from; ; ) {
      const candidate = `${dir ? `${dir}/` : ""}node_modules/${name}`;
      if (lock.packages[candidate] && !lock.packages[candidate]!.link) return candidate;
      if (!dir) return undefined;
      const at = dir.lastIndexOf("/node_modules/");
      dir = at === -1 ? "" : dir.slice(0, at);
    }
  };
  const visit = (from: string, dependencies: Record<string, string> | undefined, optional: Record<string, string> | undefined) => {
    for (const name of Object.keys({ ...dependencies, ...optional })) {
      const key = resolve(from, name);
      if (key === undefined) {
        if (optional?.[name] !== undefined) continue;
        throw new Error(`${name} (needed by ${from || "the project"}) is not in ${repoLock}`);
      }
      if (packages[key]) continue;
      const { dev: _dev, devOptional: _devOptional, ...entry } = lock.packages[key]!;
      packages[key] = entry;
      visit(key, entry.dependencies, entry.optionalDependencies as Record<string, string> | undefined);
    }
  };
  const root: Record<string, string> = {};
  for (const { file, manifest } of tarballs) {
    const resolved = `file:${path.relative(projectDir, file)}`;
    root[manifest.name] = resolved;
    const { name: _name, ...rest } = manifest;
    packages[`node_modules/${manifest.name}`] = { ...rest, resolved };
    visit("", manifest.dependencies, undefined);
  }
  return {
    name: path.basename(projectDir),
    lockfileVersion: 3,
    requires: true,
    packages: { "": { name: path.basename(projectDir), dependencies: root }, ...packages },
  };
}

/** `npm pack` of the package in `dir` into `into`; the tarball's path and manifest. */
export async function pack(dir: string, into: string): Promise<Tarball> {
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", into], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  const [result] = JSON.parse(stdout) as [{ filename: string }];
  const manifest = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as Tarball["manifest"];
  return { file: path.join(into, result.filename), manifest };
}

/** A fresh project in `dir` with the tarballs installed from the tarballs and npm's cache, offline. */
export async function installOffline(dir: string, repoLock: string, tarballs: Tarball[], extra: Record<string, unknown> = {}): Promise<void> {
  const dependencies = Object.fromEntries(tarballs.map((t) => [t.manifest.name, `file:${path.relative(dir, t.file)}`]));
  await writeFile(
    path.join(dir, "package.json"),
    `${JSON.stringify({ name: path.basename(dir), private: true, type: "module", dependencies, ...extra }, null, 2)}\n`,
  );
  await writeFile(path.join(dir, "package-lock.json"), `${JSON.stringify(await lockfileFor(repoLock, tarballs, dir), null, 2)}\n`);
  await run("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
}
