/**
 * The pipeline, in one place:
 *   read → parse (with positions) → check (meta-schemas) → resolve ($refs) → normalize (typed model)
 *   → emit (plugins) → compile (TypeScript, strict) → format (banner + prettier) → write or compare.
 * Each stage returns new values; any stage that finds problems stops the run before anything is written.
 */
import path from "node:path";
import { checkSpecFiles } from "./check.js";
import { compareText, SpecError } from "./diagnostics.js";
import { parseSpecFiles, readSpecDir, type SpecFiles } from "./load.js";
import type { Emitter, GeneratedFile, Model } from "./model.js";
import { buildModel } from "./normalize.js";
import { PROJECT_ROOT, resolveOptions, type GenerateOptions } from "./options.js";
import { resolveSchemas } from "./resolve.js";
import { compareOutput, writeOutput, type OutputDifference } from "./write.js";

/**
 * The emit, compile and format stages. They bring TypeScript, prettier and ajv's code generator,
 * most of the command's start-up time, so they are loaded once the specs have loaded: a bad spec
 * is reported without them. The output kinds: adding one means adding an emitter here, not
 * editing the others.
 */
async function outputStages() {
  const [types, validators, clients, indexes, catalog, docs, runtime, jsonSchemas, openApi, modelDocs, compile, format] = await Promise.all([
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
    import("./compile.js"),
    import("./format.js"),
  ]);
  const emitters: readonly Emitter[] = [
    types.typesEmitter,
    validators.validatorsEmitter,
    clients.clientsEmitter,
    indexes.indexesEmitter,
    catalog.catalogEmitter,
    docs.docsEmitter,
    runtime.runtimeEmitter,
    jsonSchemas.jsonSchemasEmitter,
    openApi.openApiEmitter,
    modelDocs.modelDocsEmitter,
  ];
  return { emitters, compileTypeScript: compile.compileTypeScript, formatFiles: format.formatFiles };
}

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
export async function emitModel(model: Model): Promise<GeneratedFile[]> {
  const { emitters, compileTypeScript, formatFiles } = await outputStages();
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
  if (!overrides.check) refuseToReplace(options);
  const files = await generateFiles(await readSpecDir(options.schemasDir, options), options);
  if (overrides.check) return { files, difference: await compareOutput(options.outDir, files) };
  await writeOutput(options.outDir, files);
  return { files };
}

/**
 * The output folder is replaced whole, so it must not hold the specs, the project or the folder
 * the command runs in (`--out .` would otherwise put generated files where the repository was).
 */
function refuseToReplace({ outDir, schemasDir }: GenerateOptions): void {
  const out = path.resolve(outDir);
  const within = (child: string, parent: string) => {
    const relative = path.relative(parent, child);
    return relative === "" || (relative.split(path.sep)[0] !== ".." && !path.isAbsolute(relative));
  };
  const kept: [string, string][] = [
    ["the schemas folder", path.resolve(schemasDir)],
    ["the project", PROJECT_ROOT],
    ["the current folder", process.cwd()],
  ];
  for (const [what, dir] of kept) {
    if (within(dir, out)) throw new Error(`refusing to write the output to ${out}: it would replace ${what} (${dir})`);
  }
  if (within(out, path.resolve(schemasDir))) throw new Error(`refusing to write the output to ${out}: it is inside the schemas folder`);
}
