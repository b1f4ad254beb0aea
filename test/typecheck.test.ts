/**
 * All generated TypeScript type-checks under `strict`, and a consumer file that uses the package
 * (with `@ts-expect-error` lines pinning the mistakes the types must catch) compiles cleanly.
 */
import { describe, expect, it } from "vitest";
import { typecheck } from "./helpers.js";

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
