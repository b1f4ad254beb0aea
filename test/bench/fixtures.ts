/**
 * Bench fixtures: the repository's specs replicated to N offerings in a temporary schemas folder.
 *
 * Offering i is a copy of base offering `i mod B` (B = the repo's offerings, in file order); copy
 * k = ⌊i / B⌋ of it. Copy 0 is the repo's file as it is, so a fixture of B offerings is the repo.
 * Copy k ≥ 1 gets the slug `<slug>-c<k>` and the model id `<model>-c<k>` (written wherever the
 * spec has the model id as a whole word: the top-level `model`, a request `const`, examples), so
 * slugs, offering ids, model ids and type names stay unique and every example still passes.
 *
 * - `shared`: a copy keeps referencing its provider's shared files, as a provider serving dozens
 *   of models through the same two or three schemas does.
 * - `distinct`, the worst case: a copy gets its own copy of every shared file of its provider,
 *   and its refs point there. Each copied definition gets a per-copy description (types and docs
 *   differ) and each object-typed definition, like each inline object schema of the offering, a
 *   per-copy `maxProperties` far above anything the examples hold (the validator code differs
 *   too: a description alone would let a generator that hashes schemas without annotations share
 *   the validators, which would not be the worst case).
 *
 * Provider files are copied unchanged, and so are the seed pages (generation checks that each
 * `source.seed` an offering cites exists); the provider notes are not.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { isMap, parse, parseDocument, type Document, type YAMLMap } from "yaml";

export type FixtureMode = "shared" | "distinct";

export interface BaseOffering {
  provider: string;
  /** Path in the schemas folder, `/` separators. */
  file: string;
  slug: string;
  model: string;
  text: string;
}

export interface SpecSet {
  /** `provider.yaml` (or .yml/.json) by provider id: path and text. */
  providers: Map<string, { file: string; text: string }>;
  /** Shared files by provider id: file name (in `<provider>/shared/`) → text. */
  shared: Map<string, Map<string, string>>;
  offerings: BaseOffering[];
  /** The seed pages the specs cite (`seeds/<file>`), path → text. */
  seeds: Map<string, string>;
}

export interface Fixture {
  size: number;
  mode: FixtureMode;
  /** The fixture's temporary folder: `schemas/`, `out/` and `cache/` live in it. */
  dir: string;
  schemasDir: string;
  outDir: string;
  cacheDir: string;
  /** Offering ids (`<provider>/<slug>`), in build order. */
  offerings: string[];
  /** Distinct shared files written (each provider's files once in `shared` mode). */
  sharedFiles: number;
  /** Rewrites the description of one offering, to a new text on every call: "one offering changed". */
  touchOne(): Promise<void>;
}

const SPEC_FILE = /\.(ya?ml|json)$/i;

/** Reads the repo's providers, shared files, offerings and seed pages (not the notes). */
export async function readSpecSet(schemasDir: string): Promise<SpecSet> {
  const set: SpecSet = { providers: new Map(), shared: new Map(), offerings: [], seeds: new Map() };
  for (const name of (await readdir(path.join(schemasDir, "seeds")).catch(() => [] as string[])).sort()) {
    set.seeds.set(`seeds/${name}`, await readFile(path.join(schemasDir, "seeds", name), "utf8"));
  }
  const entries = (await readdir(schemasDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
  for (const provider of entries) {
    const dir = path.join(schemasDir, provider);
    const names = (await readdir(dir)).sort();
    const providerFile = names.find((n) => /^provider\.(ya?ml|json)$/i.test(n));
    if (!providerFile) continue; // seeds/ and other folders without a provider
    set.providers.set(provider, { file: `${provider}/${providerFile}`, text: await readFile(path.join(dir, providerFile), "utf8") });
    const sharedDir = path.join(dir, "shared");
    const shared = new Map<string, string>();
    for (const name of (await readdir(sharedDir).catch(() => [] as string[])).sort()) {
      if (SPEC_FILE.test(name)) shared.set(name, await readFile(path.join(sharedDir, name), "utf8"));
    }
    set.shared.set(provider, shared);
    for (const name of names) {
      if (name === providerFile || !SPEC_FILE.test(name)) continue;
      const text = await readFile(path.join(dir, name), "utf8");
      const data = parse(text) as { slug: string; model: string };
      set.offerings.push({ provider, file: `${provider}/${name}`, slug: data.slug, model: data.model, text });
    }
  }
  if (set.offerings.length === 0) throw new Error(`no offerings under ${schemasDir}`);
  return set;
}

const pad = (k: number) => String(k).padStart(4, "0");
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces the single top-level `key: value` line; a spec where it is not one line is refused. */
export function replaceTopLevel(text: string, key: string, value: string, file: string): string {
  const pattern = new RegExp(`^${escapeRegExp(key)}:[^\\n]*$`, "gm");
  const found = text.match(pattern)?.length ?? 0;
  if (found !== 1) throw new Error(`${file}: expected one top-level "${key}:" line, found ${found}`);
  return text.replace(pattern, `${key}: ${JSON.stringify(value)}`);
}

/** Every whole-word occurrence of the model id (not inside a longer id such as `<model>-mini`). */
export function replaceModelId(text: string, model: string, next: string): string {
  return text.replace(new RegExp(`(?<![\\w.@:/-])${escapeRegExp(model)}(?![\\w@:/-]|\\.\\w)`, "g"), next);
}

/** `shared/<name>` references (in an offering) and sibling references (in a shared file) renamed. */
function renameRefs(text: string, renames: ReadonlyMap<string, string>, prefix: string): string {
  let out = text;
  for (const [from, to] of renames)
    out = out.replace(new RegExp(`(?<=["'\\s{,]|^)${escapeRegExp(prefix + from)}(?=#|["'\\s,}]|$)`, "gm"), prefix + to);
  return out;
}

function annotate(schema: YAMLMap, tag: string, maxProperties: number): void {
  const description = schema.get("description");
  schema.set("description", typeof description === "string" ? `${description} (bench copy ${tag})` : `Bench copy ${tag}.`);
  if (schema.get("type") === "object" && !schema.has("maxProperties")) schema.set("maxProperties", maxProperties);
}

function stringify(doc: Document): string {
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A shared file's copy for one offering copy: every definition annotated, refs to siblings renamed. */
function distinctShared(text: string, renames: ReadonlyMap<string, string>, tag: string, maxProperties: number): string {
  const doc = parseDocument(renameRefs(text, renames, ""));
  const description = doc.get("description");
  if (typeof description === "string") doc.set("description", `${description} (bench copy ${tag})`);
  const defs = doc.get("$defs");
  if (isMap(defs)) for (const pair of defs.items) if (isMap(pair.value)) annotate(pair.value, tag, maxProperties);
  return stringify(doc);
}

/** An offering's inline object schemas annotated (a `$ref`-only section is left: its target differs). */
function distinctOffering(text: string, tag: string, maxProperties: number): string {
  const doc = parseDocument(text);
  for (const role of ["request", "response", "stream"]) {
    const schema = doc.getIn([role, "schema"]);
    if (isMap(schema) && !schema.has("$ref")) annotate(schema, tag, maxProperties);
  }
  return stringify(doc);
}

/** Writes a fixture of `size` offerings under `dir` (which must be empty or absent). */
export async function buildFixture(set: SpecSet, size: number, mode: FixtureMode, dir: string): Promise<Fixture> {
  const schemasDir = path.join(dir, "schemas");
  const files = new Map<string, string>(set.seeds);
  for (const { file, text } of set.providers.values()) files.set(file, text);
  // Copy 0 of every offering refers to the repo's shared files, in both modes.
  for (const [provider, shared] of set.shared) for (const [name, text] of shared) files.set(`${provider}/shared/${name}`, text);

  const ids: string[] = [];
  const models = new Set<string>();
  let touched: { file: string; description: string } | undefined;
  for (let i = 0; i < size; i++) {
    const base = set.offerings[i % set.offerings.length]!;
    const k = Math.floor(i / set.offerings.length);
    let slug = base.slug;
    let model = base.model;
    let text = base.text;
    let file = base.file;
    if (k > 0) {
      const tag = `c${pad(k)}`;
      slug = `${base.slug}-${tag}`;
      model = `${base.model}-${tag}`;
      file = `${base.provider}/${slug}.yaml`;
      text = replaceModelId(replaceTopLevel(text, "slug", slug, base.file), base.model, model);
      if (mode === "distinct") {
        // The copy's own shared files: `<name>--<slug>.yaml`, with every reference among them renamed.
        const shared = set.shared.get(base.provider) ?? new Map<string, string>();
        const renames = new Map([...shared.keys()].map((name) => [name, `${name.replace(SPEC_FILE, "")}--${slug}.yaml`]));
        const maxProperties = 100_000 + i;
        for (const [name, sharedText] of shared) {
          files.set(`${base.provider}/shared/${renames.get(name)!}`, distinctShared(sharedText, renames, `${base.provider}/${slug}`, maxProperties));
        }
        text = distinctOffering(renameRefs(text, renames, "shared/"), `${base.provider}/${slug}`, maxProperties);
      }
    }
    const id = `${base.provider}/${slug}`;
    if (files.has(file) || ids.includes(id)) throw new Error(`fixture: offering ${id} twice`);
    if (models.has(model)) throw new Error(`fixture: model id ${model} twice`);
    models.add(model);
    ids.push(id);
    files.set(file, text);
    if (i === 0) touched = { file, description: (parse(text) as { description: string }).description };
  }

  for (const [file, text] of files) {
    await mkdir(path.dirname(path.join(schemasDir, file)), { recursive: true });
    await writeFile(path.join(schemasDir, file), text);
  }
  let edits = 0;
  return {
    size,
    mode,
    dir,
    schemasDir,
    outDir: path.join(dir, "out"),
    cacheDir: path.join(dir, "cache"),
    offerings: ids,
    sharedFiles: [...files.keys()].filter((f) => f.split("/").includes("shared")).length,
    async touchOne() {
      const { file, description } = touched!;
      const full = path.join(schemasDir, file);
      const text = await readFile(full, "utf8");
      await writeFile(full, replaceTopLevel(text, "description", `${description} (bench edit ${++edits})`, file));
    },
  };
}
