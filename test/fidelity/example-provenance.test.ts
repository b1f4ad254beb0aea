/**
 * Issue 11, point 2: an example's request, response and events each have their own provenance.
 * The pages print requests (and, on 002 and 003, only the answer text); the response envelopes,
 * stream chunking, ids and token counts around them are inferred, and the docs and
 * `modelspec provenance` say which parts the page printed.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../generator/cli.js";
import { loadModel } from "../../generator/generate.js";
import { readSpecDir } from "../../generator/load.js";
import type { OfferingSpec, Provenance } from "../../generator/model.js";
import { GENERATED_DIR, MINIMAL_SPECS, SCHEMAS_DIR, specProblems, textFiles } from "../helpers.js";

const model = loadModel(await readSpecDir(SCHEMAS_DIR));
const byId = (id: string) => model.offerings.find((o) => o.id === id)!;
const kinds = (o: OfferingSpec) =>
  o.examples.map((e) => [e.name, e.provenance.request.kind, e.provenance.response?.kind ?? "-", e.provenance.events?.kind ?? "-"]);
const reason = (p: Provenance | undefined) => (p?.kind === "inferred" ? p.reason : "");

describe("per-part provenance of the specs' examples", () => {
  it("Anyfast: the page prints the requests; every response and stream event is made up, and says so", () => {
    const anyfast = byId("anyfast/gpt-5.4-mini");
    expect(kinds(anyfast).filter(([name]) => name !== "image-input")).toEqual([
      ["curl", "documented", "inferred", "-"],
      ["python", "documented", "inferred", "-"],
      ["python-streaming", "documented", "-", "inferred"],
    ]);
    for (const example of anyfast.examples.filter((e) => e.name !== "image-input")) {
      expect(reason(example.provenance.response ?? example.provenance.events)).toMatch(/page shows no (response|events)/);
    }
    // The image example is not on the page at all.
    const image = anyfast.examples.find((e) => e.name === "image-input")!;
    expect([image.provenance.request.kind, image.provenance.response?.kind]).toEqual(["inferred", "inferred"]);
  });

  it.each(["cloudflare/gpt-5.4-nano", "cloudflare/gpt-5.4"])("%s: the page prints the requests and only the answer text", (id) => {
    const offering = byId(id);
    for (const example of offering.examples) {
      expect(example.provenance.request.kind, example.name).toBe("documented");
      const answer = example.provenance.response ?? example.provenance.events;
      expect(answer?.kind, example.name).toBe("inferred");
      expect(reason(answer)).toMatch(/answer text/);
    }
    expect(reason(offering.examples.find((e) => e.events)!.provenance.events)).toMatch(/chunk.*usage/);
  });

  it("Cloudflare gpt-5.4-mini: requests only, documented", () => {
    const found = kinds(byId("cloudflare/gpt-5.4-mini"));
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(found.map(([name]) => [name, "documented", "-", "-"]));
  });

  it("Runware: nothing is on the page, every part is inferred", () => {
    for (const [, ...parts] of kinds(byId("runware/gpt-5.4-mini"))) expect(parts.filter((p) => p !== "-").every((p) => p === "inferred")).toBe(true);
  });

  it("the docs say, per example, which parts the page printed", async () => {
    const docs = await readFile(path.join(GENERATED_DIR, "docs/anyfast/gpt-5.4-mini.md"), "utf8");
    expect(docs).toMatch(/^- `curl`: Quick example — cURL\. Request: documented; response: inferred: the page shows no response/m);
    const nano = await readFile(path.join(GENERATED_DIR, "docs/cloudflare/gpt-5.4-nano.md"), "utf8");
    expect(nano).toMatch(/^- `streaming-response`: .*\. Request: documented; events: inferred: .*answer text/m);
  });

  it("`modelspec provenance` lists each example's parts", async () => {
    const out: string[] = [];
    expect(await main(["provenance", "--json"], { out: (t) => out.push(t), err: () => {} })).toBe(0);
    const report = JSON.parse(out.join("")) as {
      offering: string;
      examples: { name: string; request: string; response?: string; events?: string }[];
    }[];
    const curl = report.find((r) => r.offering === "anyfast/gpt-5.4-mini")!.examples.find((e) => e.name === "curl")!;
    expect(curl).toEqual({ name: "curl", request: "documented", response: expect.stringMatching(/^inferred: the page shows no response/) });
    const text: string[] = [];
    await main(["provenance"], { out: (t) => text.push(t), err: () => {} });
    expect(text.join("\n")).toMatch(/^ {2}example curl: request documented; response inferred \(the page shows no response/m);
  });
});

describe("the per-part provenance spec notion", () => {
  const TINY = "acme/tiny.yaml";
  const withProvenance = (provenance: string) => ({
    ...MINIMAL_SPECS,
    [TINY]: MINIMAL_SPECS[TINY]!.replace(
      "    provenance: documented\n    request: { messages",
      `    provenance: ${provenance}\n    request: { messages`,
    ),
  });

  it("takes one provenance per part", () => {
    const tiny = loadModel(textFiles(withProvenance('{ request: documented, response: { inferred: "made up" } }'))).offerings[0]!;
    expect(tiny.examples[0]!.provenance).toEqual({ request: { kind: "documented" }, response: { kind: "inferred", reason: "made up" } });
  });

  it("reads one provenance for the whole example as that of every part it has", () => {
    const tiny = loadModel(textFiles(MINIMAL_SPECS)).offerings[0]!;
    expect(tiny.examples[0]!.provenance).toEqual({ request: { kind: "documented" }, response: { kind: "documented" } });
  });

  it.each([
    [
      "a part it has",
      "{ request: documented }",
      "example has a response but its provenance gives none: add `response: documented` or `response: { inferred: <reason> }`",
    ],
    [
      "a part it does not have",
      "{ request: documented, response: documented, events: documented }",
      "provenance names events, but the example has none",
    ],
  ])("is a located error when it leaves out %s", (_, provenance, message) => {
    const problems = specProblems(withProvenance(provenance));
    expect(problems).toEqual([expect.objectContaining({ file: TINY, pointer: "/examples/0/provenance", message })]);
    expect(problems[0]!.line).toBeGreaterThan(1);
  });
});
