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
import { standaloneValidator } from "../ajv.js";
import { literal } from "../escape.js";
import type { EmitContext, Emitter, GeneratedFile, Model, SchemaRole } from "../model.js";
import { PROJECT_ROOT } from "../options.js";
import { HELPERS_NAME } from "../standalone.js";
import { AJV_HELPERS_FILE, relativeImport, sharedOrigin } from "./paths.js";
import { sharedValidators } from "./shared.js";

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
      const compiled = await standaloneValidator(section.schema, cache);
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
  // The runtime's TypeScript source by name: built (dist/) it sits beside its transpiled copy, which would print differently.
  "ajv/dist/runtime/equal": { source: 'import { jsonEqual } from "./generator/runtime/json.ts";', expression: "{ default: jsonEqual }" },
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
    // esbuild names each bundled module's path in a comment line; where the packages sit differs between a checkout and an install.
    result.outputFiles[0]!.text.replace(/^\/\/ (?:\.\.\/)*[\w@.-]+(?:\/[\w@.-]+)*\.(?:[cm]?js|ts)$\n/gm, "")
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
