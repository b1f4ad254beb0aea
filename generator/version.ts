/**
 * The version of the generated package: what OpenAPI documents carry as `info.version` and what
 * `modelspec diff --semver` starts from. One place, so moving it (to the generated package's own
 * package.json) is a one-line change.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./options.js";

export const VERSION_FILE = path.join(PROJECT_ROOT, "package.json");

/** The `version` field of the package file; throws naming the file when it has none. */
export function currentVersion(file = VERSION_FILE): string {
  const data = JSON.parse(readFileSync(file, "utf8")) as { version?: unknown };
  if (typeof data.version !== "string" || data.version === "") throw new Error(`${file} has no "version"`);
  return data.version;
}
