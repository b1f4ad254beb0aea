/**
 * The three outputs of `modelspec diff`. Each takes the sorted changes and returns text; spec
 * strings reach Markdown only through markdownText/markdownCode and GitHub workflow commands
 * only through their escapes.
 */
import { markdownCode, markdownText } from "../escape.js";
import { SEVERITIES, summarize, type Change, type Severity } from "./kinds.js";
import { describeSource, type SourceInfo } from "./source.js";

export type Format = "markdown" | "json" | "github";
export const FORMATS: readonly Format[] = ["markdown", "json", "github"];

export interface Report {
  base: SourceInfo;
  head: SourceInfo;
  changes: readonly Change[];
  /** Prefix of every `file`: the schemas folder as seen from the repository root, e.g. `schemas`. */
  schemasPath: string;
}

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
  return JSON.stringify({ base: report.base, head: report.head, summary: summarize(report.changes), changes }, null, 2);
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

export function formatMarkdown(report: Report): string {
  const summary = summarize(report.changes);
  const source = (s: SourceInfo) => markdownCode(describeSource(s));
  const lines = [MARKDOWN_MARKER, `### modelspec diff: ${source(report.base)} → ${source(report.head)}`, ""];
  if (summary.total === 0) {
    lines.push("No changes to the specs' offerings, metadata or schemas.");
    return lines.join("\n");
  }
  const counts = SEVERITIES.map((s) => (s === "breaking" ? `**${summary[s]} breaking**` : `${summary[s]} ${s}`)).join(", ");
  lines.push(`${counts} in ${summary.offerings} offering${summary.offerings === 1 ? "" : "s"}.`);
  const offerings = [...new Set(report.changes.map((c) => c.offering))];
  for (const offering of offerings) {
    const rows = report.changes.filter((c) => c.offering === offering);
    const worst = SEVERITIES.find((s) => rows.some((r) => r.severity === s))!;
    lines.push("", `#### ${markdownCode(offering)} (${rows.length} change${rows.length === 1 ? "" : "s"}, worst: ${worst})`, "");
    lines.push("| severity | schema | pointer | change |", "| --- | --- | --- | --- |");
    // Changes arrive sorted with the worst first (see sortChanges).
    for (const c of rows) lines.push(`| ${LABELS[c.severity]} | ${c.schema} | ${markdownCode(c.pointer || "/")} | ${markdownText(c.message)} |`);
  }
  return lines.join("\n");
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

/** One annotation per change, on the head spec file (the base file for what was removed). */
export function formatGithub(report: Report): string {
  return report.changes
    .map((c) => {
      const file = escapeProperty(repositoryPath(report.schemasPath, c.file));
      const title = escapeProperty(`${c.severity} ${c.schema} change in ${c.offering} (${c.kind})`);
      const message = escapeData(`${c.offering} ${c.schema} ${c.pointer || "/"}: ${c.message}`);
      return `::${COMMANDS[c.severity]} file=${file},line=${c.line},title=${title}::${message}`;
    })
    .join("\n");
}
