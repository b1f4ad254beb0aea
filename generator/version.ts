/**
 * The generated package's name and version: what its `package.json` says, what OpenAPI documents
 * carry as `info.version` and what `modelspec diff --semver` starts from. They are a project
 * setting, `"modelspec": { "package": { "name", "version" } }` in the project's package.json, so a
 * stranger's project names its own package (`modelspec init` writes the field).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./options.js";

/** The nearest folder from `from` upwards whose package.json has a `"modelspec"` setting, or undefined. */
export function settingsProject(from = process.cwd()): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      try {
        if ((JSON.parse(readFileSync(file, "utf8")) as { modelspec?: unknown }).modelspec !== undefined) return dir;
      } catch {
        // A broken package.json holds no setting; keep looking.
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The package.json holding the project's setting: the working folder's project, else the generator's own (this checkout). */
export function versionFile(): string {
  return path.join(settingsProject() ?? PROJECT_ROOT, "package.json");
}

export interface PackageSettings {
  name: string;
  version: string;
  /** An SPDX licence expression for the package, when the project gives one. */
  license?: string;
}

/** npm's rules for a package name, in short: lower case, URL-safe, optionally scoped. */
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** The generated package's settings from a project's package.json; throws naming the file and field when they are missing or bad. */
export function packageSettings(file = versionFile()): PackageSettings {
  const data = JSON.parse(readFileSync(file, "utf8")) as { modelspec?: { package?: { name?: unknown; version?: unknown; license?: unknown } } };
  const settings = data.modelspec?.package;
  const where = `${file}: "modelspec.package"`;
  if (typeof settings !== "object" || settings === null)
    throw new Error(`${where} is missing: it names the generated package ({ "name": ..., "version": ... })`);
  if (typeof settings.name !== "string" || !PACKAGE_NAME.test(settings.name) || settings.name.length > 214)
    throw new Error(`${where}.name must be an npm package name (lower case, e.g. "my-models" or "@me/models"), got ${JSON.stringify(settings.name)}`);
  if (typeof settings.version !== "string" || !SEMVER.test(settings.version))
    throw new Error(`${where}.version must be a semver version such as "0.1.0", got ${JSON.stringify(settings.version)}`);
  if (settings.license !== undefined && (typeof settings.license !== "string" || settings.license === ""))
    throw new Error(`${where}.license must be an SPDX licence expression such as "MIT", got ${JSON.stringify(settings.license)}`);
  return { name: settings.name, version: settings.version, ...(settings.license !== undefined && { license: settings.license }) };
}

/** The generated package's version; throws naming the file when it has none. */
export function currentVersion(file = versionFile()): string {
  return packageSettings(file).version;
}
