/**
 * `npm run bench`: the measure of issue 10. Runs the parts below, writes test/bench/results.json
 * (after each part, so an interrupted run keeps what it measured) and prints a Markdown summary
 * on stdout; progress goes to stderr. Nothing here asserts a time: targets are reported as held
 * or not. See README.md in this folder for the settings.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SCHEMAS_DIR } from "../helpers.js";
import { benchBundles, type BundleResult } from "./bundle.js";
import { benchClients, type ClientResult } from "./client.js";
import { buildFixture, readSpecSet, type FixtureMode } from "./fixtures.js";
import { benchFixture, SCENARIOS, type FixtureResult } from "./generation.js";
import { hasGnuTime } from "./measure.js";
import { rounded, showBytes, showSpread } from "./stats.js";
import { evaluateTargets, perOfferingRatio, type BenchResults, type TargetResult } from "./targets.js";
import { benchValidators, type ValidatorResult } from "./validators.js";

const PARTS = ["validators", "client", "bundle", "generation"] as const;
type Part = (typeof PARTS)[number];
const ALL_SIZES = ["repo", "10", "100", "1000"];
const MODES: FixtureMode[] = ["shared", "distinct"];

function list(name: string, fallback: readonly string[], allowed?: readonly string[]): string[] {
  const raw = process.env[name];
  const values =
    raw === undefined || raw.trim() === ""
      ? [...fallback]
      : raw
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean);
  for (const v of values) {
    if (allowed ? !allowed.includes(v) : !/^(repo|[1-9]\d*)$/.test(v))
      throw new Error(`${name}: ${JSON.stringify(v)} is not one of ${(allowed ?? ["repo", "a positive integer"]).join(", ")}`);
  }
  return values;
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!(value > 0)) throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  return value;
}

const settings = {
  sizes: list("BENCH_SIZES", ALL_SIZES),
  modes: list("BENCH_MODES", MODES, MODES) as FixtureMode[],
  parts: list("BENCH_PARTS", PARTS, PARTS) as Part[],
  /** Runs per scenario: 5, or 3 at 1,000 offerings and more. */
  runs: process.env.BENCH_RUNS ? positive("BENCH_RUNS", 5) : undefined,
  timeoutS: positive("BENCH_TIMEOUT_S", 180),
  scenarioBudgetS: positive("BENCH_BUDGET_S", 150),
  validatorProcesses: positive("BENCH_VALIDATOR_PROCESSES", 4),
  keep: process.env.BENCH_KEEP === "1",
  out: process.env.BENCH_OUT ?? fileURLToPath(new URL("./results.json", import.meta.url)),
};

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const started = Date.now();
const machine = {
  cpu: os.cpus()[0]?.model.trim() ?? "unknown",
  cores: os.availableParallelism(),
  memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  date: new Date().toISOString(),
  loadAverageAtStart: Number(os.loadavg()[0]!.toFixed(2)),
  loadAverageAtEnd: 0,
  resourceUsage: hasGnuTime() ? "GNU time (child and its descendants)" : "process.resourceUsage() hook (the process and its threads)",
};

const generation: FixtureResult[] = [];
let validators: ValidatorResult[] = [];
let client: ClientResult[] = [];
let bundle: BundleResult[] = [];

function results(): BenchResults {
  return {
    generation,
    validators,
    client,
    bundle,
    durationMs: Date.now() - started,
    complete:
      PARTS.every((p) => settings.parts.includes(p)) &&
      ALL_SIZES.every((s) => settings.sizes.includes(s)) &&
      MODES.every((m) => settings.modes.includes(m)),
  };
}

async function save(): Promise<{ all: BenchResults; targets: TargetResult[] }> {
  const all = results();
  machine.loadAverageAtEnd = Number(os.loadavg()[0]!.toFixed(2));
  const targets = evaluateTargets(all);
  const perOffering = settings.modes.flatMap((mode) =>
    [
      [10, 100],
      [100, 1000],
    ].flatMap(([small, large]) => {
      const ratio = perOfferingRatio(all, mode, small!, large!);
      return ratio === undefined ? [] : [{ mode, from: small, to: large, ratio, cpuRatio: perOfferingRatio(all, mode, small!, large!, "cpuMs") }];
    }),
  );
  const json = {
    machine,
    settings: { ...settings, out: undefined },
    durationMs: all.durationMs,
    generation,
    perOffering,
    validators,
    client,
    bundle,
    targets,
  };
  await writeFile(settings.out, `${JSON.stringify(rounded(json), null, 2)}\n`);
  return { all, targets };
}

// ------------------------------------------------------------------------------------------------

if (settings.parts.includes("validators")) {
  log(`validators: generated vs ajv at run time, ${settings.validatorProcesses} processes`);
  validators = await benchValidators(settings.validatorProcesses, log);
  await save();
}
if (settings.parts.includes("client")) {
  client = await benchClients(log);
  await save();
}
if (settings.parts.includes("bundle")) {
  bundle = await benchBundles(log);
  await save();
}
if (settings.parts.includes("generation")) {
  const set = await readSpecSet(SCHEMAS_DIR);
  const root = await mkdtemp(path.join(os.tmpdir(), "modelspec-bench-"));
  try {
    for (const size of settings.sizes) {
      const count = size === "repo" ? set.offerings.length : Number(size);
      for (const mode of size === "repo" ? (["shared"] as const) : settings.modes) {
        const name = size === "repo" ? "repo" : `${count} ${mode}`;
        const dir = path.join(root, name.replace(" ", "-"));
        const buildStart = Date.now();
        const fixture = await buildFixture(set, count, mode, dir);
        const runs = settings.runs ?? 3;
        log(
          `${name}: fixture of ${fixture.offerings.length} offerings, ${fixture.sharedFiles} shared files built in ${Date.now() - buildStart} ms; ${runs} runs per scenario`,
        );
        generation.push(
          await benchFixture(fixture, name, Date.now() - buildStart, {
            runs,
            timeoutMs: settings.timeoutS * 1000,
            scenarioBudgetMs: settings.scenarioBudgetS * 1000,
            log,
          }),
        );
        if (!settings.keep) await rm(dir, { recursive: true, force: true });
        await save();
      }
    }
  } finally {
    if (settings.keep) log(`fixtures kept in ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}

const { all, targets } = await save();
process.stdout.write(summary(all, targets));
log(`wrote ${path.relative(process.cwd(), settings.out)}`);

// ------------------------------------------------------------------------------------------------

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function summary(all: BenchResults, targets: TargetResult[]): string {
  const out: string[] = [];
  const busy = machine.loadAverageAtStart > machine.cores || machine.loadAverageAtEnd > machine.cores;
  out.push(
    "## modelspec bench",
    "",
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}; ${machine.date}. ` +
      `Load average ${machine.loadAverageAtStart} at start, ${machine.loadAverageAtEnd} at end${busy ? " (the machine was busy with other work: times are inflated and noisy)" : ""}. ` +
      `Whole run ${(all.durationMs / 60_000).toFixed(1)} min.`,
    "",
    "Figures are median (min–max) over the runs.",
    "",
  );
  if (generation.length > 0) {
    out.push("### Generation (`node generator/bin.js generate`, a child process per run)", "");
    const rows: string[][] = [];
    for (const f of generation) {
      for (const scenario of SCENARIOS) {
        const r = f.scenarios[scenario];
        const ok = r.runs.filter((x) => x.status === "ok").length;
        rows.push([
          scenario === "cold" ? `${f.fixture} (${f.size} offerings, ${f.sharedFiles} shared files)` : "",
          scenario,
          r.runs.length === 0 ? "0" : ok === r.runs.length ? String(ok) : `${ok} of ${r.runs.length}`,
          showSpread(r.wallMs, 1 / 1000),
          showSpread(r.cpuMs, 1 / 1000),
          showSpread(r.peakRssMb, 1, 0),
          scenario === "cold" && f.output ? `${f.output.files} files, ${showBytes(f.output.bytes)}` : "",
          r.status,
        ]);
      }
    }
    out.push(table(["fixture", "scenario", "runs", "wall s", "CPU s", "peak RSS MB", "output", "status"], rows), "");
    const ratios = settings.modes.flatMap((mode) =>
      [
        [10, 100],
        [100, 1000],
      ].flatMap(([a, b]) => {
        const r = perOfferingRatio(all, mode, a!, b!);
        const cpu = perOfferingRatio(all, mode, a!, b!, "cpuMs");
        return r === undefined ? [] : [[mode, `${a} → ${b}`, `${r.toFixed(2)} ×`, cpu === undefined ? "–" : `${cpu.toFixed(2)} ×`]];
      }),
    );
    if (ratios.length > 0) out.push("Cold time per offering, larger fixture over smaller:", "", table(["mode", "sizes", "wall", "CPU"], ratios), "");
  }
  if (validators.length > 0) {
    out.push("### Generated validators vs ajv compiled at run time (M validations per CPU second)", "");
    out.push(
      table(
        ["schema", "input", "generated", "ajv", "generated / ajv"],
        validators.map((v) => [`${v.offering} ${v.role}`, v.input, showSpread(v.generated, 1e-6), showSpread(v.ajv, 1e-6), showSpread(v.ratio)]),
      ),
      "",
    );
  }
  if (client.length > 0) {
    out.push(
      "### Client overhead on 127.0.0.1 (µs per call)",
      "",
      "Ratios are medians of per-block ratios, after every side is warmed up past V8's optimisation. The cancellable fetch is the bare fetch with an abort signal and a 600 s timer: the floor of any client that can be cancelled and time out. The unvalidated client is the client with `validateRequest: false`.",
      "",
    );
    out.push(
      table(
        [
          "offering",
          "bare fetch",
          "cancellable fetch",
          "client",
          "client / fetch",
          "cancellable / fetch",
          "unvalidated / fetch",
          "client / cancellable",
        ],
        client.map((c) => [
          `${c.offering} (${c.transport})`,
          showSpread(c.fetch, 1, 0),
          showSpread(c.cancellable, 1, 0),
          showSpread(c.client, 1, 0),
          showSpread(c.ratio, 1, 3),
          showSpread(c.cancellableRatio, 1, 3),
          c.unvalidatedRatio ? showSpread(c.unvalidatedRatio, 1, 3) : "",
          showSpread(c.overCancellable, 1, 3),
        ]),
      ),
      "",
    );
  }
  if (bundle.length > 0) {
    out.push("### One offering's bundle (esbuild --bundle --minify --format=esm --platform=neutral; gzip -9)", "");
    out.push(
      table(
        ["offering", "entry", "minified", "gzip"],
        bundle.map((b) => [b.offering, b.entry, showBytes(b.bytes), showBytes(b.gzipBytes)]),
      ),
      "",
    );
  }
  out.push("### Targets (issue 10)", "");
  out.push(
    table(
      ["target", "measured", "held"],
      targets.map((t) => [t.target, t.measured, t.held === null ? "not measured" : t.held ? "yes" : "no"]),
    ),
    "",
  );
  return out.join("\n");
}
