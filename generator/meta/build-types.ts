/**
 * Writes `spec-types.ts`, the TypeScript shapes of checked spec files, from the meta-schemas beside
 * it (json-schema-to-typescript), so the shape of a spec is written once. `npm run meta-types`
 * rewrites the file; `test/one-home/meta-types.test.ts` fails when it is stale.
 *
 * The types describe a file that passed every check: an `if: isTodo` branch (a gap `modelspec
 * import` left) is dropped, because a spec with a gap never reaches the stages that read these types.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "json-schema-to-typescript";
import { parse } from "yaml";
import { splitRef } from "../diagnostics.js";
import { isObject, keywordShape } from "../schema-walk.js";

const META_DIR = path.dirname(fileURLToPath(import.meta.url));
export const SPEC_TYPES_FILE = path.join(META_DIR, "spec-types.ts");

/** The named types: each meta-schema root and the definitions worth a name, by `file#/$defs/name`. */
const NAMES: Record<string, string> = {
  "provider.json": "ProviderFile",
  "offering.json": "OfferingFile",
  "fragment.json": "FragmentFile",
  "provider.json#/$defs/httpTransport": "HttpTransportSpec",
  "provider.json#/$defs/bindingTransport": "BindingTransportSpec",
  "provider.json#/$defs/streaming": "StreamingSpec",
  "provider.json#/$defs/enableSwitch": "EnableSwitchSpec",
  "common.json#/$defs/provenance": "ProvenanceSpec",
  "common.json#/$defs/pricing": "PricingSpec",
  "offering.json#/$defs/schemaSection": "SchemaSectionSpec",
};

const IS_TODO = "common.json#/$defs/isTodo";

type Node = Record<string, unknown>;

function load(name: string): Node {
  return parse(readFileSync(path.join(META_DIR, `${name}.yaml`), "utf8")) as Node;
}

/**
 * The meta-schemas of `rootNames` made plain for json-schema-to-typescript, as one schema: a `$ref`
 * to a definition in NAMES points into its `$defs` (declared once, under that name), any other is
 * replaced by its target; JSON Schemas are typed `JsonSchema`, and `if`/`then`/`else` is read as the
 * union it means.
 */
function plain(rootNames: readonly string[]): { roots: Node; defs: Node } {
  const files = new Map<string, Node>();
  const file = (name: string) => {
    if (!files.has(name)) files.set(name, load(name.replace(/\.json$/, "")));
    return files.get(name)!;
  };
  const resolve = (ref: string, from: string): { node: unknown; key: string } => {
    const { file: target, fragment } = splitRef(ref);
    const fileName = target === "" ? from : target;
    let node: unknown = file(fileName);
    for (const token of fragment.split("/").filter(Boolean)) node = (node as Node)[token];
    return { node, key: fragment ? `${fileName}#${fragment}` : fileName };
  };
  const named = new Map<string, unknown>();
  const visit = (node: unknown, from: string, key?: string): unknown => {
    if (node === true) return { tsType: "Json" };
    if (!isObject(node)) return node;
    if (typeof node.$ref === "string") {
      if (node.$ref === "json-schema.json") return { tsType: "JsonSchema" };
      const target = resolve(node.$ref, from);
      const { $ref: _ref, ...rest } = node;
      const name = NAMES[target.key];
      if (name && !named.has(name)) named.set(name, visit(target.node, splitRef(target.key).file, target.key));
      // A named definition stays a reference (into the combined schema's $defs), so it is declared once.
      const resolved = name ? { $ref: `#/$defs/${name}` } : (visit(target.node, splitRef(target.key).file, target.key) as Node);
      return Object.keys(rest).length ? { allOf: [resolved], ...visitAll(rest, from) } : resolved;
    }
    // Example payloads: any JSON object.
    if (node.type === "object" && Object.keys(node).every((k) => k === "type" || k === "description")) return { tsType: "JsonObject" };
    if (node.if !== undefined) {
      const { if: condition, then, else: otherwise, ...rest } = node;
      const todo = isObject(condition) && condition.$ref === IS_TODO;
      const branches = todo ? [otherwise] : [then === true ? condition : then, otherwise];
      const union = branches.length === 1 ? (visit(branches[0], from) as Node) : { anyOf: branches.map((b) => visit(b, from)) };
      return { ...visitAll(rest, from), ...union, ...(key && NAMES[key] ? { title: NAMES[key] } : {}) };
    }
    const out = visitAll(node, from);
    if (key && NAMES[key]) out.title = NAMES[key];
    else delete out.title;
    return out;
  };
  const visitAll = (node: Node, from: string): Node => {
    const out: Node = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === "$schema" || k === "$id" || k === "$defs" || k === "discriminator") continue;
      const shape = keywordShape(k);
      if (shape === "schema-map") out[k] = Object.fromEntries(Object.entries(v as Node).map(([name, s]) => [name, visit(s, from)]));
      else if (shape === "schema") out[k] = visit(v, from);
      else if (shape === "schema-list") out[k] = (v as unknown[]).map((s) => visit(s, from));
      else out[k] = v;
    }
    return out;
  };
  const roots = Object.fromEntries(rootNames.map((root) => [root, { $ref: `#/$defs/${NAMES[root]}` }]));
  for (const root of rootNames) named.set(NAMES[root]!, visit(file(root), root, root));
  return { roots, defs: Object.fromEntries(named) };
}

const BANNER = [
  "/**",
  " * The shapes of checked spec files, generated from generator/meta/*.yaml by generator/meta/build-types.ts",
  " * (`npm run meta-types`). Do not edit: change the meta-schema and regenerate.",
  " */",
  'import type { Json, JsonObject } from "../model.js";',
  "",
  "/** A JSON Schema as a spec writes it: an object, or `true`/`false`. */",
  "export type JsonSchema = JsonObject | boolean;",
].join("\n");

const ROOTS = ["provider.json", "offering.json", "fragment.json"];

/** The text of `spec-types.ts`. */
export async function specTypesText(): Promise<string> {
  // The three roots compiled as one schema, so the definitions they share are declared once.
  const { roots, defs } = plain(ROOTS);
  const code = await compile({ type: "object", properties: roots, required: ROOTS, additionalProperties: false, $defs: defs } as never, "MetaRoots", {
    bannerComment: "",
    additionalProperties: false,
    declareExternallyReferenced: true,
    unknownAny: true,
    strictIndexSignatures: true,
    format: false,
    ignoreMinAndMaxItems: true,
  });
  const text = `${BANNER}\n\n${code.replace(/export interface MetaRoots \{[^}]*\}\n/, "")}`;
  const biome = path.join(META_DIR, "..", "..", "node_modules", ".bin", "biome");
  return execFileSync(biome, ["format", `--stdin-file-path=${SPEC_TYPES_FILE}`], { input: text, encoding: "utf8" });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(SPEC_TYPES_FILE, await specTypesText());
}
