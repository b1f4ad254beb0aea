/**
 * The pipeline, in one place:
 *   read → parse (with positions) → check (meta-schemas) → resolve ($refs) → normalize (typed model)
 *   → emit (plugins) → transpile (file by file) → format (banners) → [verify (strict type-check, on demand)]
 *   → write or compare.
 * Each stage returns new values; any stage that finds problems stops the run before anything is
 * written. Costly steps go through the content-hash cache, and a run whose inputs are unchanged
 * is answered from it whole.
 */
import path from "node:path";
import { diskCache, NO_CACHE, type Cache } from "./cache.js";
import { checkSpecFiles } from "./check.js";
import { compareText, isWithin, SpecError } from "./diagnostics.js";
import { parseSpecFiles, readSpecDir, type SpecFiles } from "./load.js";
import type { EmitContext, Emitter, GeneratedFile, Model } from "./model.js";
import { buildModel } from "./normalize.js";
import { PROJECT_ROOT, resolveOptions, type GenerateOptions } from "./options.js";
import { withOutputLock } from "./output-lock.js";
import { SILENT, type Progress } from "./progress.js";
import { judgeBundles, resolveSchemas } from "./resolve.js";
import { LISTING_STEPS, MissingCachedText, recallRun, recallUnit, rememberRun, rememberUnit, runKeyOf } from "./recall.js";
import { packageSettings, type PackageSettings } from "./version.js";
import { checkWiring, listSourceFiles } from "./wiring.js";
import { compareOutput, readTextsToWrite, writeOutput, type OutputDifference } from "./write.js";

/**
 * The emit, transpile and format stages. They bring TypeScript and ajv's code generator, most of
 * the command's start-up time, so they are loaded once the specs have loaded: a bad spec is
 * reported without them. The output kinds: adding one means adding an emitter here, not editing
 * the others.
 */
async function outputStages() {
  const [types, validators, clients, indexes, catalog, docs, runtime, jsonSchemas, openApi, modelDocs, pkg, transpile, format] = await Promise.all([
    import("./emit/types.js"),
    import("./emit/validators.js"),
    import("./emit/clients.js"),
    import("./emit/indexes.js"),
    import("./emit/catalog.js"),
    import("./emit/docs.js"),
    import("./emit/runtime.js"),
    import("./emit/json-schemas.js"),
    import("./emit/openapi.js"),
    import("./emit/model-docs.js"),
    import("./emit/package.js"),
    import("./transpile.js"),
    import("./format.js"),
  ]);
  // The runtime first: its modules are the ones TypeScript transpiles, on another thread, while the rest are emitted.
  const emitters: readonly Emitter[] = [
    runtime.runtimeEmitter,
    runtime.mockEmitter,
    types.typesEmitter,
    validators.validatorsEmitter,
    clients.clientsEmitter,
    indexes.indexesEmitter,
    catalog.catalogEmitter,
    docs.docsEmitter,
    jsonSchemas.jsonSchemasEmitter,
    openApi.openApiEmitter,
    modelDocs.modelDocsEmitter,
    pkg.packageEmitter,
  ];
  return { emitters, transpileFiles: transpile.transpileFiles, stopTranspiler: transpile.stopTranspiler, formatFiles: format.formatFiles };
}

/** Specs → checked, resolved, typed model. Throws `SpecError` listing every problem found. */
export function loadModel(specFiles: SpecFiles, options: Pick<GenerateOptions, "maxSpecBytes"> = resolveOptions(), cache: Cache = NO_CACHE): Model {
  const parsed = parseSpecFiles(specFiles, options, cache);
  if (parsed.diagnostics.length > 0) throw new SpecError(parsed.diagnostics);
  const checked = checkSpecFiles(parsed.files, cache);
  if (checked.length > 0) throw new SpecError(checked);
  // Each offering's examples are checked right after its schemas compile, while ajv's validators
  // are at hand; the schemas' verdicts are reported after, as if resolve had judged them.
  const { resolved, diagnostics } = resolveSchemas(parsed.files, cache, { judge: false });
  if (diagnostics.length > 0) throw new SpecError([...diagnostics, ...judgeBundles(resolved, cache)]);
  const built = buildModel(parsed.files, resolved, cache);
  const refused = judgeBundles(resolved, cache);
  if (refused.length > 0) throw new SpecError(refused);
  if (!built.model) throw new SpecError(built.diagnostics);
  return built.model;
}

export interface RunContext extends EmitContext {
  progress: Progress;
  /** Type-check everything emitted as one program first (`generate --verify`, the tests). */
  verify: boolean;
}

/** What `emitModel` is given: a run's context, whose package settings default to the project's. */
export type RunSettings = Omit<RunContext, "package"> & { package?: PackageSettings };

export const QUIET_RUN: RunSettings = { cache: NO_CACHE, progress: SILENT, verify: false };

/** Model → every output file, transpiled and finished, in path order. Nothing is written. */
export async function emitModel(model: Model, settings: RunSettings = QUIET_RUN): Promise<GeneratedFile[]> {
  // The one place the package settings default: every emitter and the offering cache read them from here.
  const context: RunContext = { ...settings, package: settings.package ?? packageSettings() };
  const { emitters, transpileFiles, stopTranspiler, formatFiles } = await outputStages();
  try {
    const emitted: GeneratedFile[] = [];
    const transpiling: Promise<GeneratedFile[]>[] = [];
    for (const emitter of emitters) {
      context.progress.update(`emitting ${emitter.name} for ${model.offerings.length} offerings`);
      const files = await emitter.emit(model, context);
      emitted.push(...files);
      // Its TypeScript modules go to the transpiler's thread now, while the next emitters run here.
      const transpiled = transpileFiles(files, context.cache);
      transpiled.catch(() => undefined); // awaited below; a failure is not "unhandled" meanwhile
      transpiling.push(transpiled);
    }
    const own = await offeringFiles(model, emitters, context, async (files) => formatFiles(await transpileFiles(files, context.cache)));
    const paths = new Set<string>(own.keys());
    for (const file of emitted) {
      if (paths.has(file.path)) throw new Error(`two emitters wrote ${file.path}`);
      paths.add(file.path);
    }
    context.progress.update("transpiling");
    // A file that comes with its hash was finished when stored (rememberFiles): it is not formatted again.
    const made = (await Promise.all(transpiling)).flat();
    const finished = [
      ...formatFiles(made.filter((file) => file.sha256 === undefined)),
      ...made.filter((file) => file.sha256 !== undefined),
      ...own.values(),
    ];
    if (context.verify) {
      context.progress.update("type-checking everything emitted (--verify)");
      (await import("./verify.js")).verifyTypeScript(finished);
    }
    return finished.sort((a, b) => compareText(a.path, b.path));
  } finally {
    // Whatever happened, the transpiler's thread ends with the stage.
    await stopTranspiler();
  }
}

/**
 * Each offering's own files (`Emitter.emitOffering`), finished, by path. An offering whose
 * fingerprint names files stored by an earlier run gets them back from the cache; the others are
 * made and stored. A content-addressed file several offerings emit is kept once, and must be the
 * same from each.
 */
async function offeringFiles(
  model: Model,
  emitters: readonly Emitter[],
  context: RunContext,
  finish: (files: GeneratedFile[]) => Promise<GeneratedFile[]>,
): Promise<Map<string, GeneratedFile>> {
  const own = emitters.filter((e) => e.emitOffering);
  const settings = JSON.stringify(context.package);
  const out = new Map<string, GeneratedFile>();
  for (const [done, offering] of model.offerings.entries()) {
    context.progress.update("offerings", done, model.offerings.length);
    const key = offering.fingerprint === undefined ? undefined : `${offering.fingerprint}\0${settings}`;
    let files = key === undefined ? undefined : recallUnit(context.cache, key, context.outDir);
    if (!files) {
      const made: GeneratedFile[] = [];
      for (const emitter of own) made.push(...(await emitter.emitOffering!(offering, model, context)));
      files = await finish(made);
      if (key !== undefined) files = rememberUnit(context.cache, key, files);
    }
    for (const file of files) {
      const first = out.get(file.path);
      if (first && !sameText(first, file)) throw new Error(`two offerings made different contents for ${file.path}; please report this`);
      if (!first) out.set(file.path, file);
    }
  }
  return out;
}

/** Same text: by hash where both carry one (a recalled file's text is then not read). */
function sameText(a: GeneratedFile, b: GeneratedFile): boolean {
  return a.sha256 !== undefined && b.sha256 !== undefined ? a.sha256 === b.sha256 : a.contents === b.contents;
}

export function cacheFor(options: Pick<GenerateOptions, "cacheDir">): Cache {
  return options.cacheDir === false ? NO_CACHE : diskCache(options.cacheDir);
}

/**
 * Specs in memory → output files in memory. Used by `generate`, `--check` and the tests.
 * `sourceFiles`: the files of the schemas folder, so `source.seed` can be checked (see wiring.ts).
 */
export function generateFiles(
  specFiles: SpecFiles,
  options: Partial<GenerateOptions> = {},
  progress: Progress = SILENT,
  sourceFiles?: ReadonlySet<string>,
  cache: Cache = cacheFor(resolveOptions(options)),
): Promise<GeneratedFile[]> {
  const turn = generating.then(() => generateFilesNow(specFiles, options, progress, sourceFiles, cache));
  generating = turn.catch(() => undefined);
  return turn;
}

/**
 * The transpiler's thread is the process's, started and stopped by each generation: two at once
 * in one process would stop it under each other, so each waits for the one before (the work is
 * CPU-bound; nothing is lost by taking turns).
 */
let generating: Promise<unknown> = Promise.resolve();

async function generateFilesNow(
  specFiles: SpecFiles,
  options: Partial<GenerateOptions>,
  progress: Progress,
  sourceFiles: ReadonlySet<string> | undefined,
  cache: Cache,
): Promise<GeneratedFile[]> {
  const resolved = resolveOptions(options);
  const [{ transpileAhead, stopTranspiler }, { handWrittenModules }] = await Promise.all([import("./transpile.js"), import("./emit/runtime.js")]);
  transpileAhead(handWrittenModules(), cache);
  progress.update(`loading ${specFiles.size} spec files`);
  let model: Model;
  try {
    model = checkWiring(loadModel(specFiles, resolved, cache), specFiles, sourceFiles);
  } catch (error) {
    await stopTranspiler();
    throw error;
  }
  return emitModel(model, { cache, progress, verify: resolved.verify, package: resolved.package, outDir: resolved.outDir });
}

export interface GenerateResult {
  files: GeneratedFile[];
  /** How the output folder differed from what the specs produce (before writing, unless `check`). */
  difference: OutputDifference;
  /** Whether the output was answered whole from the cache (the specs and generator unchanged). */
  fromCache: boolean;
}

/** The whole job: read the specs folder, generate (or recall), then write atomically or compare. */
export async function generate(overrides: Partial<GenerateOptions> & { check?: boolean; progress?: Progress } = {}): Promise<GenerateResult> {
  const resolved = resolveOptions(overrides);
  const options = { ...resolved, package: resolved.package ?? packageSettings() };
  const progress = overrides.progress ?? SILENT;
  if (overrides.check) return generateOrCompare(options, overrides, progress);
  refuseToReplace(options);
  // One writer at a time: a second run waits, then finds the output (and the cache) up to date.
  return withOutputLock(options.outDir, () => generateOrCompare(options, overrides, progress), { onWait: (message) => progress.note(message) });
}

async function generateOrCompare(
  options: GenerateOptions & { package: PackageSettings },
  overrides: { check?: boolean },
  progress: Progress,
): Promise<GenerateResult> {
  progress.update("reading specs");
  const specs = await readSpecDir(options.schemasDir, options);
  const cache = cacheFor(options);
  const sources = await listSourceFiles(options.schemasDir);
  const runKey = runKeyOf(specs, options, sources);
  const changed = (d: OutputDifference) => d.stale.length + d.missing.length + d.extra.length > 0;
  const finish = async (files: GeneratedFile[], difference: OutputDifference, fromCache: boolean): Promise<GenerateResult> => {
    if (!overrides.check && changed(difference)) {
      progress.update("writing");
      await writeOutput(options.outDir, files, { difference });
    }
    return { files, difference, fromCache };
  };
  const recalled = options.verify ? undefined : recallRun(cache, runKey, options.outDir);
  if (recalled) {
    // Compared by hash: an unchanged rerun or --check reads no text from the cache.
    progress.update("comparing with the output folder");
    const difference = await compareOutput(options.outDir, recalled, { cache });
    if (!changed(difference)) return { files: recalled, difference, fromCache: true };
    try {
      if (!overrides.check) readTextsToWrite(recalled, difference);
      return finish(recalled, difference, true);
    } catch (error) {
      // A text the write needs is lost: the specs make the output again, below.
      if (!(error instanceof MissingCachedText)) throw error;
    }
  }
  const made = async (from: Cache) => {
    const files = await generateFiles(specs, options, progress, sources, from);
    progress.update("comparing with the output folder");
    const difference = await compareOutput(options.outDir, files, { cache });
    // The texts a write needs (and `--verify` all of them) are read now, while a lost one can still be made again.
    if (!overrides.check) readTextsToWrite(files, difference);
    return { files, difference };
  };
  const { files, difference } = await made(cache).catch((error: unknown) => {
    // An offering's listing named a text the cache has lost since: make every offering again.
    if (error instanceof MissingCachedText) return made(withoutListings(cache));
    throw error;
  });
  rememberRun(cache, runKey, files);
  return finish(files, difference, false);
}

/** The cache with no listings in it, so every offering and every file made from several is made (and stored) again. */
function withoutListings(cache: Cache): Cache {
  return { ...cache, get: (step, input) => (LISTING_STEPS.has(step) ? undefined : cache.get(step, input)) };
}

/**
 * The output folder is replaced whole, so it must not hold the specs, the project or the folder
 * the command runs in (`--out .` would otherwise put generated files where the repository was).
 */
function refuseToReplace({ outDir, schemasDir }: GenerateOptions): void {
  const out = path.resolve(outDir);
  const kept: [string, string][] = [
    ["the schemas folder", path.resolve(schemasDir)],
    ["the project", PROJECT_ROOT],
    ["the current folder", process.cwd()],
  ];
  for (const [what, dir] of kept) {
    if (isWithin(dir, out)) throw new Error(`refusing to write the output to ${out}: it would replace ${what} (${dir})`);
  }
  if (isWithin(out, path.resolve(schemasDir))) throw new Error(`refusing to write the output to ${out}: it is inside the schemas folder`);
}
