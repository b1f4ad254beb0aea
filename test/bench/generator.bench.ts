/**
 * `npm run bench`: how fast the pipeline and the generated validators are. Benchmarks measure;
 * they never gate the test suite.
 */
import { bench, describe } from "vitest";
import { generateFiles, loadModel } from "../../generator/generate.js";
import { readSpecDir } from "../../generator/load.js";
import { GENERATED_DIR, SCHEMAS_DIR } from "../helpers.js";
import { pathToFileURL } from "node:url";
import path from "node:path";

const specs = await readSpecDir(SCHEMAS_DIR);
const { offerings } = (await import(pathToFileURL(path.join(GENERATED_DIR, "index.js")).href)) as {
  offerings: Record<string, { validators: { request: (d: unknown) => boolean }; examples: readonly { request: object }[] }>;
};

describe("generator", () => {
  bench("load, check, resolve and normalize the specs", () => {
    loadModel(specs);
  });
  bench(
    "whole generation in memory (emit, compile, format)",
    async () => {
      await generateFiles(specs);
    },
    { iterations: 3, time: 0 },
  );
});

describe("generated validators", () => {
  for (const [id, offering] of Object.entries(offerings)) {
    const request = offering.examples[0]!.request;
    bench(`${id} request validator`, () => {
      offering.validators.request(request);
    });
  }
});
