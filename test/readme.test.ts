/**
 * The README's code is real: each example block marked `readme:NAME:start` … `readme:NAME:end` in
 * the type-checked sources (test/clients/types/) must appear in the README verbatim, so an example
 * that stops compiling, or a README edited away from the compiled code, fails here.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const README = readFileSync(path.join(ROOT, "README.md"), "utf8");
const SOURCES = ["test/clients/types/readme.ts", "test/clients/types/worker/worker.mts"];

/** Each marked block, without its markers and common indentation. */
function readmeBlocks(file: string): [string, string][] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const blocks: [string, string][] = [];
  for (const match of text.matchAll(/\/\/ readme:([\w-]+):start\n([\s\S]*?)\n[ \t]*\/\/ readme:\1:end/g)) {
    const lines = match[2]!.split("\n");
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
    blocks.push([match[1]!, lines.map((l) => l.slice(indent)).join("\n")]);
  }
  return blocks;
}

/** The README's fenced TypeScript blocks. */
const fenced = [...README.matchAll(/```ts\n([\s\S]*?)\n```/g)].map((m) => m[1]!);

describe("README", () => {
  const blocks = SOURCES.flatMap(readmeBlocks);

  it("has the examples the type-checked sources mark, one per provider call and stream", () => {
    expect(blocks.map(([name]) => name).sort()).toEqual(
      [
        "anyfast",
        "anyfast-stream",
        "cloudflare-binding",
        "cloudflare-binding-stream",
        "cloudflare-rest",
        "cloudflare-rest-stream",
        "errors",
        "imports",
        "mock",
        "runware",
        "runware-stream",
      ].sort(),
    );
  });

  it.each(blocks)("shows the compiled %s example verbatim", (_name, code) => {
    expect(fenced).toContain(code);
  });

  it("gives the two commands of a fresh machine", () => {
    expect(README).toContain("npm ci && npm run generate");
    expect(README).toContain("npm ci && npm test");
  });
});
