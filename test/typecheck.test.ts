/**
 * All generated TypeScript type-checks under `strict`, and a consumer file that uses the package
 * (with `@ts-expect-error` lines pinning the mistakes the types must catch) compiles cleanly.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../generator/options.js";

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

describe("type-checking", () => {
  it("generated declarations and a strict consumer compile (misspellings, wrong roles and fixed values are errors)", async () => {
    const result = await typecheck("test/types/tsconfig.json");
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });

  it("the generator, runtime and tests themselves type-check", async () => {
    const result = await typecheck("tsconfig.json");
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });
});
