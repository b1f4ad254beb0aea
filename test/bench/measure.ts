/**
 * Runs the generator CLI as a child process and measures it: wall time (here), CPU time and peak
 * RSS (the kernel's resource usage of the child). GNU `/usr/bin/time -f` gives the usage of the
 * child and everything it waited for; without it (macOS, Alpine) a preloaded hook reports the
 * process's own `process.resourceUsage()` (worker threads included, child processes not).
 *
 * A run that exits badly, runs out of memory or passes its timeout is an outcome, not an
 * exception: the child runs in its own process group and the whole group is killed on timeout.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type RunStatus = "ok" | "failed" | "out of memory" | "timeout" | "killed";

export interface RunOutcome {
  status: RunStatus;
  /** Exit code, signal or the last line of stderr, for a run that was not ok. */
  detail?: string;
  wallMs: number;
  /** user + sys; absent when the run was killed before reporting. */
  cpuMs?: number;
  peakRssMb?: number;
}

const GNU_TIME = "/usr/bin/time";
const HOOK = fileURLToPath(new URL("./rusage-hook.mjs", import.meta.url));
const FORMAT = "%e %U %S %M";

let gnuTime: boolean | undefined;
/** Whether GNU time (with `-f`) is there; probed once. */
export function hasGnuTime(): boolean {
  gnuTime ??= spawnSync(GNU_TIME, ["-f", "%M", "true"], { stdio: "ignore" }).status === 0;
  return gnuTime;
}

/** The child currently running, so Ctrl-C can take it down too. */
let running: number | undefined;
process.once("SIGINT", () => {
  if (running !== undefined) killGroup(running);
  process.exit(130);
});

function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

export interface RunOptions {
  cwd: string;
  timeoutMs: number;
  /** The exit code that means success (0). */
  expectExit?: number;
}

/** Runs `node <script> ...args` once and measures it. */
export async function runNode(script: string, args: readonly string[], { cwd, timeoutMs, expectExit = 0 }: RunOptions): Promise<RunOutcome> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "modelspec-rusage-"));
  const usageFile = path.join(scratch, "usage");
  const [command, argv] = hasGnuTime()
    ? [GNU_TIME, ["-f", FORMAT, "-o", usageFile, process.execPath, script, ...args]]
    : [process.execPath, ["--import", HOOK, script, ...args]];
  const started = process.hrtime.bigint();
  const child = spawn(command, argv, {
    cwd,
    detached: true, // its own process group, killed whole on timeout
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, MODELSPEC_BENCH_RUSAGE: usageFile },
  });
  running = child.pid;
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-8192);
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) killGroup(child.pid);
  }, timeoutMs);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (c, s) => resolve({ code: c, signal: s }));
  }).finally(() => {
    clearTimeout(timer);
    running = undefined;
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const usage = readUsage(usageFile);
  rmSync(scratch, { recursive: true, force: true });

  const outcome: RunOutcome = { status: "ok", wallMs, ...(usage.cpuMs !== undefined && { cpuMs: usage.cpuMs, peakRssMb: usage.peakRssMb }) };
  const lastLine = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .pop();
  if (timedOut) return { status: "timeout", wallMs };
  if (/heap out of memory|Allocation failed|ERR_WORKER_OUT_OF_MEMORY/i.test(stderr)) {
    const line = stderr
      .split("\n")
      .find((l) => /out of memory|Allocation failed/i.test(l))
      ?.trim();
    return { ...outcome, status: "out of memory", detail: line && /JavaScript heap out of memory/.test(line) ? "JavaScript heap" : line };
  }
  if (signal || usage.signal) return { ...outcome, status: "killed", detail: signal ?? `signal ${usage.signal}` };
  if (code !== expectExit) return { ...outcome, status: "failed", detail: `exit ${code}${lastLine ? `: ${lastLine.slice(0, 200)}` : ""}` };
  return outcome;
}

/** What GNU time or the hook wrote; GNU time also notes a child that a signal ended. */
function readUsage(file: string): { cpuMs?: number; peakRssMb?: number; signal?: string } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return {};
  }
  const signal = /Command terminated by signal (\d+)/.exec(text)?.[1];
  const gnu = text
    .trim()
    .split("\n")
    .map((l) => /^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/.exec(l.trim()))
    .filter((m) => m !== null)
    .pop();
  if (gnu) return { cpuMs: (Number(gnu[2]) + Number(gnu[3])) * 1000, peakRssMb: Number(gnu[4]) / 1024, ...(signal && { signal }) };
  try {
    const hook = JSON.parse(text) as { userCPUTime: number; systemCPUTime: number; maxRSS: number };
    return { cpuMs: (hook.userCPUTime + hook.systemCPUTime) / 1000, peakRssMb: hook.maxRSS / 1024 };
  } catch {
    return {};
  }
}
