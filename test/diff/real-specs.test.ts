/**
 * `diffModels` on the repository's own specs: nothing between them and themselves, nothing in a
 * pure refactor, and a change in a shared definition located in the shared file for every
 * offering that uses it.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readSpecDir } from "../../generator/load.js";
import { SCHEMAS_DIR } from "../helpers.js";
import { diffSpecs as diff, edit } from "./helpers.js";

/**
 * The offerings whose request schema is the shared file's `Request`, read from the specs (a spec
 * added beside them is in the list, and its change is expected too).
 */
function offeringsUsing(text: Record<string, string>, shared: string): string[] {
  const [provider, folder] = shared.split("/");
  const ref = `${shared.slice(`${provider}/`.length)}#/$defs/Request`;
  const ids = Object.entries(text)
    .filter(([name]) => name.startsWith(`${provider}/`) && !name.startsWith(`${provider}/${folder}/`) && name.endsWith(".yaml"))
    .map(([, source]) => parse(source) as { provider?: string; slug?: string; request?: { schema?: { $ref?: string } } })
    .filter((spec) => spec.request?.schema?.$ref === ref)
    .map((spec) => `${spec.provider}/${spec.slug}`);
  if (ids.length === 0)
    throw new Error(`no offering under schemas/${provider}/ takes its request schema from ${ref}: update this test's shared file`);
  return ids.sort();
}

describe("diffModels on the real specs", () => {
  it("finds nothing between schemas/ and itself, and a shared-definition change in every offering that uses it", async () => {
    const files = await readSpecDir(SCHEMAS_DIR);
    const text = Object.fromEntries([...files].map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
    // Two loads (the files listed in another order), not one model compared with itself.
    expect(diff(text, Object.fromEntries(Object.entries(text).reverse()))).toEqual([]);
    const shared = "cloudflare/shared/chat-completions.yaml";
    const after = edit(text, shared, "enum: [system, developer, user, assistant, tool]", "enum: [system, developer, user, assistant]");
    const got = diff(text, after);
    // Located on the line of the enum in the shared file, for every offering that references it.
    const line = after[shared]!.split("\n").findIndex((l) => l.includes("enum: [system, developer, user, assistant]")) + 1;
    expect(line).toBeGreaterThan(1);
    expect(got.map((c) => [c.offering, c.schema, c.kind, c.severity, c.pointer, c.file, c.line])).toEqual(
      offeringsUsing(text, shared).map((o) => [
        o,
        "request",
        "enum-value-removed",
        "breaking",
        "/properties/messages/items/properties/role/enum",
        shared,
        line,
      ]),
    );
    expect(got[0]!.message).toBe('enum value "tool" removed [shared definition Message]');
  });

  it("finds nothing in a pure refactor: a definition moved to another file, one renamed, an anyOf written as a type array", async () => {
    const files = await readSpecDir(SCHEMAS_DIR);
    const text = Object.fromEntries([...files].map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
    const shared = "cloudflare/shared/chat-completions.yaml";
    const source = text[shared]!;
    const message = source.slice(source.indexOf("  Message:\n"), source.indexOf("  Response:\n"));
    const anyOf = '        anyOf:\n          - type: string\n          - type: "null"\n          - type: array\n            items: {}\n';
    expect(message).toContain(anyOf);
    const refactored = source
      .replace(message, "")
      .replace('items: { $ref: "#/$defs/Message" }', 'items: { $ref: "messages.yaml#/$defs/Message" }')
      .replaceAll('$ref: "#/$defs/Usage"', '$ref: "#/$defs/TokenUsage"')
      .replace("\n  Usage:\n", "\n  TokenUsage:\n");
    expect(refactored).not.toContain("#/$defs/Usage");
    const moved = `$defs:\n${message.replace(anyOf, '        type: [array, string, "null"]\n        items: {}\n')}`;
    const after = { ...text, [shared]: refactored, "cloudflare/shared/messages.yaml": moved };
    expect(diff(text, after)).toEqual([]);
  });

  it("finds nothing when Anyfast's enum becomes a oneOf of described consts, its tagged unions oneOf, and Usage moves to its own file", async () => {
    const files = await readSpecDir(SCHEMAS_DIR);
    const text = Object.fromEntries([...files].map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
    const shared = "anyfast/shared/responses-api.yaml";
    const statuses = ["completed", "failed", "in_progress", "incomplete", "cancelled", "queued"];
    let source = edit(
      text,
      shared,
      `    type: string\n    enum: [${statuses.join(", ")}]\n`,
      `    type: string\n    oneOf:\n${statuses.map((s) => `      - const: ${s}\n        description: The response is ${s}.\n`).join("")}`,
    )[shared]!;
    source = source.replace("unconfirmed, so both are accepted.\n    anyOf:", "unconfirmed, so both are accepted.\n    oneOf:");
    source = source.replace(
      "      error:\n        description: Set when status is `failed`.\n        anyOf:",
      "      error:\n        description: Set when status is `failed`.\n        oneOf:",
    );
    const usage = source.slice(source.indexOf("  Usage:\n"), source.indexOf("  StreamEvent:\n"));
    source = source.replace(usage, "").replace('usage: { $ref: "#/$defs/Usage" }', 'usage: { $ref: "usage.yaml#/$defs/TokenUsage" }');
    expect(source.match(/oneOf:/g)).toHaveLength(3);
    expect(usage).toContain("input_tokens:");
    const after = { ...text, [shared]: source, "anyfast/shared/usage.yaml": `$defs:\n${usage.replace("  Usage:\n", "  TokenUsage:\n")}` };
    expect(diff(text, after)).toEqual([]);
    // The same edit with one status dropped is one change, in the response and in the stream.
    const dropped = { ...after, [shared]: source.replace("      - const: queued\n        description: The response is queued.\n", "") };
    expect(diff(text, dropped).map((c) => [c.schema, c.pointer, c.kind, c.severity])).toEqual([
      ["response", "/properties/status/oneOf", "enum-value-removed", "non-breaking"],
      ["stream", "/oneOf/0/properties/response/properties/status/oneOf", "enum-value-removed", "non-breaking"],
    ]);
  });
});
