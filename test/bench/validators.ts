/**
 * The generated validators (as users import them: `offerings[id].validators`) against ajv compiled
 * at run time from the same bundled schema with the same options and equality (the fuzz suite's
 * `runtimeValidator`), on a valid value (a spec example) and an invalid one (that example with
 * its deepest breakable value given the wrong type). Both judge the same value in alternating
 * timed batches; each round gives both rates and their ratio (generated / ajv, above 1 is faster).
 * Batches are timed in CPU time (`process.cpuUsage`), not wall time, so other work on the
 * machine preempting this process does not count against whichever validator was running.
 * V8's compilation choices differ from process to process by ±20 % on calls this short, so the
 * rounds run in several fresh processes (`benchValidators`) and are pooled.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { loadModel } from "../../generator/generate.js";
import { readSpecDir } from "../../generator/load.js";
import type { Json, SchemaRole } from "../../generator/model.js";
import { SCHEMAS_DIR } from "../helpers.js";
import { runtimeValidator } from "../fuzz/differential.js";
import { offerings } from "../../generated/offerings.js";
import { spread, type Spread } from "./stats.js";

type Validate = (data: unknown) => boolean;

export interface ValidatorResult {
  offering: string;
  role: SchemaRole;
  input: "valid" | "invalid";
  /** Validations per CPU second. */
  generated: Spread;
  ajv: Spread;
  /** generated / ajv per round. */
  ratio: Spread;
}

const ROUNDS = 9;
const BATCH_MS = 30;

/** Calls per batch so one batch of the slower validator takes about BATCH_MS (also the warm-up). */
function calibrate(fns: Validate[], value: unknown): number {
  let n = 64;
  for (;;) {
    const slowest = Math.max(...fns.map((fn) => timeBatch(fn, value, n)));
    if (slowest >= BATCH_MS || n >= 1 << 24) return Math.max(1, Math.round((n * BATCH_MS) / Math.max(slowest, 0.001)));
    n *= 2;
  }
}

let sink = 0;
type Loop = (fn: Validate, value: unknown, n: number) => number;
/**
 * Each validator gets a loop of its own code (one `new Function` each): a loop shared by all
 * would see many callees, and V8 would inline whichever it saw first and treat the rest worse.
 */
const loops = new WeakMap<Validate, Loop>();
function timeBatch(fn: Validate, value: unknown, n: number): number {
  let loop = loops.get(fn);
  if (!loop) {
    loop = new Function("fn", "value", "n", "let valid = 0; for (let i = 0; i < n; i++) if (fn(value)) valid++; return valid;") as Loop;
    loops.set(fn, loop);
  }
  const start = process.cpuUsage();
  sink += loop(fn, value, n);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Paths to every value in `value`, deepest first. */
function paths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) for (const [i, item] of value.entries()) paths(item, [...at, i], out);
  else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) paths(item, [...at, key], out);
  if (at.length > 0) out.push(at);
  return out.sort((a, b) => b.length - a.length);
}

function withWrongType(value: Json, at: (string | number)[]): Json {
  const copy = structuredClone(value) as Record<string | number, Json>;
  let parent = copy;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = at[at.length - 1]!;
  parent[last] = typeof parent[last] === "number" ? "not a number" : 42;
  return copy as Json;
}

/** The example with its deepest value of the wrong type that the schema rejects. */
function invalidFrom(valid: Json, reject: (value: Json) => boolean): Json | undefined {
  for (const at of paths(valid)) {
    const broken = withWrongType(valid, at);
    if (reject(broken)) return broken;
  }
  return undefined;
}

export function validatorCases(): Promise<
  { offering: string; role: SchemaRole; input: "valid" | "invalid"; value: Json; generated: Validate; ajv: Validate }[]
> {
  return readSpecDir(SCHEMAS_DIR).then((specs) => {
    const model = loadModel(specs);
    const registry = offerings as unknown as Record<string, { validators: Partial<Record<SchemaRole, Validate>> }>;
    return model.offerings.flatMap((offering) =>
      (["request", "response", "stream"] as const).flatMap((role) => {
        const section = offering[role];
        const generated = registry[offering.id]?.validators[role];
        const valid =
          role === "request"
            ? offering.examples[0]?.request
            : role === "response"
              ? offering.examples.find((e) => e.response)?.response
              : offering.examples.find((e) => e.events)?.events?.[0];
        if (!section || !generated || valid === undefined) return [];
        const ajv = runtimeValidator(section.schema) as unknown as Validate;
        if (!ajv(valid) || !generated(valid)) throw new Error(`${offering.id} ${role}: the example does not pass both validators`);
        const invalid = invalidFrom(valid, (v) => !ajv(v));
        if (invalid !== undefined && generated(invalid)) throw new Error(`${offering.id} ${role}: the validators disagree on the invalid value`);
        const base = { offering: offering.id, role, generated, ajv };
        return [
          { ...base, input: "valid" as const, value: valid },
          ...(invalid === undefined ? [] : [{ ...base, input: "invalid" as const, value: invalid }]),
        ];
      }),
    );
  });
}

interface Rounds {
  offering: string;
  role: SchemaRole;
  input: "valid" | "invalid";
  generated: number[];
  ajv: number[];
  ratio: number[];
}

/** Every case's rounds, in this process. */
async function measureValidators(): Promise<Rounds[]> {
  const results: Rounds[] = [];
  for (const c of await validatorCases()) {
    const n = calibrate([c.generated, c.ajv], c.value);
    const generated: number[] = [];
    const ajv: number[] = [];
    const ratio: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first, so neither always runs on a warmer cache.
      const [g, a] =
        round % 2 === 0
          ? [timeBatch(c.generated, c.value, n), timeBatch(c.ajv, c.value, n)]
          : [timeBatch(c.ajv, c.value, n), timeBatch(c.generated, c.value, n)].reverse();
      generated.push((n / g!) * 1000);
      ajv.push((n / a!) * 1000);
      ratio.push(a! / g!);
    }
    results.push({ offering: c.offering, role: c.role, input: c.input, generated, ajv, ratio });
  }
  if (sink < 0) console.error(sink); // keeps the results of the calls observable
  return results;
}

const SELF = fileURLToPath(import.meta.url);

/** Runs the rounds in `processes` fresh processes, one after another, and pools them per case. */
export async function benchValidators(processes: number, log: (line: string) => void): Promise<ValidatorResult[]> {
  const pooled = new Map<string, Rounds>();
  for (let p = 0; p < processes; p++) {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", SELF, "--child"], { maxBuffer: 16 << 20 });
    for (const rounds of JSON.parse(stdout) as Rounds[]) {
      const key = `${rounds.offering} ${rounds.role} ${rounds.input}`;
      const into = pooled.get(key);
      if (!into) pooled.set(key, rounds);
      else for (const k of ["generated", "ajv", "ratio"] as const) into[k].push(...rounds[k]);
    }
    log(`validators: process ${p + 1}/${processes} done`);
  }
  return [...pooled.values()].map((r) => ({
    offering: r.offering,
    role: r.role,
    input: r.input,
    generated: spread(r.generated)!,
    ajv: spread(r.ajv)!,
    ratio: spread(r.ratio)!,
  }));
}

if (process.argv[1] === SELF && process.argv.includes("--child")) process.stdout.write(JSON.stringify(await measureValidators()));
