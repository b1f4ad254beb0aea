/**
 * The pipeline, in one place:
 *   read → parse (with positions) → check (meta-schemas) → resolve ($refs) → normalize (typed model)
 *   → emit (plugins) → compile (TypeScript, strict) → format (banner + prettier) → write or compare.
 * Each stage returns new values; any stage that finds problems stops the run before anything is written.
 */
import { checkSpecFiles } from "./check.js";
import { compileTypeScript } from "./compile.js";
import { compareText, SpecError } from "./diagnostics.js";
import { catalogEmitter } from "./emit/catalog.js";
import { clientsEmitter } from "./emit/clients.js";
import { docsEmitter } from "./emit/docs.js";
import { indexesEmitter } from "./emit/indexes.js";
import { runtimeEmitter } from "./emit/runtime.js";
import { typesEmitter } from "./emit/types.js";
import { validatorsEmitter } from "./emit/validators.js";
import { formatFiles } from "./format.js";
import { parseSpecFiles, readSpecDir, type SpecFiles } from "./load.js";
import type { Emitter, GeneratedFile, Model } from "./model.js";
import { buildModel } from "./normalize.js";
import { resolveOptions, type GenerateOptions } from "./options.js";
import { resolveSchemas } from "./resolve.js";
import { compareOutput, writeOutput, type OutputDifference } from "./write.js";

/** The output kinds. Adding one means adding an emitter here, not editing the others. */
export const EMITTERS: readonly Emitter[] = [typesEmitter, validatorsEmitter, clientsEmitter, indexesEmitter, catalogEmitter, docsEmitter, runtimeEmitter];

/** Specs → checked, resolved, typed model. Throws `SpecError` listing every problem found. */
export function loadModel(specFiles: SpecFiles, options: Pick<GenerateOptions, "maxSpecBytes"> = resolveOptions()): Model {
  const parsed = parseSpecFiles(specFiles, options);
  if (parsed.diagnostics.length > 0) throw new SpecError(parsed.diagnostics);
  const checked = checkSpecFiles(parsed.files);
  if (checked.length > 0) throw new SpecError(checked);
  const { resolved, diagnostics } = resolveSchemas(parsed.files);
  if (diagnostics.length > 0) throw new SpecError(diagnostics);
  const built = buildModel(parsed.files, resolved);
  if (!built.model) throw new SpecError(built.diagnostics);
  return built.model;
}

/** Model → every output file, compiled and formatted, in path order. Nothing is written. */
export async function emitModel(model: Model, emitters: readonly Emitter[] = EMITTERS): Promise<GeneratedFile[]> {
  const emitted = (await Promise.all(emitters.map((e) => e.emit(model)))).flat();
  const paths = new Set<string>();
  for (const file of emitted) {
    if (paths.has(file.path)) throw new Error(`two emitters wrote ${file.path}`);
    paths.add(file.path);
  }
  const formatted = await formatFiles(compileTypeScript(emitted));
  return formatted.sort((a, b) => compareText(a.path, b.path));
}

/** Specs in memory → output files in memory. Used by `generate`, `--check` and the tests. */
export async function generateFiles(specFiles: SpecFiles, options: Partial<GenerateOptions> = {}): Promise<GeneratedFile[]> {
  return emitModel(loadModel(specFiles, resolveOptions(options)));
}

export interface GenerateResult {
  files: GeneratedFile[];
  /** Only with `check`: how the output folder differs from what the specs produce. */
  difference?: OutputDifference;
}

/** The whole job: read the specs folder, generate, then write atomically or compare. */
export async function generate(overrides: Partial<GenerateOptions> & { check?: boolean } = {}): Promise<GenerateResult> {
  const options = resolveOptions(overrides);
  const files = await generateFiles(await readSpecDir(options.schemasDir), options);
  if (overrides.check) return { files, difference: await compareOutput(options.outDir, files) };
  await writeOutput(options.outDir, files);
  return { files };
}
