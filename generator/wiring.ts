/**
 * Wiring: rules between an offering and its provider that each file's meta-schema cannot see, and
 * that the generated clients would otherwise get silently wrong. Run on the built model before
 * anything is emitted (`generateFiles`); `modelspec diff` and the other readers of the model do
 * not need them, so `loadModel` leaves them out.
 *
 * - The model id reaches every HTTP request: through `{model}` in the transport's path, or a
 *   top-level request property fixed to it (`const`), which the client fills.
 * - An offering whose request takes its provider's streaming switch (`stream: true`) has a stream
 *   schema: without one its clients would have no `stream` method and nobody would hear why. (A
 *   model whose request has no such switch, an embedding model say, does not stream: no method.)
 * - A `source.seed` that names a file names one that exists below the schemas folder.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { compareText, diagnostic, SpecError } from "./diagnostics.js";
import { parseSpecFiles, type ParsedFile, type SpecFiles } from "./load.js";
import type { Model, OfferingSpec, ProviderSpec, SourcePosition } from "./model.js";
import { isObject, jsonEqual } from "./schema-walk.js";
import { closest } from "./suggest.js";

/** Where an offering's source documents live, relative to the schemas folder (see `import`'s `citedPath`). */
const SEEDS_FOLDER = "seeds";

/**
 * The model, when its wiring holds; otherwise a `SpecError` with every problem, located.
 * `sourceFiles` lists the files below the schemas folder (`listSourceFiles`); without it (specs
 * held in memory, with no folder) `source.seed` is not checked.
 */
export function checkWiring(model: Model, specFiles: SpecFiles, sourceFiles?: ReadonlySet<string>): Model {
  const problems = wiringProblems(model, sourceFiles);
  if (problems.length === 0) return model;
  // Positions are needed only now: the offending files are parsed again, the rest never.
  const parsed = new Map<string, ParsedFile>();
  const named = [...new Set(problems.map((p) => p.file))].filter((file) => specFiles.has(file));
  // They loaded once already, so no size limit can refuse them now.
  const again = parseSpecFiles(new Map(named.map((f) => [f, specFiles.get(f)!])), { maxSpecBytes: Number.MAX_SAFE_INTEGER });
  for (const file of again.files) parsed.set(file.file, file);
  throw new SpecError(
    problems.map(({ file, pointer, message }) => {
      const position: SourcePosition = parsed.get(file)?.positions.get(pointer) ?? { file, line: 1, column: 1 };
      return diagnostic(position, pointer, message);
    }),
  );
}

/** A problem before its position is known: the file, the value it is about, and what is wrong. */
interface Unplaced {
  file: string;
  pointer: string;
  message: string;
}

/** Every wiring problem of the model, not yet located. */
export function wiringProblems(model: Model, sourceFiles?: ReadonlySet<string>): Unplaced[] {
  const providers = new Map(model.providers.map((p) => [p.id, p]));
  return model.offerings.flatMap((offering) => {
    const provider = providers.get(offering.provider)!;
    return [...modelIdProblems(offering, provider), ...streamProblems(offering, provider), ...seedProblems(offering, sourceFiles)];
  });
}

/** The HTTP transports that would send a request without the offering's model id in it. */
function modelIdProblems(offering: OfferingSpec, provider: ProviderSpec): Unplaced[] {
  if (fixesModelInBody(offering)) return [];
  // A Workers binding passes the model id as the first argument of `run`, whatever the body.
  const blind = provider.transports.filter((t) => t.kind === "http" && !t.path.includes("{model}"));
  if (blind.length === 0) return [];
  const via = blind.map((t) => `"${t.id}" (path ${JSON.stringify(t.kind === "http" ? t.path : "")})`).join(", ");
  return [
    {
      file: offering.specFile,
      pointer: "/model",
      message: `model id ${JSON.stringify(offering.model)} reaches neither the request path nor the body over transport ${via} of ${provider.specFile}: put \`{model}\` in the transport's path, or give the request schema a top-level property with \`const: ${JSON.stringify(offering.model)}\` for the client to fill`,
    },
  ];
}

/** A top-level request property fixed to the model id: the client fills it into every body (see emit/clients.ts `fixedFields`). */
function fixesModelInBody(offering: OfferingSpec): boolean {
  const properties = offering.request.schema.properties;
  if (!isObject(properties)) return false;
  return Object.values(properties).some((property) => isObject(property) && jsonEqual(property.const, offering.model));
}

function streamProblems(offering: OfferingSpec, provider: ProviderSpec): Unplaced[] {
  if (offering.stream) return [];
  const properties = isObject(offering.request.schema.properties) ? offering.request.schema.properties : {};
  const streaming = provider.transports.filter((t) => t.streaming !== undefined && Object.hasOwn(properties, t.streaming.enable.field));
  if (streaming.length === 0) return [];
  const field = streaming[0]!.streaming!.enable.field;
  return [
    {
      file: offering.specFile,
      pointer: "/provider",
      message: `provider "${provider.id}" streams over transport ${streaming.map((t) => `"${t.id}"`).join(", ")} (${provider.specFile}) when a request sets ${JSON.stringify(field)}, which this offering's request takes, but the offering has no stream schema, so its clients would have no stream method: add \`stream: { provenance, schema }\` with the schema of one event`,
    },
  ];
}

/**
 * A seed that looks like a file name (an extension, no spaces, no URL scheme) must be a file in the
 * schemas folder's `seeds/` or the folder itself. Other values name a public source in words.
 */
function seedProblems(offering: OfferingSpec, sourceFiles: ReadonlySet<string> | undefined): Unplaced[] {
  const seed = offering.source.seed;
  if (sourceFiles === undefined || !namesFile(seed)) return [];
  const candidates = [path.posix.join(SEEDS_FOLDER, seed), path.posix.normalize(seed)];
  if (candidates.some((file) => sourceFiles.has(file))) return [];
  const seeds = [...sourceFiles].filter((file) => file.startsWith(`${SEEDS_FOLDER}/`)).map((file) => file.slice(SEEDS_FOLDER.length + 1));
  const meant = closest(seed, seeds);
  return [
    {
      file: offering.specFile,
      pointer: "/source/seed",
      message: `source.seed names ${JSON.stringify(seed)}, but there is no ${candidates.map((c) => JSON.stringify(c)).join(" or ")} in the schemas folder${meant === undefined ? "" : `; did you mean \`${meant}\`?`}`,
    },
  ];
}

function namesFile(seed: string): boolean {
  return /\.[A-Za-z0-9]{1,8}$/.test(seed) && !/\s/.test(seed) && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(seed);
}

/** Every file below the schemas folder (dot files and folders left out), relative with `/` separators. */
export async function listSourceFiles(schemasDir: string): Promise<ReadonlySet<string>> {
  const out: string[] = [];
  async function walk(relative: string): Promise<void> {
    for (const entry of await readdir(path.join(schemasDir, relative), { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(rel);
      else if (entry.isFile()) out.push(rel);
    }
  }
  await walk("");
  return new Set(out.sort(compareText));
}
