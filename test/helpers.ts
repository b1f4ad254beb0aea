/** Shared test helpers: the repo's folders, a cached in-memory generation, and spec fixtures. */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { SpecError, type Diagnostic } from "../generator/diagnostics.js";
import { generateFiles, loadModel } from "../generator/generate.js";
import { readSpecDir, type SpecFiles } from "../generator/load.js";
import type { GeneratedFile } from "../generator/model.js";
import { PROJECT_ROOT } from "../generator/options.js";

export const SCHEMAS_DIR = path.join(PROJECT_ROOT, "schemas");
export const GENERATED_DIR = path.join(PROJECT_ROOT, "generated");

let cached: Promise<GeneratedFile[]> | undefined;

/** One in-memory generation from `schemas/` per test worker. */
export function generateFromRepo(): Promise<GeneratedFile[]> {
  cached ??= readSpecDir(SCHEMAS_DIR).then((files) => generateFiles(files));
  return cached;
}

/** Imports a module of the committed `generated/` folder, as a user would. */
export async function importGenerated<T = Record<string, unknown>>(relative: string): Promise<T> {
  return (await import(pathToFileURL(path.join(GENERATED_DIR, relative)).href)) as T;
}

export function textFiles(files: Record<string, string>): SpecFiles {
  return new Map(Object.entries(files).map(([name, text]) => [name, new TextEncoder().encode(text)]));
}

const TSC = path.join(PROJECT_ROOT, "node_modules", "typescript", "bin", "tsc");

/** Runs the repository's tsc on a project; its exit code and everything it printed. */
export async function typecheck(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [TSC, "-p", project, "--pretty", "false"], { cwd: PROJECT_ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** The diagnostics of specs that must not load; throws when they load. */
export function specProblems(files: Record<string, string>): Diagnostic[] {
  try {
    loadModel(textFiles(files));
  } catch (error) {
    if (error instanceof SpecError) return error.diagnostics;
    throw error;
  }
  throw new Error("expected the specs to be rejected");
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "modelspec-test-"));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A small valid spec set: one provider, one shared file, one offering. Tests break it on purpose. */
export const MINIMAL_SPECS: Record<string, string> = {
  "acme/provider.yaml": `id: acme
name: Acme AI
docsUrl: https://acme.example/docs
retryStatuses: [429, 500]
errors:
  provenance: documented
  pointer: /error
  fields: { message: message, code: code }
  schema:
    type: object
    properties:
      error: { type: object, properties: { message: { type: string }, code: { type: string } } }
transports:
  - id: rest
    kind: http
    description: Plain JSON over HTTPS.
    provenance: documented
    baseUrl: https://api.acme.example
    method: POST
    path: /v1/chat/{model}
    auth: { scheme: bearer }
    requestBody: { kind: plain }
    responseBody: { kind: plain }
`,
  "acme/shared/chat.yaml": `$defs:
  Message:
    type: object
    required: [role, content]
    properties:
      role: { enum: [user, assistant] }
      content: { type: string, minLength: 1 }
`,
  "acme/tiny.yaml": `provider: acme
slug: tiny
model: acme-tiny-1
name: Acme Tiny
description: A tiny model.
status: available
contextWindow: 8000
maxOutputTokens: 1000
inputModalities: [text]
outputModalities: [text]
source: { seed: test, section: fixture }
request:
  provenance: documented
  parameters:
    messages: documented
    messages[].role: documented
    messages[].content: documented
    temperature: { inferred: "fixture" }
  schema:
    type: object
    required: [messages]
    properties:
      messages:
        type: array
        minItems: 1
        items: { $ref: shared/chat.yaml#/$defs/Message }
      temperature: { type: number, minimum: 0, maximum: 2 }
response:
  provenance: documented
  schema:
    type: object
    required: [text]
    properties:
      text: { type: string }
examples:
  - name: hello
    title: Hello
    provenance: documented
    request: { messages: [{ role: user, content: hi }] }
    response: { text: hello }
`,
};

/**
 * Where an offering's type lives: its `types.d.ts` re-exports it from the provider's shared
 * declarations (`<provider>/types/<role>-<hash>.d.ts`) under a provider-wide name.
 */
export function sharedType(files: readonly GeneratedFile[], offeringDir: string, typeName: string): { file: GeneratedFile; name: string } {
  return sharedTypeFrom((file) => files.find((f) => f.path === file), offeringDir, typeName);
}

/** `sharedType` in the committed `generated/` folder. */
export function generatedSharedType(offeringDir: string, typeName: string): { file: GeneratedFile; name: string } {
  const read = (file: string): GeneratedFile | undefined => {
    try {
      return { path: file, contents: readFileSync(path.join(GENERATED_DIR, file), "utf8") };
    } catch {
      return undefined;
    }
  };
  return sharedTypeFrom(read, offeringDir, typeName);
}

/** An offering's validator as users import it: the offering module's `validateRequest` (or response, stream event). */
export async function offeringValidator<T = (data: unknown) => boolean>(
  offeringDir: string,
  role: "request" | "response" | "stream" = "request",
): Promise<T> {
  const names = { request: "validateRequest", response: "validateResponse", stream: "validateStreamEvent" } as const;
  return (await importGenerated<Record<string, T>>(`${offeringDir}/index.js`))[names[role]]!;
}

function sharedTypeFrom(
  find: (file: string) => GeneratedFile | undefined,
  offeringDir: string,
  typeName: string,
): { file: GeneratedFile; name: string } {
  const own = find(`${offeringDir}/types.d.ts`);
  if (!own) throw new Error(`no ${offeringDir}/types.d.ts`);
  for (const match of own.contents.matchAll(/export type \{([^}]*)\} from "([^"]+)";/g)) {
    const renamed = match[1]!.split(",").map((part) => part.trim().split(/\s+as\s+/));
    const hit = renamed.find(([, alias]) => alias === typeName);
    if (!hit) continue;
    const target = path.posix.normalize(path.posix.join(offeringDir, match[2]!.replace(/\.js$/, ".d.ts")));
    const file = find(target);
    if (!file) throw new Error(`${offeringDir}/types.d.ts re-exports from ${target}, which was not generated`);
    return { file, name: hit[0]! };
  }
  throw new Error(`${offeringDir}/types.d.ts does not export ${typeName}`);
}
