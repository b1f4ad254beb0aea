/**
 * The three outputs of `modelspec diff`. Each takes the sorted changes and returns text; spec
 * strings reach Markdown only through commentText/markdownCode and GitHub workflow commands
 * only through their escapes.
 */
import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { markdownCode, markdownText } from "../escape.js";
import { SEVERITIES, summarize, type Change, type Severity } from "./kinds.js";
import { describeSource, type SourceInfo } from "./source.js";

export type Format = "markdown" | "json" | "github";
export const FORMATS: readonly Format[] = ["markdown", "json", "github"];

export interface Report {
  base: SourceInfo;
  head: SourceInfo;
  changes: readonly Change[];
  /** Prefix of every `file`: the head's schemas folder as seen from the repository root, e.g. `schemas` (outside a repository: from where the command runs). */
  schemasPath: string;
  /** What each side fails of the project's own checks; compared all the same, and counted as warnings. */
  problems?: readonly SideProblems[];
}

export interface SideProblems {
  side: "base" | "head";
  /** That side's schemas folder, as `schemasPath` is the head's. */
  folder: string;
  diagnostics: readonly Diagnostic[];
}

/** How many problems the sides have, in all. */
export function problemCount(report: Pick<Report, "problems">): number {
  return (report.problems ?? []).reduce((n, side) => n + side.diagnostics.length, 0);
}

/** Problems listed per side in Markdown before "… and N more". */
export const MARKDOWN_PROBLEMS_PER_SIDE = 50;

export function formatReport(format: Format, report: Report): string {
  return format === "json" ? formatJson(report) : format === "github" ? formatGithub(report) : formatMarkdown(report);
}

export function repositoryPath(schemasPath: string, file: string): string {
  const prefix = schemasPath
    .replace(/\\/g, "/")
    .replace(/^\.\/+/, "")
    .replace(/\/+$/, "");
  return prefix === "" || prefix === "." ? file : `${prefix}/${file}`;
}

// ---------------------------------------------------------------------------------------------

export function formatJson(report: Report): string {
  const changes = report.changes.map((c) => ({
    offering: c.offering,
    schema: c.schema,
    pointer: c.pointer,
    kind: c.kind,
    severity: c.severity,
    message: c.message,
    file: repositoryPath(report.schemasPath, c.file),
    line: c.line,
  }));
  const problems = (report.problems ?? []).flatMap(({ side, folder, diagnostics }) =>
    diagnostics.map((d) => ({ side, file: repositoryPath(folder, d.file), line: d.line, column: d.column, pointer: d.pointer, message: d.message })),
  );
  const summary = { ...summarize(report.changes), problems: problems.length };
  return JSON.stringify({ base: report.base, head: report.head, summary, changes, problems }, null, 2);
}

// ---------------------------------------------------------------------------------------------

const LABELS: Record<Severity, string> = {
  breaking: "🔴 breaking",
  warning: "🟠 warning",
  "non-breaking": "🟢 non-breaking",
  info: "⚪ info",
};

/** Finds the comment again when CI updates it instead of posting a new one. */
export const MARKDOWN_MARKER = "<!-- modelspec-diff -->";

/**
 * GitHub rejects a comment body over 65,536 characters; JavaScript counts UTF-16 units, which is
 * never fewer, and the margin leaves room for the note that says what was left out.
 */
export const MARKDOWN_LIMIT = 65_000;

/**
 * A summary line, then one table per offering with the worst changes first. When the whole
 * report would be too long for a pull-request comment, the least severe rows are left out first
 * (info, then non-breaking, ...) and a note says how many; the summary still counts them all.
 */
export function formatMarkdown(report: Report, limit = MARKDOWN_LIMIT): string {
  let shown = report.changes;
  let text = renderMarkdown(report, shown);
  for (const severity of [...SEVERITIES].reverse()) {
    if (text.length <= limit) return text;
    // Keep as many rows of this severity as fit (the first ones, in report order): a binary search.
    const rows = shown.filter((c) => c.severity === severity);
    const others = shown.filter((c) => c.severity !== severity);
    const keeping = (n: number) => {
      const kept = new Set(rows.slice(0, n));
      return shown.filter((c) => c.severity !== severity || kept.has(c));
    };
    let low = 0;
    let high = rows.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (renderMarkdown(report, keeping(middle)).length <= limit) low = middle;
      else high = middle - 1;
    }
    shown = low > 0 ? keeping(low) : others;
    text = renderMarkdown(report, shown);
  }
  return text;
}

function renderMarkdown(report: Report, shown: readonly Change[]): string {
  const summary = summarize(report.changes);
  const source = (s: SourceInfo) => markdownCode(describeSource(s));
  const lines = [MARKDOWN_MARKER, `### modelspec diff: ${source(report.base)} → ${source(report.head)}`, ""];
  for (const side of [report.base, report.head]) {
    if (side.kind === "git" && side.folderMissing) lines.push(`_${source(side)} has no schemas folder, so it counts as having no specs._`, "");
  }
  const problems = problemCount(report);
  const problemNote = problems > 0 ? `; ${problems} problem${problems === 1 ? "" : "s"} in the specs (counted as warnings)` : "";
  if (summary.total === 0) {
    lines.push(`No changes to the specs' offerings, metadata or schemas${problemNote}.`);
    lines.push(...problemSection(report));
    return lines.join("\n");
  }
  const counts = SEVERITIES.map((s) => (s === "breaking" ? `**${summary[s]} breaking**` : `${summary[s]} ${s}`)).join(", ");
  lines.push(`${counts} in ${summary.offerings} offering${summary.offerings === 1 ? "" : "s"}${problemNote}.`);
  lines.push(...problemSection(report));
  if (shown.length < report.changes.length) {
    const left = summarize(report.changes.filter((c) => !shown.includes(c)));
    const what = SEVERITIES.filter((s) => left[s] > 0)
      .map((s) => `${left[s]} ${s}`)
      .join(", ");
    lines.push("", `_Not shown, to keep this comment under GitHub's size limit: ${what}. \`modelspec diff --format json\` lists every change._`);
  }
  const offerings = [...new Set(shown.map((c) => c.offering))];
  for (const offering of offerings) {
    const rows = shown.filter((c) => c.offering === offering);
    const worst = SEVERITIES.find((s) => rows.some((r) => r.severity === s))!;
    lines.push("", `#### ${markdownCode(offering)} (${rows.length} change${rows.length === 1 ? "" : "s"}, worst: ${worst})`, "");
    lines.push("| severity | schema | pointer | change |", "| --- | --- | --- | --- |");
    // Changes arrive sorted with the worst first (see sortChanges).
    for (const c of rows) lines.push(`| ${LABELS[c.severity]} | ${c.schema} | ${markdownCode(c.pointer || "/")} | ${commentText(c.message)} |`);
  }
  return lines.join("\n");
}

/**
 * The problems of each side, as `file:line:column`, pointer and message, under their own heading:
 * what fails the project's checks is news for a reviewer even where nothing else changed.
 */
function problemSection(report: Report): string[] {
  const sides = (report.problems ?? []).filter((p) => p.diagnostics.length > 0);
  if (sides.length === 0) return [];
  const lines = [
    "",
    "#### Problems in the specs",
    "",
    "These specs fail modelspec's own checks (`npm run generate` would refuse them); their changes are compared all the same.",
  ];
  for (const { side, folder, diagnostics } of sides) {
    const n = diagnostics.length;
    lines.push(
      "",
      `The ${side} specs (${markdownCode(describeSource(side === "base" ? report.base : report.head))}), ${n} problem${n === 1 ? "" : "s"}:`,
      "",
    );
    for (const d of diagnostics.slice(0, MARKDOWN_PROBLEMS_PER_SIDE)) {
      const where = markdownCode(`${repositoryPath(folder, d.file)}:${d.line}:${d.column}`);
      lines.push(`- ${where} ${markdownCode(d.pointer || "/")}: ${commentText(d.message)}`);
    }
    if (n > MARKDOWN_PROBLEMS_PER_SIDE)
      lines.push(`- … and ${n - MARKDOWN_PROBLEMS_PER_SIDE} more (\`modelspec diff --format json\` lists every problem)`);
  }
  return lines;
}

/**
 * Spec text in a pull-request comment. `markdownText` already puts `@mentions` in code spans,
 * where GitHub notifies nobody; a zero-width space before the digits of `#123` keeps a
 * description from cross-referencing issues too.
 */
export function commentText(text: string): string {
  return markdownText(text).replace(/#(?=\d)/g, "#\u200b");
}

// ---------------------------------------------------------------------------------------------

const COMMANDS: Record<Severity, string> = { breaking: "error", warning: "warning", "non-breaking": "notice", info: "notice" };

/** Workflow command data: `%`, CR and LF (GitHub's `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Workflow command property values: the data escapes plus `:` and `,` (GitHub's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * One annotation per change, on the head spec file (the base file for what was removed), and a
 * warning per problem: on its line for the head's, without a place for the base's (its lines are
 * those of another version).
 */
export function formatGithub(report: Report): string {
  const changes = report.changes.map((c) => {
    const file = escapeProperty(repositoryPath(report.schemasPath, c.file));
    const title = escapeProperty(`${c.severity} ${c.schema} change in ${c.offering} (${c.kind})`);
    const message = escapeData(`${c.offering} ${c.schema} ${c.pointer || "/"}: ${c.message}`);
    return `::${COMMANDS[c.severity]} file=${file},line=${c.line},title=${title}::${message}`;
  });
  const problems = (report.problems ?? []).flatMap(({ side, folder, diagnostics }) =>
    diagnostics.map((d) => {
      // formatDiagnostic writes control characters as \uXXXX, so the message is one line of text.
      const message = escapeData(formatDiagnostic(d));
      if (side === "base") return `::warning title=${escapeProperty("spec problem (base, not in this version)")}::${message}`;
      return `::warning file=${escapeProperty(repositoryPath(folder, d.file))},line=${d.line},col=${d.column},title=${escapeProperty("spec problem (head)")}::${message}`;
    }),
  );
  return [...changes, ...problems].join("\n");
}
