// Preloaded (`node --import`) into the generator when GNU time is missing: on exit, writes this
// process's resource usage (CPU µs, peak RSS KiB; worker threads included) to MODELSPEC_BENCH_RUSAGE.
import { writeFileSync } from "node:fs";

const file = process.env.MODELSPEC_BENCH_RUSAGE;
if (file) process.on("exit", () => writeFileSync(file, JSON.stringify(process.resourceUsage())));
