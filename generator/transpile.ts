/**
 * Stage: each emitted TypeScript module becomes its `.js` and `.d.ts`, file by file. No program
 * is built and nothing is type-checked here: every module is written to need no type information
 * (`isolatedModules` for the JavaScript, `isolatedDeclarations` for the declarations), so this is
 * a fast syntactic step that scales with the catalog. The strict type-check of everything emitted
 * is `verify.ts`, run by `generate --verify` and by the test suite.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { sha256, type Cache } from "./cache.js";
import type { GeneratedFile } from "./model.js";
import { installedVersion } from "./source-hash.js";

/**
 * One worker thread does the TypeScript work (`transpile-worker.js`), started on the first module
 * the cache does not have: an unchanged rerun never loads TypeScript, and a cold run loads and
 * uses it on the second core while the main thread emits everything else.
 */
let worker: { post(file: GeneratedFile): Promise<Outputs>; stop(): Promise<void> } | undefined;

function transpiler() {
  if (worker) return worker;
  const thread = new Worker(new URL("./transpile-worker.js", import.meta.url));
  thread.unref();
  const waiting = new Map<number, { resolve: (outputs: Outputs) => void; reject: (error: Error) => void }>();
  let next = 0;
  thread.on("message", ({ id, outputs, error }: { id: number; outputs?: Outputs; error?: string }) => {
    const pending = waiting.get(id)!;
    waiting.delete(id);
    if (error !== undefined) pending.reject(new Error(`transpiling failed: ${error}`));
    else pending.resolve(outputs!);
  });
  thread.on("error", (error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  });
  worker = {
    post: (file) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        thread.postMessage({ id, file: { path: file.path, contents: file.contents } });
      }),
    stop: async () => {
      worker = undefined;
      await thread.terminate();
    },
  };
  return worker;
}

/**
 * Counts the stops: a module started ahead of a run that then failed (its specs refused while the
 * module waited for the prebuilt table) must not start a worker after the stop, which nothing
 * would end and which kept the process from exiting.
 */
let stops = 0;

/** Stops the worker thread, if one was started, and any started ahead from starting one. */
export async function stopTranspiler(): Promise<void> {
  stops++;
  ahead.clear();
  await worker?.stop();
}

export const isModule = (file: GeneratedFile) => file.path.endsWith(".ts") && !file.path.endsWith(".d.ts");
const keyOf = (file: GeneratedFile) => `${file.path}\0${file.contents}`;
const transpiled = async (file: GeneratedFile, cache: Cache) => {
  const run = stops;
  return (
    (await prebuilt())?.outputs[sha256(keyOf(file))] ??
    cache.memoAsync("transpile", keyOf(file), async () => {
      if (run !== stops) throw new Error("the transpiler was stopped before this module's turn");
      return JSON.stringify(await transpiler().post(file));
    })
  );
};

/**
 * What a build of the generator transpiled when it was made (build.js): the hand-written runtime's
 * outputs, by the hash of each module's path and text, with the ts-morph version that made them.
 * The modules are the generator's own sources, so their outputs are a build product, like the
 * generator's JavaScript: a cold run of a built generator loads no TypeScript. The sources (tsx,
 * the tests) have no such table and transpile everything.
 */
export interface PrebuiltTable {
  tsMorph: string;
  outputs: Record<string, string>;
}

/** Beside the built transpile.js; a variable, so that type-checking the sources does not look for it. */
const PREBUILT_MODULE = "./transpiled-runtime.js";
let table: Promise<PrebuiltTable | undefined> | undefined;

function prebuilt(): Promise<PrebuiltTable | undefined> {
  table ??= import(PREBUILT_MODULE).then(
    ({ default: found }: { default: PrebuiltTable }) => (found.tsMorph === tsMorphVersion() ? found : undefined),
    () => undefined,
  );
  return table;
}

/** The installed ts-morph's version: its TypeScript printed the outputs, so a table made by another is not used. */
const tsMorphVersion = () => installedVersion("ts-morph", path.dirname(fileURLToPath(import.meta.url)));

/**
 * The table of `files`' outputs, as the worker makes them (build.js writes it beside the built
 * transpile.js); outputs already in `known` (keyed by content, so any match is sound) are reused.
 */
export async function prebuiltTable(files: readonly GeneratedFile[], known?: PrebuiltTable): Promise<PrebuiltTable> {
  const reuse = known?.tsMorph === tsMorphVersion() ? known.outputs : {};
  const outputs: Record<string, string> = {};
  for (const file of files.filter(isModule)) {
    const key = sha256(keyOf(file));
    outputs[key] = reuse[key] ?? JSON.stringify((await import("./transpile-worker.js")).transpile(file));
  }
  return { tsMorph: tsMorphVersion(), outputs };
}

/** Modules handed over before their emitter ran (`transpileAhead`), by path and text, until `transpileFiles` takes them. */
const ahead = new Map<string, Promise<string>>();

/**
 * Starts on modules known before the specs are read (the runtime's), so that on a cold run
 * TypeScript loads and compiles them on the second core while this one parses and checks the specs.
 */
export function transpileAhead(files: readonly GeneratedFile[], cache: Cache): void {
  for (const file of files.filter(isModule)) {
    const started = transpiled(file, cache);
    started.catch(() => undefined); // taken and awaited by transpileFiles; a run that fails first drops it
    ahead.set(keyOf(file), started);
  }
}

export class TranspileError extends Error {
  constructor(readonly problems: string[]) {
    super(`generated code cannot be compiled file by file (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.join("\n")}`);
    this.name = "TranspileError";
  }
}

interface Outputs {
  js: string;
  dts: string;
  problems: string[];
}

/** Replaces each `.ts` file with its `.js` and `.d.ts`; other files pass through. */
export async function transpileFiles(files: readonly GeneratedFile[], cache: Cache): Promise<GeneratedFile[]> {
  const problems: string[] = [];
  // Every module is handed to the worker at once; the results come back in the files' order.
  const converted = await Promise.all(
    files.map(async (file): Promise<GeneratedFile[]> => {
      if (!isModule(file)) return [file];
      const started = ahead.get(keyOf(file));
      ahead.delete(keyOf(file));
      const cached = await (started ?? transpiled(file, cache));
      const { js, dts, problems: found } = JSON.parse(cached) as Outputs;
      problems.push(...found);
      const stem = file.path.slice(0, -".ts".length);
      return [
        { ...file, path: `${stem}.js`, contents: js },
        { ...file, path: `${stem}.d.ts`, contents: dts },
      ];
    }),
  );
  if (problems.length > 0) throw new TranspileError(problems.sort());
  return converted.flat();
}
