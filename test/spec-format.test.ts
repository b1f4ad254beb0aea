/**
 * Spec-format settings the runtime reads: `responseBody.countField` (how many result items a
 * request asks for) and `streaming.errorField` (a payload field that marks a mid-stream error).
 * Both reach the generated provider descriptor; a countField that names no integer request
 * property, or a misspelled setting, is a located spec error.
 */
import { describe, expect, it } from "vitest";
import { generateFiles, loadModel } from "../generator/generate.js";
import { MINIMAL_SPECS, specProblems, textFiles } from "./helpers.js";

const PROVIDER = "acme/provider.yaml";
const TINY = "acme/tiny.yaml";
const PLAIN = "    responseBody: { kind: plain }\n";

/** The minimal fixture with the transport's reply and streaming settings replaced. */
function withTransport(responseBody: string, streaming = ""): Record<string, string> {
  const text = MINIMAL_SPECS[PROVIDER]!;
  if (!text.includes(PLAIN)) throw new Error("fixture changed: no plain responseBody");
  return { ...MINIMAL_SPECS, [PROVIDER]: text.replace(PLAIN, `    responseBody: ${responseBody}\n${streaming}`) };
}

describe("responseBody.countField", () => {
  it("reaches the model and the generated provider descriptor", async () => {
    const specs = withTransport("{ kind: data-array, data: data, countField: temperature }");
    // `temperature` is a number in the fixture; make it the integer count the setting needs.
    const tiny = MINIMAL_SPECS[TINY]!.replace(
      "temperature: { type: number, minimum: 0, maximum: 2 }",
      "temperature: { type: integer, minimum: 1, maximum: 4 }",
    );
    const files = { ...specs, [TINY]: tiny };
    const model = loadModel(textFiles(files));
    const transport = model.providers[0]!.transports[0]!;
    expect(transport.kind === "http" && transport.responseBody).toEqual({ kind: "data-array", data: "data", countField: "temperature" });
    const descriptor = (await generateFiles(textFiles(files))).find((f) => f.path === "acme/provider.js")!.contents;
    expect(descriptor).toMatch(/"countField": "temperature"/);
  });

  it.each([
    [
      "names no request property",
      "countField: copies",
      /acme\/provider\.yaml declares "copies" as the result count of transport "rest" \(responseBody\.countField\), but this request schema has no top-level integer property "copies"/,
    ],
    [
      "names a property that is not an integer",
      "countField: temperature",
      /declares "temperature" as the result count.*no top-level integer property "temperature"/,
    ],
  ])("is an error located in the offering when it %s", (_, setting, message) => {
    const found = specProblems(withTransport(`{ kind: data-array, data: data, ${setting} }`));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: TINY, pointer: "/request/schema", message: expect.stringMatching(message) });
    expect(found[0]!.line).toBeGreaterThan(1);
  });

  it("is a data-array setting only, checked by the meta-schema", () => {
    const found = specProblems(withTransport("{ kind: plain, countField: n }"));
    expect(found.map((d) => d.file)).toContain(PROVIDER);
    expect(found.map((d) => `${d.pointer}: ${d.message}`).join("\n")).toMatch(/responseBody/);
  });
});

describe("streaming.errorField", () => {
  it("reaches the generated provider descriptor", async () => {
    const files = withTransport("{ kind: plain }", "    streaming: { format: sse, enable: { field: stream, value: true }, errorField: failure }\n");
    const tiny = MINIMAL_SPECS[TINY]!.replace("      temperature:", "      stream: { type: boolean }\n      temperature:")
      .replace('    temperature: { inferred: "fixture" }', '    temperature: { inferred: "fixture" }\n    stream: documented')
      .replace("examples:\n", "stream:\n  provenance: documented\n  schema: { type: object }\nexamples:\n");
    const descriptor = (await generateFiles(textFiles({ ...files, [TINY]: tiny }))).find((f) => f.path === "acme/provider.js")!.contents;
    expect(descriptor).toMatch(/"errorField": "failure"/);
  });

  it("must be a non-empty string", () => {
    const found = specProblems(
      withTransport("{ kind: plain }", '    streaming: { format: sse, enable: { field: stream, value: true }, errorField: "" }\n'),
    );
    expect(found).toEqual([expect.objectContaining({ file: PROVIDER, pointer: "/transports/0/streaming/errorField" })]);
  });
});
