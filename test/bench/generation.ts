/**
 * Generation at scale: for one fixture, the CLI run as a user runs it, in four scenarios.
 *
 * - cold: the cache folder and the output deleted first (a fresh clone);
 * - unchanged: the same command again, nothing changed (the cache warm);
 * - check: `generate --check` on unchanged specs (must exit 0);
 * - one changed: one offering's description edited (a new text every run), then `generate`.
 */
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "../../generator/options.js";
import type { Fixture } from "./fixtures.js";
import { runNode, type RunOutcome, type RunStatus } from "./measure.js";
import { spread, type Spread } from "./stats.js";

const BIN = path.join(PROJECT_ROOT, "generator", "bin.js");

export const SCENARIOS = ["cold", "unchanged", "check", "one changed"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface ScenarioResult {
  /** Runs attempted; a run that fails ends the scenario. */
  runs: { status: RunStatus; detail?: string; wallMs: number; cpuMs?: number; peakRssMb?: number }[];
  /** "ok", the first failure ("out of memory after 316 s (JavaScript heap)", ...) or "skipped: ...". */
  status: string;
  wallMs?: Spread;
  cpuMs?: Spread;
  peakRssMb?: Spread;
}

export interface FixtureResult {
  fixture: string;
  size: number;
  mode: string;
  sharedFiles: number;
  buildMs: number;
  scenarios: Record<Scenario, ScenarioResult>;
  /** The output folder after the cold run. */
  output?: { files: number; bytes: number };
}

export interface GenerationSettings {
  /** Runs per scenario. */
  runs: number;
  timeoutMs: number;
  /** No further run of a scenario starts once its runs so far plus one more would pass this. */
  scenarioBudgetMs: number;
  log: (line: string) => void;
}

export function cliArgs(fixture: Pick<Fixture, "schemasDir" | "outDir" | "cacheDir">, check: boolean): string[] {
  return [
    "generate",
    "--schemas",
    fixture.schemasDir,
    "--out",
    fixture.outDir,
    ...(check ? ["--check"] : []),
    "--cache-dir",
    fixture.cacheDir,
    "--quiet",
  ];
}

export async function benchFixture(fixture: Fixture, name: string, buildMs: number, settings: GenerationSettings): Promise<FixtureResult> {
  const scenarios = {} as Record<Scenario, ScenarioResult>;
  let output: FixtureResult["output"];
  for (const scenario of SCENARIOS) {
    if (scenario !== "cold" && scenarios.cold.status !== "ok") {
      scenarios[scenario] = { runs: [], status: "skipped: no cold run" };
      continue;
    }
    const outcomes: RunOutcome[] = [];
    let spent = 0;
    for (let run = 0; run < settings.runs; run++) {
      if (run > 0 && spent + spent / run > settings.scenarioBudgetMs) break;
      if (scenario === "cold") {
        await rm(fixture.cacheDir, { recursive: true, force: true });
        await rm(fixture.outDir, { recursive: true, force: true });
      }
      if (scenario === "one changed") await fixture.touchOne();
      const outcome = await runNode(BIN, cliArgs(fixture, scenario === "check"), { cwd: PROJECT_ROOT, timeoutMs: settings.timeoutMs });
      outcomes.push(outcome);
      spent += outcome.wallMs;
      settings.log(
        `${name} ${scenario} ${run + 1}/${settings.runs}: ${outcome.status}${outcome.detail ? ` (${outcome.detail})` : ""}, ${(outcome.wallMs / 1000).toFixed(2)} s` +
          (outcome.peakRssMb !== undefined ? `, ${outcome.peakRssMb.toFixed(0)} MB` : ""),
      );
      if (outcome.status !== "ok") break;
    }
    const ok = outcomes.filter((o) => o.status === "ok");
    const failed = outcomes.find((o) => o.status !== "ok");
    scenarios[scenario] = {
      runs: outcomes,
      status: failed ? `${failed.status} after ${(failed.wallMs / 1000).toFixed(0)} s${failed.detail ? ` (${failed.detail})` : ""}` : "ok",
      wallMs: spread(ok.map((o) => o.wallMs)),
      cpuMs: spread(ok.flatMap((o) => (o.cpuMs === undefined ? [] : [o.cpuMs]))),
      peakRssMb: spread(ok.flatMap((o) => (o.peakRssMb === undefined ? [] : [o.peakRssMb]))),
    };
    if (scenario === "cold" && !failed) output = await folderSize(fixture.outDir);
  }
  return { fixture: name, size: fixture.size, mode: fixture.mode, sharedFiles: fixture.sharedFiles, buildMs, scenarios, ...(output && { output }) };
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}
