/**
 * `modelspec import`: documentation sources to specs, and `--check`, which re-reads the source
 * each spec cites and reports drift with the diff engine. Exit codes: 0 done, 1 drift found
 * (`--check`), 2 bad usage or sources that do not import.
 */
import { readFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { shownPath, splitRef } from "../diagnostics.js";
import type { Json, JsonObject } from "../model.js";
import { resolveOptions } from "../options.js";
import { isObject } from "../schema-walk.js";
import { importSources } from "./index.js";
import { LAYOUTS } from "./layouts.js";
import { readSources } from "./source.js";
import { keepPersonsWork } from "./merge.js";
import { valueAt } from "../resolve.js";
import { renderSpec, specPath, todoPointers, type ImportedSpec } from "./spec.js";
import { type Io, UsageError } from "../io.js";

export const IMPORT_HELP = `Usage: modelspec import <file|folder>... [--schemas DIR] [--provider ID] [--dry-run]
       modelspec import --check [--schemas DIR] [--format markdown|json|github] [--fail-on LEVEL]

Reads documentation sources, recognises their layout, and writes one spec per model to
DIR/<provider>/<slug>.yaml. Values the source gives are \`documented\`, citing the source and its
section; what it does not give (and the provider file's \`import\` section does not supply) is a
\`{ todo: ... }\` marker that makes \`modelspec generate\` fail, naming it, until a person resolves
it. Re-importing over a spec keeps the values a person wrote in place of markers.

Layouts:
${LAYOUTS.map((l) => `  ${l.id.padEnd(20)} ${l.description}`).join("\n")}

Options:
  --schemas DIR      Folder of the specs (default: schemas/)
  --provider ID      Write the specs under this provider id instead of the layout's
  --dry-run          Print what would be written; write nothing
  --check            Re-read the source each spec cites; exit 1 when a spec no longer matches it
  --format FORMAT    With --check: markdown (default), json or github, as \`modelspec diff\`
  --fail-on LEVEL    With --check: exit 1 only for changes at or above LEVEL (breaking, warning,
                     non-breaking, info; default info: any change)
  -h, --help         Show this help

Exit codes: 0 done, 1 drift found (--check), 2 bad usage or sources that do not import.`;

export async function importCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      schemas: { type: "string" },
      provider: { type: "string" },
      "dry-run": { type: "boolean" },
      check: { type: "boolean" },
      format: { type: "string", default: "markdown" },
      "fail-on": { type: "string", default: "info" },
      debug: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.out(IMPORT_HELP);
    return 0;
  }
  const schemasDir = resolveOptions({ schemasDir: values.schemas ? path.resolve(values.schemas) : undefined }).schemasDir;
  if (values.check) {
    if (positionals.length > 0) throw new UsageError("--check re-reads the sources the specs cite; it takes no files");
    const { checkCommand } = await import("./check.js");
    return checkCommand({ schemasDir, format: values.format!, failOn: values["fail-on"]! }, io);
  }
  if (positionals.length === 0) throw new UsageError("name at least one source file or folder (or use --check)");
  if (values.provider !== undefined && !/^[a-z0-9][a-z0-9._-]*$/.test(values.provider))
    throw new UsageError(`--provider must be a provider id (lower-case letters, digits, ., _ and -), not ${JSON.stringify(values.provider)}`);
  const specs = await importSources(await readSources(positionals), { schemasDir, provider: values.provider });
  const files = await Promise.all(
    specs.map(async (spec) => ({ spec, path: specPath(spec), text: renderSpec(await keepResolved(spec, schemasDir)) })),
  );
  const shown = shownPath(schemasDir);
  if (values["dry-run"]) {
    for (const file of files) io.out(`--- ${shown}/${file.path} (would be written)\n${file.text}`);
    io.out(summary(files, shown, "would write"));
    return 0;
  }
  await writeAll(schemasDir, files);
  io.out(summary(files, shown, "wrote"));
  return 0;
}

/** A spec already at the target keeps what a person wrote: markers resolved, inferred parts, examples, notes (merge.ts). */
async function keepResolved(spec: ImportedSpec, schemasDir: string): Promise<ImportedSpec> {
  const text = await readFile(path.join(schemasDir, specPath(spec)), "utf8").catch(() => undefined);
  if (text === undefined) return spec;
  let existing: unknown;
  try {
    existing = parse(text);
  } catch {
    return spec;
  }
  if (!isObject(existing)) return spec;
  const data = keepPersonsWork(spec.data, existing as JsonObject, (ref) => readReference(path.join(schemasDir, specPath(spec)), ref));
  // The person's notes first, then what this import adds.
  const notes = Array.isArray(existing.notes) ? [...(existing.notes as Json[])] : [];
  for (const note of Array.isArray(spec.data.notes) ? spec.data.notes : []) if (!notes.includes(note)) notes.push(note);
  data.notes = notes;
  return { ...spec, data };
}

/** The schema a `$ref` from a spec file names in another file, or undefined when it cannot be read. */
function readReference(specFile: string, ref: string): Json | undefined {
  const { file, fragment } = splitRef(ref);
  try {
    const document = parse(readFileSync(path.resolve(path.dirname(specFile), file), "utf8")) as Json;
    return valueAt(document, fragment);
  } catch {
    return undefined;
  }
}

function summary(files: { path: string; text: string; spec: ImportedSpec }[], shown: string, verb: string): string {
  const lines = [`modelspec import: ${verb} ${files.length} spec${files.length === 1 ? "" : "s"} to ${shown}`];
  for (const file of files) {
    const todos = todoPointers(parse(file.text) as JsonObject);
    lines.push(
      `  ${file.path}  (${file.spec.layout}, from ${file.spec.source})${todos.length > 0 ? `  ${todos.length} TODO: ${todos.join(", ")}` : ""}`,
    );
  }
  return lines.join("\n");
}

/**
 * Every file is written beside its target first and renamed into place only when all were
 * written: a failure leaves no half-written spec, and the old specs as they were.
 */
async function writeAll(schemasDir: string, files: { path: string; text: string }[]): Promise<void> {
  const staged: [string, string][] = [];
  try {
    for (const file of files) {
      const target = path.join(schemasDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.import-${process.pid}.tmp`;
      await writeFile(temp, file.text);
      staged.push([temp, target]);
    }
  } catch (error) {
    await Promise.all(staged.map(([temp]) => rm(temp, { force: true })));
    throw error;
  }
  for (const [temp, target] of staged) await rename(temp, target);
}
