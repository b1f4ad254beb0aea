/**
 * Stage: write the output folder atomically, or compare it with what is on disk (`--check`).
 * A run that fails anywhere before the final rename leaves the old folder exactly as it was.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { compareText } from "./diagnostics.js";
import type { GeneratedFile } from "./model.js";

export async function writeOutput(outDir: string, files: readonly GeneratedFile[]): Promise<void> {
  const parent = path.dirname(path.resolve(outDir));
  const base = path.basename(outDir);
  const staging = path.join(parent, `.${base}.modelspec-new-${process.pid}`);
  const retired = path.join(parent, `.${base}.modelspec-old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const target = path.join(staging, ...file.path.split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
    await mkdir(staging, { recursive: true });
    const exists = await stat(outDir).then(
      () => true,
      () => false,
    );
    if (exists) await rename(outDir, retired);
    await rename(staging, outDir);
    if (exists) await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

export interface OutputDifference {
  stale: string[];
  missing: string[];
  extra: string[];
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out;
}

export async function compareOutput(outDir: string, files: readonly GeneratedFile[]): Promise<OutputDifference> {
  const expected = new Map(files.map((f) => [f.path, f.contents]));
  const actual = await listFiles(outDir);
  const difference: OutputDifference = { stale: [], missing: [], extra: [] };
  for (const [file, contents] of expected) {
    const onDisk = await readFile(path.join(outDir, ...file.split("/")), "utf8").catch(() => undefined);
    if (onDisk === undefined) difference.missing.push(file);
    else if (onDisk !== contents) difference.stale.push(file);
  }
  difference.extra = actual.filter((f) => !expected.has(f));
  for (const list of Object.values(difference)) list.sort(compareText);
  return difference;
}
