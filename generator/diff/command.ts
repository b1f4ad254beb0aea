/**
 * `modelspec diff`: what changed between two versions of the specs, and what breaks.
 * Exit codes: 0 done, 1 a change (or, for warning, a problem in the specs) at or above `--fail-on`,
 * 2 bad usage or specs that do not parse or resolve.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { severityRank, type Severity } from "./kinds.js";
import { FORMATS, formatReport, problemCount, type Format } from "./format.js";
import { GitError } from "./git.js";
import { diffModels } from "./models.js";
import { bumpFor, changelogEntry, nextVersion, VersionFormatError } from "./release.js";
import { describeSource, loadVersion, VersionError, type LoadedVersion } from "./source.js";
import { currentVersion } from "../version.js";
import { type Io, UsageError } from "../io.js";

export const DIFF_HELP = `Usage: modelspec diff --base <folder|git ref> [--head <folder|git ref>] [options]

Compares two versions of the specs offering by offering: offerings added, removed or renamed,
model ids, status, limits, endpoints and auth, and every change in the request, response and
stream schemas, located by JSON pointer, with a severity that depends on direction (a request
that accepts less, or a response that can carry more, breaks callers).

A folder is read as a schemas folder; anything else is a git ref, read with git itself
(nothing is checked out). A commit without the schemas folder (one from before the specs) has
no specs, so every offering of the other side is added; a ref or folder that does not exist is
an error.

A side that fails modelspec's own checks (a parameter without provenance, an example that does
not pass its schema, a keyword the spec format does not know, ...) is still compared: its
problems are listed in a section of their own (JSON: "problems") and count as warnings. A side
that does not parse, or whose $refs do not resolve, is an error (exit 2).

Options:
  --base REF|DIR           The version before (e.g. origin/main)
  --head REF|DIR           The version after (default: the working tree's schemas folder)
  --format FORMAT          markdown (default; a pull-request comment), json, or github
                           (workflow annotations on the spec files)
  --semver                 Print only the next version the changes call for (breaking: major;
                           warning or non-breaking: minor; info: patch; none: the same version)
  --changelog              Print a CHANGELOG entry in Markdown for that version instead
  --current VERSION        The version to count from (default: the version in package.json)
  --fail-on LEVEL          Exit 1 when a change at or above LEVEL exists: breaking or warning
  --schemas-path PATH      The schemas folder, relative to the repository (default: schemas)
  -C, --cwd DIR            Run as if started in DIR (default: the current folder)
  -h, --help               Show this help

Severities, worst first: breaking, warning, non-breaking, info.
Exit codes: 0 done, 1 a change at or above --fail-on (a problem in the specs counts as a
warning), 2 bad usage or specs that do not parse or resolve.`;

const FAIL_LEVELS: readonly Severity[] = ["breaking", "warning"];

export async function diffCommand(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`modelspec diff: ${(error as Error).message}\nRun \`modelspec diff --help\` for usage.`);
    } else if (error instanceof VersionError || error instanceof GitError || error instanceof VersionFormatError) {
      io.err(`modelspec diff: ${error.message}`);
    } else {
      io.err(`modelspec diff: ${(error as Error)?.message ?? String(error)}${argv.includes("--debug") ? `\n${(error as Error)?.stack ?? ""}` : ""}`);
    }
    return 2;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      base: { type: "string" },
      head: { type: "string" },
      format: { type: "string" },
      semver: { type: "boolean" },
      changelog: { type: "boolean" },
      current: { type: "string" },
      "fail-on": { type: "string" },
      "schemas-path": { type: "string", default: "schemas" },
      cwd: { type: "string", short: "C" },
      debug: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.out(DIFF_HELP);
    return 0;
  }
  if (!values.base) throw new UsageError("--base is required (a schemas folder or a git ref, e.g. origin/main)");
  const format = (values.format ?? "markdown") as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not ${JSON.stringify(values.format)}`);
  const outputs = [values.format !== undefined && "--format", values.semver && "--semver", values.changelog && "--changelog"].filter(Boolean);
  if (outputs.length > 1) throw new UsageError(`${outputs.join(" and ")} each choose the output: use one`);
  if (values.current !== undefined && !values.semver && !values.changelog) throw new UsageError("--current goes with --semver or --changelog");
  // Read before the specs load, so a version that is not semver is reported at once.
  const current = values.semver || values.changelog ? versionToCountFrom(values.current) : undefined;
  const failOn = values["fail-on"] as Severity | undefined;
  if (failOn !== undefined && !FAIL_LEVELS.includes(failOn))
    throw new UsageError(`--fail-on must be breaking or warning, not ${JSON.stringify(failOn)}`);
  const schemasPath = values["schemas-path"];
  if (schemasPath === "" || path.isAbsolute(schemasPath)) throw new UsageError("--schemas-path must be a relative path, e.g. schemas");
  const cwd = path.resolve(values.cwd ?? ".");
  if (!(await stat(cwd).catch(() => undefined))?.isDirectory()) throw new UsageError(`--cwd: no folder ${JSON.stringify(values.cwd)}`);

  const options = { cwd, schemasPath };
  // Both load at once; when both fail, the base's error is the one reported, every time.
  const [base, head] = (
    await Promise.allSettled([loadVersion("base", values.base, options), loadVersion("head", values.head ?? schemasPath, options)])
  ).map((r) => {
    if (r.status === "rejected") throw r.reason;
    return r.value;
  }) as [LoadedVersion, LoadedVersion];
  const changes = diffModels(base.model, head.model, {
    locate: { base: base.locate, head: head.locate },
    keyOf: { base: base.keyOf, head: head.keyOf },
  });
  // Files are named from the repository root, as GitHub annotations need: under the head's schemas folder.
  const problems = [
    { side: "base" as const, folder: base.folder, diagnostics: base.problems },
    { side: "head" as const, folder: head.folder, diagnostics: head.problems },
  ];
  let text: string;
  if (current !== undefined) {
    const version = nextVersion(current, bumpFor(changes));
    text = values.semver ? version : changelogEntry({ version, base: describeSource(base.source), head: describeSource(head.source), changes });
  } else {
    text = formatReport(format, { base: base.source, head: head.source, changes, schemasPath: head.folder, problems });
  }
  if (text !== "") io.out(text);
  // A problem in the specs counts as a warning.
  const worst = [...changes.map((c) => severityRank(c.severity)), ...(problemCount({ problems }) > 0 ? [severityRank("warning")] : [])];
  if (failOn && worst.some((rank) => rank >= severityRank(failOn))) return 1;
  return 0;
}

/** `--current`, or the package's version; checked to be semver either way. */
function versionToCountFrom(given: string | undefined): string {
  if (given !== undefined) {
    nextVersion(given, undefined);
    return given;
  }
  const version = currentVersion();
  try {
    nextVersion(version, undefined);
  } catch (error) {
    throw new VersionFormatError(`the version in package.json: ${(error as Error).message}`);
  }
  return version;
}
