/** Helpers for the `modelspec diff` tests: spec folders on disk, edits, and a captured CLI run. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffCommand } from "../../generator/diff/command.js";

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
