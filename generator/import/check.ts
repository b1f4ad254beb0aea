/**
 * `modelspec import --check`: every spec that cites a source this command can read is imported
 * again in memory, its markers and undocumented parts filled from the committed spec, and the two
 * compared with the diff engine. What the source now says differently is reported with the diff
 * engine's kinds, severities and formats.
 */
import { access } from "node:fs/promises";
import { parse, stringify } from "yaml";
import { compareText, SpecError } from "../diagnostics.js";
import { severityRank, type Change, type Severity, SEVERITIES } from "../diff/kinds.js";
import { FORMATS, formatReport, type Format } from "../diff/format.js";
import { diffModels, sortChanges } from "../diff/models.js";
import { loadForReview, specPositions } from "../diff/source.js";
import { loadModel } from "../generate.js";
import { readSpecDir, specFileKind, type SpecFiles } from "../load.js";
import type { Json, JsonObject } from "../model.js";
import { UsageError } from "../io.js";
import { isObject } from "../schema-walk.js";
import { citedPath, importSources } from "./index.js";
import { readSources } from "./source.js";
import { keepPersonsWork } from "./merge.js";

interface CheckOptions {
  schemasDir: string;
  format: string;
  failOn: string;
}

export async function checkCommand(options: CheckOptions, io: { out(t: string): void; err(t: string): void }): Promise<number> {
  const format = options.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  const failOn = options.failOn as Severity;
  if (!SEVERITIES.includes(failOn)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(", ")}`);
  const { changes, checked } = await checkDrift(options.schemasDir);
  const text = formatReport(format, {
    base: { kind: "folder", path: "specs" },
    head: { kind: "folder", path: "sources" },
    changes,
    schemasPath: options.schemasDir.split("/").pop() ?? "schemas",
  });
  if (text !== "") io.out(text);
  io.err(
    `modelspec import --check: ${checked} spec${checked === 1 ? "" : "s"} checked against their sources, ${changes.length} change${changes.length === 1 ? "" : "s"}`,
  );
  return changes.some((c) => severityRank(c.severity) >= severityRank(failOn)) ? 1 : 0;
}

/** Changes from each committed spec (base) to what its source says now (head). */
export async function checkDrift(schemasDir: string): Promise<{ changes: Change[]; checked: number }> {
  const files = await readSpecDir(schemasDir);
  const base = loadModel(files);
  const positions = specPositions(files);
  const out: Change[] = [];
  let checked = 0;
  for (const file of [...files.keys()].sort(compareText)) {
    if (specFileKind(file) !== "offering") continue;
    const committed = parse(new TextDecoder().decode(files.get(file)!)) as JsonObject;
    const seed = isObject(committed.source) ? (committed.source.seed as string) : undefined;
    if (!seed) continue;
    const sourcePath = await firstExisting(citedPath(seed, schemasDir));
    const offering = base.offerings.find((o) => o.specFile === file)!;
    if (!sourcePath) {
      out.push(removed(offering.id, file, `the source ${JSON.stringify(seed)} that ${file} cites no longer exists`));
      continue;
    }
    let imported: Awaited<ReturnType<typeof importSources>>;
    try {
      imported = await importSources(await readSources([sourcePath]), { schemasDir, provider: offering.provider });
    } catch (error) {
      if (!(error instanceof SpecError) || !/no known documentation layout/.test(error.message)) throw error;
      continue; // a source no layout reads (a hand-written spec's notes) is not checked
    }
    checked++;
    const now = imported.find((s) => s.data.model === committed.model);
    if (!now) {
      out.push(removed(offering.id, file, `the source ${JSON.stringify(seed)} no longer describes ${JSON.stringify(committed.model)}`));
      continue;
    }
    const head = new Map(files);
    head.set(file, new TextEncoder().encode(stringify(comparable(now.data, committed), { lineWidth: 0, aliasDuplicateObjects: false })));
    // The source may now say something an example the spec keeps breaks (a newly required field): still compared, as `modelspec diff` does.
    const { model } = loadForReview(head);
    const headPositions = specPositions(head);
    const changes = diffModels(base, model, {
      locate: { base: positions.locate, head: headPositions.locate },
      keyOf: { base: positions.keyOf, head: headPositions.keyOf },
    });
    out.push(...changes.filter((c) => c.offering === offering.id && !annotationOnlyInSpec(c)));
  }
  return { changes: sortChanges(out), checked };
}

/**
 * The import, made comparable with the committed spec: what a person wrote there (markers
 * resolved, inferred parts, added examples; see merge.ts) is kept, and its notes and source are
 * the committed spec's, so only what the source says is compared.
 */
export function comparable(imported: JsonObject, committed: JsonObject): JsonObject {
  const out = keepPersonsWork(imported, committed);
  out.notes = (committed.notes ?? []) as Json;
  out.source = committed.source as Json;
  for (const section of ["response", "stream"] as const)
    if (committed[section] === undefined && isObject(out[section]) && isObject((out[section] as JsonObject).provenance)) delete out[section];
  return out;
}

/** A description or title the source does not give was written by a person: not drift. */
function annotationOnlyInSpec(change: Change): boolean {
  return change.kind === "annotation-changed" && / removed \(was /.test(change.message);
}

function removed(offering: string, file: string, message: string): Change {
  return { offering, schema: "meta", pointer: "", kind: "offering-removed", severity: "breaking", message, file, line: 1 } as Change;
}

async function firstExisting(paths: string[]): Promise<string | undefined> {
  for (const p of paths)
    if (
      await access(p).then(
        () => true,
        () => false,
      )
    )
      return p;
  return undefined;
}

export type { SpecFiles };
