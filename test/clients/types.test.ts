/**
 * Type-level tests of the generated clients, compiled with the repository's tsc under `strict`:
 * - types/binding-module.ts: the binding client takes the real `Ai` from @cloudflare/workers-types
 *   (imported as a module, beside the DOM lib) and types its inputs, options and results;
 * - types/worker/worker.mts: the same in a Worker project (workers-types globals, no DOM lib);
 * - types/readme.ts: the README's examples, so they stay true.
 * Their `@ts-expect-error` lines are the assertions: a mistake the types stopped catching fails tsc.
 */
import { expect, test } from "vitest";
import { typecheck } from "../helpers.js";

test.each([
  ["the binding client with Ai imported from @cloudflare/workers-types, and the README examples", "test/clients/types/tsconfig.json"],
  ["the README's Worker example with the workers-types globals (no DOM lib)", "test/clients/types/worker/tsconfig.json"],
])("%s compile under strict", async (_, project) => {
  const result = await typecheck(project);
  expect(result.output).toBe("");
  expect(result.code).toBe(0);
});
