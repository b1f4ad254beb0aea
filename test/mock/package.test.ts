/**
 * The mock ships as its own entry, apart from the client runtime: the package's `./mock` is
 * `generated/mock/index.js`, and nothing in `generated/runtime/` (what clients run in Workers and
 * browsers) imports Node's modules or the mock.
 */
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { GENERATED_DIR } from "../helpers.js";

const read = (file: string) => readFileSync(path.join(GENERATED_DIR, file), "utf8");
const runtimeFiles = readdirSync(path.join(GENERATED_DIR, "runtime")).filter((f) => f.endsWith(".js") || f.endsWith(".d.ts"));
const imports = (text: string) => [...text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);

describe("the mock's own entry", () => {
  test("the generated package exports its mock as ./mock, mock/index", () => {
    const pkg = JSON.parse(read("package.json")) as { exports: Record<string, unknown> };
    expect(pkg.exports["./mock"]).toEqual({ types: "./mock/index.d.ts", default: "./mock/index.js" });
    expect(read("mock/index.d.ts")).toContain("export declare function startMockProviders(");
  });

  test("the entry reads the package's registry beside it, and no other mock module does", () => {
    expect(imports(read("mock/index.js"))).toContain("../offerings.js");
    for (const file of readdirSync(path.join(GENERATED_DIR, "mock")).filter((f) => f.endsWith(".js") && f !== "index.js"))
      expect(
        imports(read(`mock/${file}`)).filter((i) => !i.startsWith("./") && !i.startsWith("../runtime/") && !i.startsWith("node:")),
        file,
      ).toEqual([]);
  });

  test.each(runtimeFiles)("generated/runtime/%s imports neither Node's modules nor the mock", (file) => {
    const found = imports(read(`runtime/${file}`));
    // A built-in named without the prefix ("fs", "http") is Node's too.
    expect(found.filter((i) => i.startsWith("node:") || builtinModules.includes(i) || i.includes("mock"))).toEqual([]);
  });

  test("nothing of the mock is left in generated/runtime/ or at the old entry", () => {
    expect(runtimeFiles.filter((f) => /mock/i.test(f))).toEqual([]);
    expect(readdirSync(GENERATED_DIR).filter((f) => /^mock\.(js|d\.ts)$/.test(f))).toEqual([]);
  });
});
