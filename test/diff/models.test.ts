/**
 * `diffModels`: offerings added, removed and renamed, metadata (model id, status, limits,
 * modalities), provider transports, and schema changes located in their spec files.
 */
import { describe, expect, it } from "vitest";
import type { Change } from "../../generator/diff/kinds.js";
import { diffModels } from "../../generator/diff/models.js";
import { loadModel } from "../../generator/generate.js";
import { MINIMAL_SPECS, textFiles } from "../helpers.js";
import { diffSpecs as diff, edit, type Specs } from "./helpers.js";

const TINY = "acme/tiny.yaml";
const PROVIDER = "acme/provider.yaml";

const brief = (changes: Change[]) =>
  changes.map((c) => ({
    offering: c.offering,
    schema: c.schema,
    kind: c.kind,
    severity: c.severity,
    pointer: c.pointer,
    file: c.file,
    line: c.line,
  }));

/** A second offering of the same provider, same schemas as tiny. */
const SMALL = MINIMAL_SPECS[TINY]!.replace("slug: tiny", "slug: small")
  .replace("model: acme-tiny-1", "model: acme-small-1")
  .replace("name: Acme Tiny", "name: Acme Small");

const STREAMING = '    streaming: { format: sse, enable: { field: stream, value: true }, doneSentinel: "[DONE]" }\n';
/** The fixture with an SSE switch on its transport and a stream schema on tiny. */
const STREAMS = edit(
  edit(MINIMAL_SPECS, PROVIDER, "    responseBody: { kind: plain }\n", `    responseBody: { kind: plain }\n${STREAMING}`),
  TINY,
  "examples:\n",
  "stream:\n  provenance: documented\n  schema: { type: object, properties: { delta: { type: string } } }\nexamples:\n",
);

describe("diffModels metadata", () => {
  it("reports nothing for identical specs", () => {
    // Two loads (the files listed in another order), not one model compared with itself.
    expect(diff(MINIMAL_SPECS, Object.fromEntries(Object.entries(MINIMAL_SPECS).reverse()))).toEqual([]);
  });

  const cases: [string, { before?: Specs; after: Specs; want: Partial<Change>[] }][] = [
    [
      "context window lowered",
      {
        after: edit(MINIMAL_SPECS, TINY, "contextWindow: 8000", "contextWindow: 4000"),
        want: [
          {
            offering: "acme/tiny",
            schema: "meta",
            kind: "context-window-lowered",
            severity: "breaking",
            pointer: "/contextWindow",
            file: TINY,
            line: 7,
          },
        ],
      },
    ],
    [
      "context window raised",
      {
        after: edit(MINIMAL_SPECS, TINY, "contextWindow: 8000", "contextWindow: 16000"),
        want: [{ kind: "context-window-raised", severity: "non-breaking", pointer: "/contextWindow", line: 7 }],
      },
    ],
    [
      "max output tokens lowered",
      {
        after: edit(MINIMAL_SPECS, TINY, "maxOutputTokens: 1000", "maxOutputTokens: 500"),
        want: [{ kind: "max-output-tokens-lowered", severity: "breaking", pointer: "/maxOutputTokens", line: 8 }],
      },
    ],
    [
      "max output tokens raised",
      {
        after: edit(MINIMAL_SPECS, TINY, "maxOutputTokens: 1000", "maxOutputTokens: 2000"),
        want: [{ kind: "max-output-tokens-raised", severity: "non-breaking", pointer: "/maxOutputTokens", line: 8 }],
      },
    ],
    [
      "max output tokens no longer stated",
      {
        after: edit(MINIMAL_SPECS, TINY, "maxOutputTokens: 1000", "maxOutputTokens: null"),
        want: [{ kind: "max-output-tokens-unstated", severity: "info", pointer: "/maxOutputTokens" }],
      },
    ],
    [
      "context window no longer stated",
      {
        after: edit(MINIMAL_SPECS, TINY, "contextWindow: 8000", "contextWindow: null"),
        want: [{ kind: "context-window-unstated", severity: "info", pointer: "/contextWindow", line: 7 }],
      },
    ],
    [
      "context window stated where none was",
      {
        before: edit(MINIMAL_SPECS, TINY, "contextWindow: 8000", "contextWindow: null"),
        after: MINIMAL_SPECS,
        want: [{ kind: "context-window-stated", severity: "warning", pointer: "/contextWindow", line: 7 }],
      },
    ],
    [
      "model id renamed",
      {
        after: edit(MINIMAL_SPECS, TINY, "model: acme-tiny-1", "model: acme-tiny-2"),
        want: [{ kind: "model-id-changed", severity: "breaking", pointer: "/model", file: TINY, line: 3 }],
      },
    ],
    [
      "status deprecated",
      {
        after: edit(MINIMAL_SPECS, TINY, "status: available", "status: deprecated"),
        want: [{ kind: "status-changed", severity: "warning", pointer: "/status", line: 6 }],
      },
    ],
    [
      "status beta to available",
      {
        before: edit(MINIMAL_SPECS, TINY, "status: available", "status: beta"),
        after: MINIMAL_SPECS,
        want: [{ kind: "status-changed", severity: "non-breaking", pointer: "/status", line: 6 }],
      },
    ],
    [
      "max output tokens stated where none was",
      {
        before: edit(MINIMAL_SPECS, TINY, "maxOutputTokens: 1000", "maxOutputTokens: null"),
        after: MINIMAL_SPECS,
        want: [{ kind: "max-output-tokens-stated", severity: "warning", pointer: "/maxOutputTokens", line: 8 }],
      },
    ],
    [
      "name changed",
      {
        after: edit(MINIMAL_SPECS, TINY, "name: Acme Tiny", "name: Acme Tiny v1"),
        want: [{ kind: "metadata-changed", severity: "info", pointer: "/name", line: 4 }],
      },
    ],
    [
      "status back to coming-soon",
      {
        after: edit(MINIMAL_SPECS, TINY, "status: available", "status: coming-soon"),
        want: [{ kind: "status-changed", severity: "breaking", pointer: "/status" }],
      },
    ],
    [
      "input modality removed and another added",
      {
        // The image modality needs a carrier in the request schema (x-modality), or the specs do not load.
        after: edit(
          edit(MINIMAL_SPECS, TINY, "inputModalities: [text]", "inputModalities: [image]"),
          "acme/shared/chat.yaml",
          "content: { type: string, minLength: 1 }",
          "content: { type: string, minLength: 1, x-modality: image }",
        ),
        want: [
          { kind: "modality-removed", severity: "breaking", pointer: "/inputModalities", message: 'input modality "text" removed' },
          { kind: "modality-added", severity: "non-breaking", pointer: "/inputModalities", message: 'input modality "image" added' },
          { kind: "annotation-changed", severity: "info", pointer: "/properties/messages/items/properties/content/x-modality" },
        ],
      },
    ],
    [
      "offering added",
      {
        after: { ...MINIMAL_SPECS, "acme/small.yaml": SMALL },
        want: [{ offering: "acme/small", kind: "offering-added", severity: "non-breaking", pointer: "", file: "acme/small.yaml" }],
      },
    ],
    [
      "endpoint changed",
      {
        after: edit(MINIMAL_SPECS, PROVIDER, "path: /v1/chat", "path: /v2/chat"),
        want: [{ kind: "endpoint-changed", severity: "breaking", pointer: "/transports/0/path", file: PROVIDER, line: 20 }],
      },
    ],
    [
      "auth header changed",
      {
        after: edit(MINIMAL_SPECS, PROVIDER, "auth: { scheme: bearer }", "auth: { scheme: bearer, header: X-Api-Key }"),
        want: [{ kind: "auth-changed", severity: "breaking", pointer: "/transports/0/auth", file: PROVIDER, line: 21 }],
      },
    ],
    [
      "base URL changed and error envelope changed",
      {
        after: edit(
          edit(MINIMAL_SPECS, PROVIDER, "baseUrl: https://api.acme.example", "baseUrl: https://api2.acme.example"),
          PROVIDER,
          "code: { type: string }",
          "code: { type: integer }",
        ),
        want: [
          { kind: "endpoint-changed", severity: "breaking", pointer: "/transports/0/baseUrl", file: PROVIDER },
          { kind: "error-format-changed", severity: "warning", pointer: "/errors", file: PROVIDER },
        ],
      },
    ],
    [
      "provider typePrefix changed: every generated type name changes",
      {
        after: edit(MINIMAL_SPECS, PROVIDER, "name: Acme AI\n", "name: Acme AI\ntypePrefix: AcmeAi\n"),
        want: [{ kind: "type-names-changed", severity: "breaking", pointer: "/typePrefix", file: PROVIDER, line: 3 }],
      },
    ],
    [
      "provider docs URL changed",
      {
        after: edit(MINIMAL_SPECS, PROVIDER, "docsUrl: https://acme.example/docs", "docsUrl: https://acme.example/docs/v2"),
        want: [{ kind: "metadata-changed", severity: "info", pointer: "/docsUrl", file: PROVIDER, line: 3 }],
      },
    ],
    [
      "transport streaming added",
      {
        after: edit(MINIMAL_SPECS, PROVIDER, "    responseBody: { kind: plain }\n", `    responseBody: { kind: plain }\n${STREAMING}`),
        want: [{ schema: "meta", kind: "streaming-added", severity: "non-breaking", pointer: "/transports/0/streaming", file: PROVIDER, line: 24 }],
      },
    ],
    [
      "transport streaming switch changed",
      {
        before: STREAMS,
        after: edit(STREAMS, PROVIDER, 'doneSentinel: "[DONE]"', 'doneSentinel: "[END]"'),
        want: [{ kind: "streaming-changed", severity: "breaking", pointer: "/transports/0/streaming", file: PROVIDER, line: 24 }],
      },
    ],
    [
      "transport streaming removed, and the stream schema with it",
      {
        before: STREAMS,
        after: MINIMAL_SPECS,
        want: [
          { kind: "streaming-removed", severity: "breaking", pointer: "/stream", file: TINY, line: 1 },
          { kind: "streaming-removed", severity: "breaking", pointer: "/transports/0/streaming", file: PROVIDER, line: 14 },
        ],
      },
    ],
    [
      "a stream event property removed",
      {
        before: STREAMS,
        after: edit(STREAMS, TINY, "properties: { delta: { type: string } }", "properties: {}"),
        want: [{ schema: "stream", kind: "property-removed", severity: "breaking", pointer: "/properties/delta", file: TINY, line: 37 }],
      },
    ],
    [
      "transport added",
      {
        after: edit(
          MINIMAL_SPECS,
          PROVIDER,
          "transports:\n",
          "transports:\n  - id: binding\n    kind: workers-binding\n    description: In a Worker.\n    provenance: documented\n",
        ),
        want: [{ kind: "transport-added", severity: "non-breaking", pointer: "/transports/0", file: PROVIDER, line: 14 }],
      },
    ],
    [
      "stream schema added",
      {
        after: edit(
          MINIMAL_SPECS,
          TINY,
          "examples:\n",
          "stream:\n  provenance: documented\n  schema: { type: object, properties: { delta: { type: string } } }\nexamples:\n",
        ),
        want: [{ schema: "meta", kind: "streaming-added", severity: "non-breaking", pointer: "/stream", file: TINY, line: 35 }],
      },
    ],
    [
      "a schema change in a shared file is located in that file",
      {
        after: edit(MINIMAL_SPECS, "acme/shared/chat.yaml", "enum: [user, assistant]", "enum: [user]"),
        want: [
          {
            schema: "request",
            kind: "enum-value-removed",
            severity: "breaking",
            pointer: "/properties/messages/items/properties/role/enum",
            file: "acme/shared/chat.yaml",
            line: 6,
          },
        ],
      },
    ],
    [
      "a removed response property is located at the head's properties key, where it was taken out",
      {
        after: edit(
          edit(
            edit(MINIMAL_SPECS, TINY, "      text: { type: string }\n", "      answer: { type: string }\n"),
            TINY,
            "required: [text]",
            "required: [answer]",
          ),
          TINY,
          "response: { text: hello }",
          "response: { answer: hello }",
        ),
        want: [
          { schema: "response", kind: "property-removed", severity: "breaking", pointer: "/properties/text", file: TINY, line: 33 },
          { schema: "response", kind: "property-added-required", severity: "non-breaking", pointer: "/properties/answer", file: TINY, line: 34 },
          {
            schema: "meta",
            kind: "metadata-changed",
            severity: "info",
            pointer: "/examples/0",
            file: TINY,
            line: 36,
            message: 'example "hello" changed',
          },
        ],
      },
    ],
    [
      "a property written as a block mapping is located at its key, not at its first keyword",
      {
        after: edit(
          edit(MINIMAL_SPECS, TINY, '    temperature: { inferred: "fixture" }\n', '    temperature: { inferred: "fixture" }\n    seed: documented\n'),
          TINY,
          "      temperature: { type: number, minimum: 0, maximum: 2 }\n",
          "      temperature: { type: number, minimum: 0, maximum: 2 }\n      seed:\n        description: Sampling seed.\n        type: integer\n",
        ),
        want: [{ schema: "request", kind: "property-added", severity: "non-breaking", pointer: "/properties/seed", file: TINY, line: 29 }],
      },
    ],
    [
      "an example added",
      {
        after: edit(
          MINIMAL_SPECS,
          TINY,
          "    response: { text: hello }\n",
          "    response: { text: hello }\n  - name: bye\n    title: Bye\n    provenance: documented\n    request: { messages: [{ role: user, content: bye }] }\n",
        ),
        want: [
          {
            schema: "meta",
            kind: "metadata-changed",
            severity: "info",
            pointer: "/examples/1",
            file: TINY,
            line: 41,
            message: 'example "bye" added',
          },
        ],
      },
    ],
    [
      "a parameter now documented",
      {
        after: edit(MINIMAL_SPECS, TINY, 'temperature: { inferred: "fixture" }', "temperature: documented"),
        want: [
          {
            kind: "metadata-changed",
            severity: "info",
            pointer: "/request/parameters/temperature",
            line: 18,
            message: 'parameter "temperature" provenance changed from "inferred: fixture" to "documented"',
          },
        ],
      },
    ],
    [
      "a response schema now inferred",
      {
        after: edit(MINIMAL_SPECS, TINY, "response:\n  provenance: documented", 'response:\n  provenance: { inferred: "the page shows no answer" }'),
        want: [
          {
            kind: "metadata-changed",
            severity: "info",
            pointer: "/response/provenance",
            line: 29,
            message: 'response schema provenance changed from "documented" to "inferred: the page shows no answer"',
          },
        ],
      },
    ],
  ];

  it.each(cases)("%s", (_name, { before = MINIMAL_SPECS, after, want }) => {
    const got = diff(before, after);
    expect(got).toHaveLength(want.length);
    for (const [i, w] of want.entries()) expect(got[i]).toMatchObject(w);
  });

  it("offering removed: located in the base file", () => {
    const before = { ...MINIMAL_SPECS, "acme/small.yaml": SMALL };
    expect(brief(diff(before, MINIMAL_SPECS))).toEqual([
      { offering: "acme/small", schema: "meta", kind: "offering-removed", severity: "breaking", pointer: "", file: "acme/small.yaml", line: 1 },
    ]);
  });

  it("a removed and an added offering with the same schemas and another model id are a rename", () => {
    const { [TINY]: _tiny, ...rest } = MINIMAL_SPECS;
    const after = { ...rest, "acme/small.yaml": SMALL.replace("description: A tiny model.", "description: A small model.") };
    expect(brief(diff(MINIMAL_SPECS, after))).toEqual([
      { offering: "acme/small", schema: "meta", kind: "offering-renamed", severity: "breaking", pointer: "", file: "acme/small.yaml", line: 3 },
      {
        offering: "acme/small",
        schema: "meta",
        kind: "metadata-changed",
        severity: "info",
        pointer: "/description",
        file: "acme/small.yaml",
        line: 5,
      },
      { offering: "acme/small", schema: "meta", kind: "metadata-changed", severity: "info", pointer: "/name", file: "acme/small.yaml", line: 4 },
    ]);
  });

  it("the same model id under another slug is a rename, whatever else changed", () => {
    const { [TINY]: _tiny, ...rest } = MINIMAL_SPECS;
    const renamed = MINIMAL_SPECS[TINY]!.replace("slug: tiny", "slug: tiny-v1").replace("maximum: 2", "maximum: 1");
    expect(brief(diff(MINIMAL_SPECS, { ...rest, "acme/tiny-v1.yaml": renamed }))).toEqual([
      { offering: "acme/tiny-v1", schema: "meta", kind: "offering-renamed", severity: "breaking", pointer: "", file: "acme/tiny-v1.yaml", line: 3 },
      {
        offering: "acme/tiny-v1",
        schema: "request",
        kind: "bound-tightened",
        severity: "breaking",
        pointer: "/properties/temperature/maximum",
        file: "acme/tiny-v1.yaml",
        line: 27,
      },
    ]);
    expect(diff(MINIMAL_SPECS, { ...rest, "acme/tiny-v1.yaml": renamed })[0]!.message).toBe(
      'offering "acme/tiny" is now "acme/tiny-v1" (same model "acme-tiny-1")',
    );
  });

  it("the same slug with another model id is a model id change, not a rename", () => {
    const got = diff(MINIMAL_SPECS, edit(MINIMAL_SPECS, TINY, "model: acme-tiny-1", "model: acme-tiny-2"));
    expect(got.map((c) => [c.offering, c.kind, c.severity, c.message])).toEqual([
      ["acme/tiny", "model-id-changed", "breaking", 'model id changed from "acme-tiny-1" to "acme-tiny-2"'],
    ]);
  });

  it("an HTTP method change breaks callers (the meta-schema allows only POST today)", () => {
    const base = loadModel(textFiles(MINIMAL_SPECS));
    const [provider] = base.providers;
    const head = { ...base, providers: [{ ...provider!, transports: provider!.transports.map((t) => ({ ...t, method: "PUT" as "POST" })) }] };
    expect(diffModels(base, head).map((c) => [c.offering, c.schema, c.kind, c.severity, c.pointer, c.message])).toEqual([
      ["acme/tiny", "meta", "endpoint-changed", "breaking", "/transports/0/method", 'transport "rest": method changed from "POST" to "PUT"'],
    ]);
  });

  it("a removed and an added offering with different schemas are not a rename", () => {
    const { [TINY]: _tiny, ...rest } = MINIMAL_SPECS;
    const after = { ...rest, "acme/small.yaml": SMALL.replace("minimum: 0, maximum: 2", "minimum: 0, maximum: 1") };
    expect(diff(MINIMAL_SPECS, after).map((c) => [c.offering, c.kind])).toEqual([
      ["acme/small", "offering-added"],
      ["acme/tiny", "offering-removed"],
    ]);
  });

  it("sorts breaking first, then warning, non-breaking and info, and is deterministic", () => {
    let after = edit(MINIMAL_SPECS, TINY, "description: A tiny model.", "description: Smaller.");
    after = edit(after, TINY, "status: available", "status: deprecated");
    after = edit(after, TINY, "contextWindow: 8000", "contextWindow: 16000");
    after = edit(after, TINY, "minimum: 0, maximum: 2", "minimum: 0, maximum: 1");
    const got = diff(MINIMAL_SPECS, after);
    expect(got.map((c) => c.severity)).toEqual(["breaking", "warning", "non-breaking", "info"]);
    // Loaded again from the files listed in another order: the same report.
    const reversed = (specs: Specs) => Object.fromEntries(Object.entries(specs).reverse());
    expect(diff(reversed(MINIMAL_SPECS), reversed(after))).toEqual(got);
  });
});
