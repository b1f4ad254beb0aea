/**
 * Malformed spec sets, each a small valid fixture (test/helpers.ts MINIMAL_SPECS) broken in one
 * way. Shared by the command-line test (malformed-cli.test.ts), which pins each message.
 */
import { MAX_SPEC_NESTING } from "../../generator/options.js";
import { MINIMAL_SPECS } from "../helpers.js";

export const TINY = "acme/tiny.yaml";
const CHAT = "acme/shared/chat.yaml";

export type SpecSet = Record<string, string | Uint8Array | { sizeBytes: number; fill?: string; head?: string }>;

export function edit(file: string, from: string, to: string): Record<string, string> {
  const text = MINIMAL_SPECS[file]!;
  if (!text.includes(from)) throw new Error(`fixture has no ${JSON.stringify(from)}`);
  return { ...MINIMAL_SPECS, [file]: text.replace(from, to) };
}

const TEMPERATURE = "temperature: { type: number, minimum: 0, maximum: 2 }";

function aliasBomb(): string {
  const lines = ["x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (let i = 1; i < 9; i++) {
    const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
    lines.push(`x-${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
  }
  return `${lines.join("\n")}\n`;
}

export const MEGABYTE = 1024 * 1024;

/** [what is wrong, the spec files] */
export const MALFORMED: [string, () => SpecSet][] = [
  ["YAML syntax error", () => edit(TINY, "name: Acme Tiny", "name: [Acme Tiny")],
  ["duplicate key", () => edit(TINY, "name: Acme Tiny", "name: Acme Tiny\nname: Again")],
  ["tab indentation", () => edit(TINY, "  provenance: documented\n  parameters:", "  provenance: documented\n\tparameters:")],
  ["wrong type", () => edit(TINY, "contextWindow: 8000", "contextWindow: lots")],
  ["missing required field", () => edit(TINY, "model: acme-tiny-1\n", "")],
  ["unknown key", () => edit(TINY, "status: available", "status: available\nstatsu: available")],
  ["$ref to nothing", () => edit(TINY, "shared/chat.yaml#/$defs/Message", "shared/chat.yaml#/$defs/Mesage")],
  ["$ref cycle", () => ({ ...MINIMAL_SPECS, [CHAT]: "$defs:\n  Message: { $ref: '#/$defs/Other' }\n  Other: { $ref: '#/$defs/Message' }\n" })],
  ["offering whose provider does not exist", () => edit(TINY, "provider: acme", "provider: acne")],
  ["two offerings with one id", () => ({ ...MINIMAL_SPECS, "acme/tiny-copy.yaml": MINIMAL_SPECS[TINY]! })],
  ["empty file", () => ({ ...MINIMAL_SPECS, [TINY]: "" })],
  [
    "binary file",
    () => ({ ...MINIMAL_SPECS, [TINY]: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]) }),
  ],
  ["a 50 MB file", () => ({ ...MINIMAL_SPECS, [TINY]: { sizeBytes: 50 * MEGABYTE, head: 'provider: acme\ndescription: "', fill: "x" } })],
  // A sparse file: reading it would take minutes (or fail past 2 GiB); refusing it by its size takes a stat.
  ["an 8 GiB file (refused by its size, never read)", () => ({ ...MINIMAL_SPECS, [TINY]: { sizeBytes: 8 * 1024 * MEGABYTE } })],
  ["invalid UTF-8", () => ({ ...MINIMAL_SPECS, [TINY]: Uint8Array.from([0x69, 0x64, 0x3a, 0x20, 0xc3, 0x28, 0x0a]) })],
  ["an alias bomb (billion laughs)", () => ({ ...MINIMAL_SPECS, [TINY]: aliasBomb() + MINIMAL_SPECS[TINY]! })],
  [
    "nesting deeper than the limit",
    () => edit(TINY, TEMPERATURE, `temperature: ${"{ not: ".repeat(MAX_SPEC_NESTING)}{}${" }".repeat(MAX_SPEC_NESTING)}`),
  ],
  ["a pattern that is invalid with the u flag", () => edit(TINY, TEMPERATURE, "temperature: { type: string, pattern: 'a\\-b' }")],
  ["$ref to something that is not a schema", () => edit(TINY, "shared/chat.yaml#/$defs/Message", "shared/chat.yaml#/$defs/Message/required")],
  [
    "control characters and line breaks in a file name and a key (cannot forge lines or drive the terminal)",
    () => ({
      ...MINIMAL_SPECS,
      "acme/x\n::error::forged\u001b]0;title\u0007.yaml": `"\\e[2J\\n::error file=x::forged\\u2028": 1\n${MINIMAL_SPECS[TINY]!.replace("slug: tiny", "slug: evil")}`,
    }),
  ],
  ["a required key no property defines (refused by ajv)", () => edit(TINY, "required: [messages]", "required: [messages, mesages]")],
];
