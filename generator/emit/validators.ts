/**
 * Validators emitter: ajv's standalone code, compiled ahead of time, as real ES modules.
 *
 * Ajv's standalone output still calls `require()` for its run-time helpers (ucs2length, formats,
 * deep equality). Each becomes a named import from one bundled ES module, `runtime/ajv-helpers.js`,
 * built with esbuild from the installed ajv and ajv-formats, so the validators load in Node,
 * browsers and Cloudflare Workers with no `require`, `eval` or `new Function`, and an app's bundle
 * keeps only the helpers (the formats) its validators use.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";
import { standaloneValidator } from "../ajv.js";
import { commentText, literal } from "../escape.js";
import type { EmitContext, Emitter, GeneratedFile, Model, SchemaRole } from "../model.js";
import { PROJECT_ROOT } from "../options.js";
import { recallFiles, rememberFiles } from "../recall.js";
import { type HelperRef, helperName } from "../standalone.js";
import { AJV_HELPERS_FILE, relativeImport, sharedOrigin } from "./paths.js";
import { sharedValidators } from "./shared.js";

/**
 * One validator per distinct schema of a provider, named by the hash of what decides validity
 * (`<provider>/validators/request-1a2b3c4d5e6f.js`), so output grows with the distinct schemas,
 * not with the offerings: each offering's module re-exports the ones it uses, typed for it.
 */
export const validatorsEmitter: Emitter = {
  name: "validators",
  async emit(model: Model, context: EmitContext): Promise<GeneratedFile[]> {
    const { cache, progress } = context;
    const files: GeneratedFile[] = [];
    const helpers = new Map<string, HelperRef>();
    const made = new Set<string>();
    const all = sharedValidators(model);
    for (const [done, { offering, section, path, hash }] of all.entries()) {
      progress?.update("validators: offering schemas", done, all.length);
      if (made.has(path)) continue;
      made.add(path);
      const origin = sharedOrigin(offering.provider, section.role);
      // A validator is made from what decides validity (its hash) and its place: stored under them
      // with the helpers it uses, it is recalled finished, its text neither read, compiled, formatted nor hashed again.
      const key = JSON.stringify(["validator", path, hash, origin]);
      const recalled = recallFiles(context, key);
      const uses = recalled?.note === undefined ? undefined : readHelpers(recalled.note);
      if (recalled && uses) {
        for (const ref of uses) helpers.set(helperName(ref), ref);
        files.push(...recalled.files);
        continue;
      }
      const compiled = await standaloneValidator(section.schema, cache);
      for (const ref of compiled.helpers) helpers.set(helperName(ref), ref);
      const names = compiled.helpers.map(helperName);
      const imports = names.length ? `import { ${names.join(", ")} } from ${literal(relativeImport(path, AJV_HELPERS_FILE))};\n` : "";
      const pair: GeneratedFile[] = [
        { path, contents: imports + compiled.code, origin },
        { path: path.replace(/\.js$/, ".d.ts"), contents: validatorTypes(path, section.role), origin },
      ];
      files.push(...rememberFiles(context, key, pair, JSON.stringify(compiled.helpers)));
    }
    const used = [...helpers.keys()].sort().map((name) => helpers.get(name)!);
    const bundled = await cache.memoAsync("ajv-helpers", JSON.stringify(used), () => helperBundle(used));
    files.push(
      { path: AJV_HELPERS_FILE, contents: bundled, specs: [] },
      { path: AJV_HELPERS_FILE.replace(/\.js$/, ".d.ts"), contents: helperTypes(used), specs: [] },
    );
    return files;
  },
};

/** The helpers a stored validator uses, as `rememberFiles` noted them; undefined when the note is damaged. */
function readHelpers(note: string): HelperRef[] | undefined {
  try {
    const refs = JSON.parse(note) as HelperRef[];
    return Array.isArray(refs) && refs.every((r) => typeof r?.module === "string" && Array.isArray(r.path)) ? refs : undefined;
  } catch {
    return undefined;
  }
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
const REPLACED_HELPERS: Record<string, { module: string; name: string }> = {
  // The runtime's TypeScript source by name: built (dist/) it sits beside its transpiled copy, which would print differently.
  "ajv/dist/runtime/equal": { module: "./generator/runtime/json.ts", name: "jsonEqual" },
};

/** The label put before the CommonJS export statements of a helper's module, which esbuild then drops (`dropLabels`). */
const DROP = "MODELSPEC_DROP";
/** A line that starts a top-level statement which is no declaration: `exports.x = …`, `Object.defineProperty(exports, …)`, `f.code = …`. */
const TOP_LEVEL_EXPRESSION = /^(?!function\b|async\b|const\b|let\b|var\b|class\b|["']use strict["']|\/\/|\/\*|[}\])\s]|$)/gm;
const ESM_PREFIX = "modelspec-esm:";

/**
 * How the bundle reaches a helper. A function declared at the top of its CommonJS module (ajv's
 * `ucs2length`, ajv-formats' `uri`) is exported from an ES copy of that module without its export
 * statements, so esbuild keeps that function and what it uses, not the rest of the file (every other
 * format). Anything else (a format object such as `date`'s) is read from the module whole, inside a
 * function call marked pure, so an app's bundler still drops it when no validator uses it.
 */
function helperExport(ref: HelperRef, require: NodeRequire): string {
  const name = helperName(ref);
  const replaced = REPLACED_HELPERS[ref.module];
  if (replaced && ref.path.join(".") === "default") return `export { ${replaced.name} as ${name} } from ${literal(replaced.module)};`;
  const file = require.resolve(ref.module);
  const value = ref.path.reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], require(ref.module));
  const source = readFileSync(file, "utf8");
  if (typeof value === "function" && /^[A-Za-z_$][\w$]*$/.test(value.name)) {
    const text = Function.prototype.toString.call(value);
    // Declared at the top (column 0) of its file, so the ES copy has it by that name.
    if (text.startsWith(`function ${value.name}(`) && (source.startsWith(text) || source.includes(`\n${text}`))) {
      return `export { ${value.name} as ${name} } from ${literal(ESM_PREFIX + file)};`;
    }
  }
  const access = ref.path.map((key) => `[${literal(key)}]`).join("");
  return `export const ${name} = /* @__PURE__ */ (() => require(${literal(ref.module)})${access})();`;
}

/** A CommonJS module's text as an ES module: its export statements labelled for dropping, each top-level function exported by name. */
function esmCopy(source: string): string {
  const functions = [...source.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]!);
  return `${source.replace(TOP_LEVEL_EXPRESSION, `${DROP}: `)}\nexport { ${functions.join(", ")} };\n`;
}

/** One ES module exporting each helper the validators use under its `helperName` (esbuild bundles them). */
async function helperBundle(helpers: HelperRef[]): Promise<string> {
  const require = createRequire(path.join(PROJECT_ROOT, "package.json"));
  const entry = `${helpers.map((ref) => helperExport(ref, require)).join("\n")}\n`;
  const result = await build({
    stdin: { contents: entry, resolveDir: PROJECT_ROOT, sourcefile: "ajv-helpers-entry.js", loader: "js" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["main", "module"],
    target: "es2020",
    write: false,
    legalComments: "none",
    dropLabels: [DROP],
    // esbuild's CommonJS wrapper is named `__require`; short names keep `require(` out of the output entirely.
    minifyIdentifiers: true,
    charset: "utf8",
    absWorkingDir: PROJECT_ROOT,
    logLevel: "silent",
    plugins: [
      {
        name: "commonjs-declarations",
        setup(esbuild) {
          esbuild.onResolve({ filter: /^modelspec-esm:/ }, (args) => ({ path: args.path.slice(ESM_PREFIX.length), namespace: "esm-copy" }));
          // The module's text with its top-level expression statements (the CommonJS exports) labelled for dropping.
          esbuild.onLoad({ filter: /.*/, namespace: "esm-copy" }, (args) => ({
            contents: esmCopy(readFileSync(args.path, "utf8")),
            loader: "js",
            resolveDir: path.dirname(args.path),
          }));
        },
      },
    ],
  });
  const text =
    // esbuild names each bundled module's path in a comment line; where the packages sit differs between a checkout and an install.
    result.outputFiles[0]!.text.replace(/^\/\/ (?:(?:\.\.\/)*[\w@.-]+(?:\/[\w@.-]+)*\.(?:[cm]?js|ts)|esm-copy:.*)$\n/gm, "")
      // ajv's helpers carry their own source as strings (`ucs2length.code = 'require("…")'`) for
      // ajv's code generator. They are never called; writing `(` as \u0028 keeps the string's value
      // and leaves `require(` out of the text, so a plain search finds real calls only (there are none).
      .replace(/(['"])require\(/g, "$1require\\u0028");
  // An ES copy whose kept code still reached for the CommonJS `exports` would fail only when called: refuse it here.
  if (/\bexports\./.test(text)) throw new Error("runtime/ajv-helpers.js: a helper taken from an ES copy still uses `exports`");
  return text;
}

/** The declarations of `runtime/ajv-helpers.js`. */
function helperTypes(helpers: HelperRef[]): string {
  return [
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
    ...helpers.map(
      (ref) =>
        `/** ajv's run-time helper ${[ref.module, ...ref.path].map((p) => `\`${commentText(p)}\``).join(" → ")}. */\nexport declare const ${helperName(ref)}: unknown;`,
    ),
    "",
  ].join("\n");
}
