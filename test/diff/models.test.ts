/**
 * `diffModels`: offerings added, removed and renamed, metadata (model id, status, limits,
 * modalities), provider transports, and schema changes located in their spec files.
 */
import { describe, expect, it } from "vitest";
import type { Change } from "../../generator/diff/kinds.js";
import { diffModels, statusSeverity } from "../../generator/diff/models.js";
import { specLocator } from "../../generator/diff/source.js";
import { loadModel } from "../../generator/generate.js";
import { readSpecDir } from "../../generator/load.js";
import { MINIMAL_SPECS, SCHEMAS_DIR, textFiles } from "../helpers.js";
import { edit, type Specs } from "./helpers.js";

const TINY = "acme/tiny.yaml";
const PROVIDER = "acme/provider.yaml";

function diff(before: Specs, after: Specs): Change[] {
  const b = textFiles(before);
  const a = textFiles(after);
  return diffModels(loadModel(b), loadModel(a), { locate: { base: specLocator(b), head: specLocator(a) } });
}

const brief = (changes: Change[]) =>
  changes.map((c) => ({ offering: c.offering, schema: c.schema, kind: c.kind, severity: c.severity, pointer: c.pointer, file: c.file, line: c.line }));

/** A second offering of the same provider, same schemas as tiny. */
const SMALL = MINIMAL_SPECS[TINY]!.replace("slug: tiny", "slug: small")
  .replace("model: acme-tiny-1", "model: acme-small-1")
  .replace("name: Acme Tiny", "name: Acme Small");

describe("diffModels metadata", () => {
  it("reports nothing for identical specs", () => {
    expect(diff(MINIMAL_SPECS, MINIMAL_SPECS)).toEqual([]);
  });

  const cases: [string, { after: Specs; want: Partial<Change>[] }][] = [
    [
      "context window lowered",
      {
        after: edit(MINIMAL_SPECS, TINY, "contextWindow: 8000", "contextWindow: 4000"),
        want: [{ offering: "acme/tiny", schema: "meta", kind: "context-window-lowered", severity: "breaking", pointer: "/contextWindow", file: TINY, line: 7 }],
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
      "max output tokens no longer stated",
      {
        after: edit(MINIMAL_SPECS, TINY, "maxOutputTokens: 1000", "maxOutputTokens: null"),
        want: [{ kind: "max-output-tokens-unstated", severity: "info", pointer: "/maxOutputTokens" }],
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
      "status back to coming-soon",
      {
        after: edit(MINIMAL_SPECS, TINY, "status: available", "status: coming-soon"),
        want: [{ kind: "status-changed", severity: "breaking", pointer: "/status" }],
      },
    ],
    [
      "input modality removed and another added",
      {
        after: edit(MINIMAL_SPECS, TINY, "inputModalities: [text]", "inputModalities: [image]"),
        want: [
          { kind: "modality-removed", severity: "breaking", pointer: "/inputModalities" },
          { kind: "modality-added", severity: "non-breaking", pointer: "/inputModalities" },
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
      "stream schema added",
      {
        after: edit(
          MINIMAL_SPECS,
          TINY,
          "examples:\n",
          "stream:\n  provenance: documented\n  schema: { type: object, properties: { delta: { type: string } } }\nexamples:\n",
        ),
        want: [{ schema: "meta", kind: "streaming-added", severity: "non-breaking", pointer: "/stream", file: TINY, line: 36 }],
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
      "a response property removed is located at its base line",
      {
        after: edit(
          edit(edit(MINIMAL_SPECS, TINY, "      text: { type: string }\n", "      answer: { type: string }\n"), TINY, "required: [text]", "required: [answer]"),
          TINY,
          "response: { text: hello }",
          "response: { answer: hello }",
        ),
        want: [
          { schema: "response", kind: "property-removed", severity: "breaking", pointer: "/properties/text", file: TINY, line: 34 },
          { schema: "response", kind: "property-added-required", severity: "non-breaking", pointer: "/properties/answer", file: TINY, line: 34 },
        ],
      },
    ],
  ];

  it.each(cases)("%s", (_name, { after, want }) => {
    const got = diff(MINIMAL_SPECS, after);
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
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
      { offering: "acme/small", schema: "meta", kind: "metadata-changed", severity: "info", pointer: "/description", file: "acme/small.yaml", line: 5 },
      { offering: "acme/small", schema: "meta", kind: "metadata-changed", severity: "info", pointer: "/name", file: "acme/small.yaml", line: 4 },
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
    expect(diff(MINIMAL_SPECS, after)).toEqual(got);
  });

  it("status severities", () => {
    expect([
      statusSeverity("available", "beta"),
      statusSeverity("beta", "available"),
      statusSeverity("deprecated", "coming-soon"),
      statusSeverity("coming-soon", "deprecated"),
    ]).toEqual(["warning", "non-breaking", "breaking", "warning"]);
  });
});

describe("diffModels on the real specs", () => {
  it("finds nothing between schemas/ and itself, and a shared-definition change in every offering that uses it", async () => {
    const files = await readSpecDir(SCHEMAS_DIR);
    const text = Object.fromEntries([...files].map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
    expect(diff(text, text)).toEqual([]);
    const shared = "cloudflare/shared/chat-completions.yaml";
    const after = edit(text, shared, "enum: [system, developer, user, assistant, tool]", "enum: [system, developer, user, assistant]");
    const got = diff(text, after);
    expect(got.map((c) => [c.offering, c.schema, c.kind, c.severity, c.pointer, c.file])).toEqual(
      ["cloudflare/gpt-5.4", "cloudflare/gpt-5.4-mini", "cloudflare/gpt-5.4-nano"].map((o) => [
        o,
        "request",
        "enum-value-removed",
        "breaking",
        "/properties/messages/items/properties/role/enum",
        shared,
      ]),
    );
    expect(got[0]!.message).toBe('enum value "tool" removed [shared definition Message]');
  });
});
