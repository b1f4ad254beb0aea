/** Helpers for the `modelspec diff` tests: spec folders on disk, edits, and a captured CLI run. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { diffCommand } from "../../generator/diff/command.js";
import type { Change } from "../../generator/diff/kinds.js";
import { diffModels, type KeyFinder, type Locator } from "../../generator/diff/models.js";
import { specPositions } from "../../generator/diff/source.js";
import { loadModel } from "../../generator/generate.js";
import type { Json, JsonObject, Model, SchemaRole } from "../../generator/model.js";
import { parameterPaths } from "../../generator/parameters.js";
import { isObject } from "../../generator/schema-walk.js";
import { MINIMAL_SPECS, textFiles } from "../helpers.js";

export type Specs = Record<string, string>;

export function edit(specs: Specs, file: string, from: string, to: string): Specs {
  const text = specs[file];
  if (text === undefined || !text.includes(from)) throw new Error(`fixture ${file} has no ${JSON.stringify(from)}`);
  return { ...specs, [file]: text.replace(from, to) };
}

export async function writeSpecs(dir: string, specs: Specs): Promise<void> {
  for (const [file, text] of Object.entries(specs)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}

export async function runDiff(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await diffCommand(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/**
 * `run(before, after, ...args)`: writes the two spec sets as `base` and `head` folders of a fresh
 * case folder and runs `modelspec diff` on them. The folders live in one temporary folder, made
 * before the calling file's tests and removed after them.
 */
export function folderDiff(name: string): (before: Specs, after: Specs, ...args: string[]) => Promise<{ code: number; out: string; err: string }> {
  let dir: string;
  let counter = 0;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), `modelspec-${name}-`));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return async (before, after, ...args) => {
    const folder = path.join(dir, `case${++counter}`);
    // A side without files is still a folder: an empty one.
    for (const [side, specs] of [
      ["base", before],
      ["head", after],
    ] as const) {
      await mkdir(path.join(folder, side), { recursive: true });
      await writeSpecs(path.join(folder, side), specs);
    }
    return runDiff(["--base", "base", "--head", "head", "-C", folder, ...args]);
  };
}

/** Where a rule case's schema lives: inline in the offering file, or as `$defs/Case` of a shared file it references. */
export type Placed = Json | { shared: Json };

const PROVIDER_SPEC = MINIMAL_SPECS["acme/provider.yaml"]!;

/**
 * A one-offering spec folder (`acme/tiny`) whose `role` schema is `placed` and whose other schemas
 * are plain objects. Request parameters are listed from the schema, so any request schema loads.
 * Written as JSON, which YAML reads as it is.
 */
export function offeringSpecs(role: SchemaRole, placed: Placed): Specs {
  const shared = isObject(placed) && "shared" in placed && Object.keys(placed).length === 1;
  const schema = (shared ? { $ref: "shared/case.yaml#/$defs/Case" } : placed) as JsonObject;
  const bundled = shared ? { $defs: { Case: placed.shared as Json } } : undefined;
  const schemas: Partial<Record<SchemaRole, JsonObject>> = { request: { type: "object" }, response: { type: "object" }, [role]: schema };
  // A shared case schema has no `$ref`s of its own (`#` would mean the shared file), so it names its parameters as it is.
  const forParameters = shared ? (placed.shared as JsonObject) : schemas.request!;
  const offering = {
    provider: "acme",
    slug: "tiny",
    model: "acme-tiny-1",
    name: "Acme Tiny",
    description: "A tiny model.",
    status: "available",
    contextWindow: 8000,
    maxOutputTokens: 1000,
    inputModalities: ["text"],
    outputModalities: ["text"],
    source: { seed: "test", section: "rule case" },
    request: {
      provenance: "documented",
      parameters: Object.fromEntries(parameterPaths(role === "request" ? forParameters : schemas.request!).map((p) => [p, "documented"])),
      schema: schemas.request,
    },
    response: { provenance: "documented", schema: schemas.response },
    ...(schemas.stream ? { stream: { provenance: "documented", schema: schemas.stream } } : {}),
    examples: [],
  };
  return {
    "acme/provider.yaml": PROVIDER_SPEC,
    "acme/tiny.yaml": JSON.stringify(offering, null, 2),
    ...(bundled ? { "acme/shared/case.yaml": JSON.stringify(bundled, null, 2) } : {}),
  };
}

/** Loaded once per spec set: the real specs are the base of several cases. */
const loaded = new Map<string, { model: Model; locate: Locator; keyOf: KeyFinder }>();
function loadSpecs(specs: Specs): { model: Model; locate: Locator; keyOf: KeyFinder } {
  const key = JSON.stringify(specs);
  let version = loaded.get(key);
  if (!version) {
    const files = textFiles(specs);
    version = { model: loadModel(files), ...specPositions(files) };
    loaded.set(key, version);
  }
  return version;
}

/** `diffModels` between two spec sets, with positions: what `modelspec diff` reports. */
export function diffSpecs(before: Specs, after: Specs): Change[] {
  const base = loadSpecs(before);
  const head = loadSpecs(after);
  return diffModels(base.model, head.model, { locate: { base: base.locate, head: head.locate }, keyOf: { base: base.keyOf, head: head.keyOf } });
}
