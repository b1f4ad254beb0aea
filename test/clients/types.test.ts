/**
 * Type-level tests of the generated clients, compiled with the repository's tsc under `strict`:
 * - types/binding-module.ts: the binding client takes the real `Ai` from @cloudflare/workers-types
 *   (imported as a module, beside the DOM lib) and types its inputs, options and results;
 * - types/worker/worker.mts: the same in a Worker project (workers-types globals, no DOM lib);
 * - types/readme.ts: the README's examples, so they stay true.
 * Their `@ts-expect-error` lines are the assertions: a mistake the types stopped catching fails tsc.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { PROJECT_ROOT } from "../../generator/options.js";

const tsc = path.join(PROJECT_ROOT, "node_modules", "typescript", "bin", "tsc");

async function typecheck(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsc, "-p", project, "--pretty", "false"], { cwd: PROJECT_ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

test.each([
  ["the binding client with Ai imported from @cloudflare/workers-types, and the README examples", "test/clients/types/tsconfig.json"],
  ["the README's Worker example with the workers-types globals (no DOM lib)", "test/clients/types/worker/tsconfig.json"],
])("%s compile under strict", async (_, project) => {
  const result = await typecheck(project);
  expect(result.output).toBe("");
  expect(result.code).toBe(0);
});
