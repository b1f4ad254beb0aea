/**
 * What the changes mean for the generated package's version (`modelspec diff --semver`) and the
 * CHANGELOG entry that says why (`--changelog`). Which severity asks for which bump is one table.
 */
import { markdownCode } from "../escape.js";
import { commentText } from "./format.js";
import { SEVERITIES, summarize, type Change, type Severity } from "./kinds.js";

export type Bump = "major" | "minor" | "patch";

/** The release each severity calls for: the worst change decides. */
export const BUMPS: Readonly<Record<Severity, Bump>> = {
  breaking: "major",
  warning: "minor",
  "non-breaking": "minor",
  info: "patch",
};

/** Each severity's section of a CHANGELOG entry, worst first. */
export const CHANGELOG_SECTIONS: Readonly<Record<Severity, string>> = {
  breaking: "Breaking changes",
  warning: "Changes to check",
  "non-breaking": "Compatible changes",
  info: "Documentation and metadata",
};

/** The bump the worst change calls for; undefined when nothing changed. */
export function bumpFor(changes: readonly Change[]): Bump | undefined {
  const worst = SEVERITIES.find((s) => changes.some((c) => c.severity === s));
  return worst === undefined ? undefined : BUMPS[worst];
}

export class VersionFormatError extends Error {}

// semver.org's pattern: MAJOR.MINOR.PATCH, an optional pre-release and build metadata.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;

/**
 * The next version after `current` for a bump, as `npm version` counts: build metadata is dropped,
 * and a pre-release ends at its own version when the bump would not go past it
 * (`2.0.0-rc.1` + major → `2.0.0`, + patch → `2.0.0`; `2.1.0-rc.1` + major → `3.0.0`).
 */
export function nextVersion(current: string, bump: Bump | undefined): string {
  const match = SEMVER.exec(current);
  if (!match) throw new VersionFormatError(`${JSON.stringify(current)} is not a semver version (MAJOR.MINOR.PATCH)`);
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  const pre = match[4] !== undefined;
  if (bump === undefined) return `${major}.${minor}.${patch}${pre ? `-${match[4]}` : ""}`;
  if (bump === "major") return pre && minor === 0 && patch === 0 ? `${major}.0.0` : `${major + 1}.0.0`;
  if (bump === "minor") return pre && patch === 0 ? `${major}.${minor}.0` : `${major}.${minor + 1}.0`;
  return pre ? `${major}.${minor}.${patch}` : `${major}.${minor}.${patch + 1}`;
}

export interface ChangelogInput {
  version: string;
  /** How the two sides are named (`origin/main`, `schemas`). */
  base: string;
  head: string;
  changes: readonly Change[];
}

/**
 * A CHANGELOG entry in Markdown: a heading with the version, a summary line, then one section per
 * severity, one line per change. Spec text goes through the pull-request comment's escaping.
 */
export function changelogEntry({ version, base, head, changes }: ChangelogInput): string {
  // A version made by nextVersion: digits, letters, `.`, `-` and `+` only.
  const lines = [`## ${version}`, ""];
  if (changes.length === 0) {
    lines.push(`No changes to the specs' offerings, metadata or schemas from ${markdownCode(base)} to ${markdownCode(head)}.`);
    return lines.join("\n");
  }
  const summary = summarize(changes);
  const counts = SEVERITIES.filter((s) => summary[s] > 0).map((s) => `${summary[s]} ${s}`);
  lines.push(
    `Spec changes from ${markdownCode(base)} to ${markdownCode(head)}: ${counts.join(", ")}, in ${summary.offerings} offering${summary.offerings === 1 ? "" : "s"}.`,
  );
  for (const severity of SEVERITIES) {
    const rows = changes.filter((c) => c.severity === severity);
    if (rows.length === 0) continue;
    lines.push("", `### ${CHANGELOG_SECTIONS[severity]}`, "");
    for (const c of rows) lines.push(`- ${markdownCode(c.offering)}, ${c.schema} ${markdownCode(c.pointer || "/")}: ${commentText(c.message)}`);
  }
  return lines.join("\n");
}
