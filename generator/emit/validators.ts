/**
 * Validators emitter: ajv's standalone code, compiled ahead of time, as real ES modules.
 *
 * Ajv's standalone output still calls `require()` for its run-time helpers (ucs2length, formats,
 * deep equality). Those calls are replaced by lookups in one bundled ES module,
 * `runtime/ajv-helpers.js`, built with esbuild from the installed ajv and ajv-formats, so the
 * validators load in Node, browsers and Cloudflare Workers with no `require`, `eval` or
 * `new Function`.
 */
import { build } from "esbuild";
import { createRequire } from "node:module";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import { compileStandaloneSource } from "../ajv.js";
import { literal, PROTO_KEY } from "../escape.js";
import type { EmitContext, Emitter, GeneratedFile, Model, SchemaRole } from "../model.js";
import { PROJECT_ROOT } from "../options.js";
import { validationText } from "../schema-walk.js";
import { AJV_HELPERS_FILE, relativeImport, sharedOrigin } from "./paths.js";
import { sharedValidators } from "./shared.js";

const standaloneCode = ((standaloneCodeModule as unknown as { default?: typeof standaloneCodeModule }).default ??
  standaloneCodeModule) as typeof standaloneCodeModule;

const REQUIRE_CALL = /require\(("(?:[^"\\]|\\.)*")\)/g;
const HELPERS_NAME = "ajvHelpers";

/**
 * One validator per distinct schema of a provider, named by the hash of what decides validity
 * (`<provider>/validators/request-1a2b3c4d5e6f.js`), so output grows with the distinct schemas,
 * not with the offerings: each offering's module re-exports the ones it uses, typed for it.
 */
export const validatorsEmitter: Emitter = {
  name: "validators",
  async emit(model: Model, { cache, progress }: EmitContext): Promise<GeneratedFile[]> {
    const files: GeneratedFile[] = [];
    const helperModules = new Set<string>();
    const made = new Set<string>();
    const all = sharedValidators(model);
    for (const [done, { offering, section, path }] of all.entries()) {
      progress?.update("validators: offering schemas", done, all.length);
      if (made.has(path)) continue;
      made.add(path);
      const compiled = JSON.parse(
        await cache.memoAsync("validator", validationText(section.schema), async () => JSON.stringify(standaloneModule(section.schema))),
      ) as StandaloneModule;
      for (const m of compiled.helpers) helperModules.add(m);
      const imports = compiled.helpers.length
        ? `import { modules as ${HELPERS_NAME} } from ${literal(relativeImport(path, AJV_HELPERS_FILE))};\n`
        : "";
      files.push({ path, contents: imports + compiled.code, origin: sharedOrigin(offering.provider, section.role) });
      files.push({
        path: path.replace(/\.js$/, ".d.ts"),
        contents: validatorTypes(path, section.role),
        origin: sharedOrigin(offering.provider, section.role),
      });
    }
    const modules = [...helperModules].sort();
    const bundled = await cache.memoAsync("ajv-helpers", JSON.stringify(modules), () => helperBundle(modules));
    files.push(
      { path: AJV_HELPERS_FILE, contents: bundled, specs: [] },
      { path: AJV_HELPERS_FILE.replace(/\.js$/, ".d.ts"), contents: HELPER_TYPES, specs: [] },
    );
    return files;
  },
};

interface StandaloneModule {
  /** ES module text: ajv's standalone code with its `require`s turned into helper lookups. */
  code: string;
  /** The CommonJS helpers it uses, by `require` name. */
  helpers: string[];
}

function standaloneModule(schema: object): StandaloneModule {
  const code = compileStandalone(schema);
  const helpers = [...new Set([...code.matchAll(REQUIRE_CALL)].map((m) => JSON.parse(m[1]!) as string))].sort();
  // ES modules are always strict; the directive would only become a stray expression after the import.
  const body = code
    .replace(/^"use strict";/, "")
    .replace(REQUIRE_CALL, (_, specifier: string) => `${HELPERS_NAME}[${literal(JSON.parse(specifier))}]`);
  return { code: body, helpers };
}

function compileStandalone(schema: object): string {
  const { ajv, validate } = compileStandaloneSource(schema);
  return protoKeysComputed(standaloneCode(ajv, validate));
}

/**
 * Ajv writes schema values (`const`, `enum`, error params) into standalone code as JSON text,
 * where a `"__proto__"` key sets the object's prototype instead of a property: the validator would
 * then compare against a different value than the schema's. Each such key is rewritten computed,
 * `["__proto__"]`, as `literal` writes it. Found by parsing, so strings and comments are left alone.
 */
function protoKeysComputed(code: string): string {
  if (!code.includes("__proto__")) return code;
  // TypeScript's parser is loaded only for the rare schema that names `__proto__`: it is most of a cold start.
  const { ts } = createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph");
  const source = ts.createSourceFile("validator.js", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const spans: { start: number; end: number }[] = [];
  const visit = (node: import("ts-morph").ts.Node): void => {
    if (ts.isPropertyAssignment(node) && (ts.isStringLiteral(node.name) || ts.isIdentifier(node.name)) && node.name.text === "__proto__") {
      spans.push({ start: node.name.getStart(source), end: node.name.end });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return spans.reduceRight((text, { start, end }) => `${text.slice(0, start)}${PROTO_KEY}${text.slice(end)}`, code);
}

function validatorTypes(path: string, role: SchemaRole): string {
  const helpers = relativeImport(path, AJV_HELPERS_FILE);
  const what = role === "stream" ? "a stream event" : `a ${role}`;
  return [
    `import type { ValidateFunction } from ${literal(helpers)};`,
    `/** Checks ${what} against its schema; on failure \`.errors\` lists every problem with its \`instancePath\`. Each offering's module re-exports it typed for that offering. */`,
    "declare const validate: ValidateFunction<unknown>;",
    "export default validate;",
    "export { validate };",
    "",
  ].join("\n");
}

/** Helpers replaced by our own: ajv's deep equality throws on some JSON data (see `jsonEqual`). */
const REPLACED_HELPERS: Record<string, { source: string; expression: string }> = {
  "ajv/dist/runtime/equal": { source: 'import { jsonEqual } from "./generator/schema-walk.ts";', expression: "{ default: jsonEqual }" },
};

/** One ES module exporting the CommonJS helpers the validators use, keyed by their `require` name (esbuild bundles them). */
async function helperBundle(modules: string[]): Promise<string> {
  const imports = modules.flatMap((m) => (REPLACED_HELPERS[m] ? [REPLACED_HELPERS[m].source] : []));
  const members = modules.map((m) => `  ${literal(m)}: ${REPLACED_HELPERS[m]?.expression ?? `require(${literal(m)})`},`);
  const entry = `${imports.join("\n")}\nexport const modules = {\n${members.join("\n")}\n};\n`;
  const result = await build({
    stdin: { contents: entry, resolveDir: PROJECT_ROOT, sourcefile: "ajv-helpers-entry.js", loader: "js" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["main", "module"],
    target: "es2020",
    write: false,
    legalComments: "none",
    // esbuild's CommonJS wrapper is named `__require`; short names keep `require(` out of the output entirely.
    minifyIdentifiers: true,
    charset: "utf8",
    absWorkingDir: PROJECT_ROOT,
    logLevel: "silent",
  });
  return (
    result.outputFiles[0]!.text.replace(/^\/\/ (node_modules|generator|ajv-helpers-entry)\/.*$\n/gm, "")
      // ajv's helpers carry their own source as strings (`ucs2length.code = 'require("…")'`) for
      // ajv's code generator. They are never called; writing `(` as \u0028 keeps the string's value
      // and leaves `require(` out of the text, so a plain search finds real calls only (there are none).
      .replace(/(['"])require\(/g, "$1require\\u0028")
  );
}

/** The declarations of `runtime/ajv-helpers.js`. */
const HELPER_TYPES = [
  "/** One problem found by a validator, as ajv reports it. */",
  "export interface ValidationError {",
  "  instancePath: string;",
  "  schemaPath: string;",
  "  keyword: string;",
  "  params: Record<string, unknown>;",
  "  message?: string;",
  "}",
  "/** An ajv-style validator: returns whether `data` is valid and leaves the problems in `errors`. */",
  "export interface ValidateFunction<T> {",
  "  (data: unknown, context?: { instancePath?: string }): data is T;",
  "  errors?: ValidationError[] | null;",
  "}",
  "export declare const modules: Record<string, unknown>;",
  "",
].join("\n");
