/**
 * `modelspec init`: a starter spec folder (one provider, one offering that generates as it is)
 * and the npm scripts and package setting in the project's package.json. It never overwrites a
 * spec; every problem names its path relative to where the command ran.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { shownPath } from "./diagnostics.js";
import type { Io } from "./io.js";

export const INIT_HELP = `Usage: modelspec init [--schemas DIR] [--name PACKAGE]

Writes a starter spec folder (DIR/example/provider.yaml and DIR/example/chat.yaml, an invented
provider with one offering that generates as it is) and adds to the project's package.json the
scripts "generate" and "generate:check" and the generated package's name and version
("modelspec": { "package": { "name", "version" } }). Existing specs are never overwritten.

Options:
  --schemas DIR    Folder of the specs (default: schemas/)
  --name PACKAGE   The generated package's name (default: the project's name + "-models")
  -h, --help       Show this help`;

const PROVIDER = `# A provider: its transports (how a request travels) and its error envelope.
id: example
name: Example AI
docsUrl: https://api.example.com/docs
retryStatuses: [429, 500, 503]
errors:
  provenance: documented
  pointer: /error
  fields: { message: message, code: code }
  schema:
    type: object
    properties:
      error: { type: object, properties: { message: { type: string }, code: { type: string } } }
transports:
  - id: rest
    kind: http
    description: JSON over HTTPS with a bearer key.
    provenance: documented
    baseUrl: https://api.example.com
    method: POST
    path: /v1/chat
    auth: { scheme: bearer }
    requestBody: { kind: plain }
    responseBody: { kind: plain }
`;

const OFFERING = `# One offering: a model at this provider, its limits, its request and response schemas.
provider: example
slug: chat
model: example-chat-1
name: Example Chat
description: A chat model.
status: available
contextWindow: 8000
maxOutputTokens: 1000
inputModalities: [text]
outputModalities: [text]
source: { seed: starter, section: written by modelspec init }
request:
  provenance: documented
  parameters:
    model: documented
    messages: documented
    messages[].role: documented
    messages[].content: documented
    temperature: documented
  schema:
    type: object
    required: [model, messages]
    properties:
      # The model id, which the client fills in (a \`const\` in the request: every call names the model).
      model: { type: string, const: example-chat-1 }
      messages:
        type: array
        minItems: 1
        items:
          type: object
          required: [role, content]
          properties:
            role: { enum: [user, assistant] }
            content: { type: string, minLength: 1 }
      temperature: { type: number, minimum: 0, maximum: 2 }
response:
  provenance: documented
  schema:
    type: object
    required: [text]
    properties:
      text: { type: string }
examples:
  - name: hello
    title: Hello
    provenance: documented
    request: { model: example-chat-1, messages: [{ role: user, content: Hello }] }
    response: { text: Hello! }
`;

export const INIT_SCRIPTS: Readonly<Record<string, string>> = {
  generate: "modelspec generate",
  "generate:check": "modelspec generate --check",
};

/** An error `main` prints as it is, exit 2. */
export class InitError extends Error {}

export async function initCommand(argv: string[], io: Io, cwd = process.cwd()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { schemas: { type: "string" }, name: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
  });
  if (values.help) {
    io.out(INIT_HELP);
    return 0;
  }
  const shown = (file: string) => shownPath(file, cwd);
  const schemas = path.resolve(cwd, values.schemas ?? "schemas");
  const specs: [string, string][] = [
    [path.join(schemas, "example", "provider.yaml"), PROVIDER],
    [path.join(schemas, "example", "chat.yaml"), OFFERING],
  ];
  const existing = specs.filter(([file]) => existsSync(file)).map(([file]) => shown(file));
  if (existing.length)
    throw new InitError(`modelspec init: ${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""}; nothing was written`);

  const manifestFile = path.join(cwd, "package.json");
  let manifest: Record<string, unknown> = {
    name: path
      .basename(cwd)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-"),
    private: true,
    type: "module",
  };
  if (existsSync(manifestFile)) {
    try {
      manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Record<string, unknown>;
    } catch (error) {
      throw new InitError(`modelspec init: ${shown(manifestFile)} is not valid JSON (${(error as Error).message})`);
    }
    if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest))
      throw new InitError(`modelspec init: ${shown(manifestFile)} is not a JSON object`);
  }
  const base = typeof manifest.name === "string" && manifest.name ? manifest.name : "my";
  const name = values.name ?? `${base}-models`;
  const scripts = { ...(manifest.scripts as Record<string, string> | undefined) };
  for (const [script, command] of Object.entries(INIT_SCRIPTS)) scripts[script] ??= command;
  const setting = { ...(manifest.modelspec as Record<string, unknown> | undefined), package: { name, version: "0.1.0" } };
  const updated = { ...manifest, scripts, modelspec: setting };

  for (const [file, text] of specs) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text, { flag: "wx" });
  }
  await writeFile(manifestFile, `${JSON.stringify(updated, null, 2)}\n`);
  io.out(
    [
      `modelspec: wrote ${specs.map(([file]) => shown(file)).join(", ")}`,
      `modelspec: ${shown(manifestFile)}: scripts ${Object.keys(INIT_SCRIPTS).join(", ")}; generated package ${JSON.stringify(name)} 0.1.0`,
      "Next: npm run generate (writes generated/, a package of its own), then edit the specs.",
    ].join("\n"),
  );
  return 0;
}
