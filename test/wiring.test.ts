/**
 * The wiring between an offering and its provider (generator/wiring.ts), and "did you mean" for a
 * misspelled spec key (generator/suggest.ts): each problem is a located error that says what to
 * write, and the repository's own specs pass every check.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../generator/cli.js";
import { SpecError, type Diagnostic } from "../generator/diagnostics.js";
import { generateFiles, loadModel } from "../generator/generate.js";
import { readSpecDir } from "../generator/load.js";
import { closest, editDistance, unknownKeyMessage } from "../generator/suggest.js";
import { listSourceFiles, wiringProblems } from "../generator/wiring.js";
import { MINIMAL_SPECS, SCHEMAS_DIR, specProblems, textFiles, withTempDir } from "./helpers.js";

const PROVIDER = "acme/provider.yaml";
const TINY = "acme/tiny.yaml";

function edit(specs: Record<string, string>, file: string, from: string, to: string): Record<string, string> {
  const text = specs[file]!;
  if (!text.includes(from)) throw new Error(`fixture ${file} has no ${JSON.stringify(from)}`);
  return { ...specs, [file]: text.replace(from, to) };
}

/** The problems `generateFiles` stops at (it throws before emitting anything), or [] when it generates. */
async function generationProblems(specs: Record<string, string>, sourceFiles?: ReadonlySet<string>): Promise<Diagnostic[]> {
  try {
    await generateFiles(textFiles(specs), {}, undefined, sourceFiles);
  } catch (error) {
    if (error instanceof SpecError) return error.diagnostics;
    throw error;
  }
  return [];
}

/** The fixture's transport with a path that does not name the model. */
const NO_MODEL_IN_PATH = edit(MINIMAL_SPECS, PROVIDER, "path: /v1/chat/{model}", "path: /v1/chat");
const STREAMING = '    streaming: { format: sse, enable: { field: stream, value: true }, doneSentinel: "[DONE]" }\n';
/** The fixture's transport streams when a request sets `stream`, and tiny's request takes `stream`. */
const STREAMS = edit(
  edit(
    edit(MINIMAL_SPECS, PROVIDER, "    responseBody: { kind: plain }\n", `    responseBody: { kind: plain }\n${STREAMING}`),
    TINY,
    "      temperature: { type: number",
    "      stream: { type: boolean }\n      temperature: { type: number",
  ),
  TINY,
  '    temperature: { inferred: "fixture" }',
  '    temperature: { inferred: "fixture" }\n    stream: documented',
);

describe("the model id reaches every HTTP request", () => {
  it("neither in the path nor fixed in the body: located at the offering's model", async () => {
    expect(await generationProblems(NO_MODEL_IN_PATH)).toEqual([
      {
        file: TINY,
        line: 3,
        column: 8,
        pointer: "/model",
        message:
          'model id "acme-tiny-1" reaches neither the request path nor the body over transport "rest" (path "/v1/chat") of acme/provider.yaml: put `{model}` in the transport\'s path, or give the request schema a top-level property with `const: "acme-tiny-1"` for the client to fill',
      },
    ]);
  });

  it("a top-level property fixed to the model id carries it in the body", () => {
    const specs = edit(
      edit(NO_MODEL_IN_PATH, TINY, "      temperature: { type: number", "      model: { const: acme-tiny-1 }\n      temperature: { type: number"),
      TINY,
      '    temperature: { inferred: "fixture" }',
      '    temperature: { inferred: "fixture" }\n    model: documented',
    );
    expect(wiringProblems(loadModel(textFiles(specs)))).toEqual([]);
  });

  it("a property fixed to another value does not", () => {
    const specs = edit(
      edit(NO_MODEL_IN_PATH, TINY, "      temperature: { type: number", "      model: { const: acme-tiny-2 }\n      temperature: { type: number"),
      TINY,
      '    temperature: { inferred: "fixture" }',
      '    temperature: { inferred: "fixture" }\n    model: documented',
    );
    expect(wiringProblems(loadModel(textFiles(specs))).map((p) => p.pointer)).toEqual(["/model"]);
  });

  it("a Workers binding passes the model id to run(), whatever the body", () => {
    const binding = MINIMAL_SPECS[PROVIDER]!.replace(
      /transports:[\s\S]*$/,
      "transports:\n  - { id: binding, kind: workers-binding, description: In a Worker., provenance: documented }\n",
    );
    expect(wiringProblems(loadModel(textFiles({ ...MINIMAL_SPECS, [PROVIDER]: binding })))).toEqual([]);
  });
});

describe("an offering of a provider that streams has a stream schema", () => {
  it("without one: located at the offering's provider, naming the streaming transport", async () => {
    expect(await generationProblems(STREAMS)).toEqual([
      {
        file: TINY,
        line: 1,
        column: 11,
        pointer: "/provider",
        message:
          'provider "acme" streams over transport "rest" (acme/provider.yaml) when a request sets "stream", which this offering\'s request takes, but the offering has no stream schema, so its clients would have no stream method: add `stream: { provenance, schema }` with the schema of one event',
      },
    ]);
  });

  it("with one, it generates a stream method", async () => {
    const specs = edit(STREAMS, TINY, "examples:\n", "stream:\n  provenance: documented\n  schema: { type: object }\nexamples:\n");
    const client = (await generateFiles(textFiles(specs))).find((f) => f.path === "acme/client.d.ts")!.contents;
    expect(client).toMatch(/stream\(request: AcmeTinyInput/);
  });

  it("a provider that does not stream needs none", () => {
    expect(wiringProblems(loadModel(textFiles(MINIMAL_SPECS)))).toEqual([]);
  });

  it("nor does an offering whose request has no streaming switch (a model that does not stream)", () => {
    const specs = edit(MINIMAL_SPECS, PROVIDER, "    responseBody: { kind: plain }\n", `    responseBody: { kind: plain }\n${STREAMING}`);
    expect(wiringProblems(loadModel(textFiles(specs)))).toEqual([]);
  });
});

describe("source.seed names a file that exists", () => {
  const seeds = new Set(["seeds/000_a1.txt", "seeds/README.md", "notes/page.md", "acme/provider.yaml"]);
  const citing = (seed: string) =>
    edit(MINIMAL_SPECS, TINY, "source: { seed: test, section: fixture }", `source: { seed: ${seed}, section: fixture }`);

  it.each([
    ["a file in seeds/", "000_a1.txt"],
    ["a file elsewhere in the schemas folder", "notes/page.md"],
    ["a source named in words, not a file", "OpenAI's API reference"],
    ["an address", "https://platform.example/docs/chat.html"],
  ])("%s passes", (_, seed) => {
    expect(wiringProblems(loadModel(textFiles(citing(JSON.stringify(seed)))), seeds)).toEqual([]);
  });

  it("a missing file: located at the seed, with the closest seed suggested", async () => {
    expect(await generationProblems(citing("000_a2.txt"), seeds)).toEqual([
      {
        file: TINY,
        line: 11,
        column: 17,
        pointer: "/source/seed",
        message:
          'source.seed names "000_a2.txt", but there is no "seeds/000_a2.txt" or "000_a2.txt" in the schemas folder; did you mean `000_a1.txt`?',
      },
    ]);
  });

  it("in memory, with no folder to look in, seeds are not checked", () => {
    expect(wiringProblems(loadModel(textFiles(citing("000_a2.txt"))))).toEqual([]);
  });

  it("`modelspec generate` checks them in the schemas folder and writes nothing", async () => {
    await withTempDir(async (dir) => {
      const schemas = path.join(dir, "schemas");
      for (const [file, text] of Object.entries(citing("005_missing.txt"))) {
        await mkdir(path.dirname(path.join(schemas, file)), { recursive: true });
        await writeFile(path.join(schemas, file), text);
      }
      await mkdir(path.join(schemas, "seeds"));
      await writeFile(path.join(schemas, "seeds", "005_present.txt"), "a page\n");
      const err: string[] = [];
      const code = await main(["generate", "--schemas", schemas, "--out", path.join(dir, "out"), "--no-cache"], {
        out: () => {},
        err: (t) => err.push(t),
      });
      expect(code).toBe(2);
      expect(err.join("\n")).toContain(
        'acme/tiny.yaml:11:17: /source/seed: source.seed names "005_missing.txt", but there is no "seeds/005_missing.txt" or "005_missing.txt" in the schemas folder; did you mean `005_present.txt`?',
      );
      expect(await listSourceFiles(schemas)).toEqual(new Set([PROVIDER, "acme/shared/chat.yaml", TINY, "seeds/005_present.txt"]));
    });
  });
});

describe("every problem at once", () => {
  it("all three in one offering", async () => {
    const specs = edit(edit(STREAMS, PROVIDER, "path: /v1/chat/{model}", "path: /v1/chat"), TINY, "seed: test", "seed: gone.txt");
    expect((await generationProblems(specs, new Set())).map((d) => d.pointer)).toEqual(["/provider", "/model", "/source/seed"]);
  });
});

describe("the repository's specs are wired", () => {
  it("no problem in schemas/, seeds included", async () => {
    const model = loadModel(await readSpecDir(SCHEMAS_DIR));
    expect(wiringProblems(model, await listSourceFiles(SCHEMAS_DIR))).toEqual([]);
  });
});

describe("did you mean", () => {
  it.each([
    ["a swapped pair", "statsu", ["status", "slug"], "status"],
    ["a missing letter", "strem", ["stream", "status"], "stream"],
    ["an extra letter", "modell", ["model", "name"], "model"],
    ["case", "contextwindow", ["contextWindow"], "contextWindow"],
    ["two edits in a long word", "temprature", ["temperature", "top_p"], "temperature"],
    ["nothing close", "colour", ["status", "slug"], undefined],
    ["one letter is never a typo of another word", "x", ["y", "z"], undefined],
  ])("%s", (_, word, candidates, want) => {
    expect(closest(word, candidates)).toBe(want);
  });

  it("counts edits as insertions, deletions, substitutions and swaps", () => {
    expect([editDistance("", "abc"), editDistance("abc", "abc"), editDistance("abc", "acb"), editDistance("kitten", "sitting")]).toEqual([
      3, 0, 1, 3,
    ]);
  });

  it("names every allowed key when none is close", () => {
    expect(unknownKeyMessage("colour", ["name", "status"])).toBe('unknown key "colour"; expected one of: name, status');
    expect(unknownKeyMessage("colour", [])).toBe('unknown key "colour"');
  });

  it.each([
    ["a spec field", "status: available", "statsu: available", "/statsu", 'unknown key "statsu"; did you mean `status`?'],
    [
      "a JSON Schema keyword",
      "minimum: 0, maximum: 2",
      "minimun: 0, maximum: 2",
      "/request/schema/properties/temperature/minimun",
      'unknown key "minimun"; did you mean `minimum`?',
    ],
    [
      "a request parameter's provenance block",
      "request:\n  provenance: documented",
      "request:\n  provenanse: documented",
      "/request/provenanse",
      'unknown key "provenanse"; did you mean `provenance`?',
    ],
  ])("in %s", (_, from, to, pointer, message) => {
    expect(specProblems(edit(MINIMAL_SPECS, TINY, from, to))).toContainEqual(expect.objectContaining({ file: TINY, pointer, message }));
  });
});
