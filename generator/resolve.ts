/**
 * Stage 3: resolve `$ref`s. Each request, response and stream schema becomes one self-contained
 * schema: every definition it reaches (in its own file or a shared file) is copied into its
 * `$defs` under a readable name, and each `$ref` is rewritten to point there.
 *
 * `#` in a `$ref` means the schema root: the section's `schema` in an offering file, the whole
 * file in a shared file. Other files are named relative to the referencing file.
 */
import path from "node:path";
import { diagnostic, joinPointer, splitPointer, splitRef, type Diagnostic } from "./diagnostics.js";
import { pascalIdentifier, NameScope } from "./escape.js";
import type { ParsedFile } from "./load.js";
import type { Json, JsonObject, SourcePosition } from "./model.js";
import { schemaRefusal } from "./ajv.js";
import { bundleRecall, type Bundle, type BundleResult } from "./bundle-recall.js";
import { NO_CACHE, type Cache } from "./cache.js";
import { getPointer } from "./runtime/json.js";
import { isAnnotationKeyword, isObject, keywordShape, setOwn } from "./schema-walk.js";

const SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** A schema's place: the file, the pointer of its schema root (what `#` means), and its own pointer. */
interface Location {
  file: string;
  base: string;
  pointer: string;
}

/**
 * Bundles already made in this run, by the schema they start from. Offerings whose section is only
 * a `$ref` into a shared file (`schema: { $ref: shared/chat.yaml#/$defs/Request }`) get the same
 * bundle, made once and shared: a provider serving dozens of models through one schema costs one.
 */
export type BundleMemo = Map<string, BundleResult>;

export function bundleSchema(root: Location, files: ReadonlyMap<string, ParsedFile>, memo?: BundleMemo): BundleResult {
  const diagnostics: Diagnostic[] = [];
  // Where each pointer came from; turned into line and column only when a message asks.
  const sources = new Map<string, Location>();
  const origins = new Map<string, string>();
  const record = (out: string, from: Location) => {
    sources.set(out, from);
    origins.set(out, from.pointer);
  };
  const defs: Record<string, Json> = {};
  const defNames = new Map<string, string>();
  const scope = new NameScope();
  const queue: { location: Location; name: string }[] = [];
  const keyOf = (l: Location) => `${l.file}#${l.pointer}`;
  let rootKey = keyOf(root);

  const positionOf = (l: Location): SourcePosition => files.get(l.file)?.positions.get(l.pointer) ?? { file: l.file, line: 1, column: 1 };

  /** Where a `$ref` leads, or a diagnostic saying why it leads nowhere. */
  function target(ref: string, from: Location, refPointer: string): Location | undefined {
    const fail = (message: string) => {
      diagnostics.push(diagnostic(positionOf({ ...from, pointer: refPointer }), refPointer, message));
      return undefined;
    };
    const { file: filePart, fragment: written } = splitRef(ref);
    let fragment = "";
    try {
      fragment = decodeURIComponent(written);
    } catch {
      return fail(`$ref ${JSON.stringify(ref)}: the fragment has a malformed %-escape`);
    }
    if (fragment !== "" && !fragment.startsWith("/")) return fail(`$ref ${JSON.stringify(ref)}: only JSON-pointer fragments (#/...) are supported`);
    if (/^[a-z][a-z0-9+.-]*:/i.test(filePart))
      return fail(`$ref ${JSON.stringify(ref)}: remote references are not supported; copy the schema into a shared file`);
    let location: Location;
    if (filePart === "") {
      location = { file: from.file, base: from.base, pointer: from.base + fragment };
    } else {
      const file = path.posix.normalize(path.posix.join(path.posix.dirname(from.file), filePart));
      const parsed = files.get(file);
      if (!parsed) return fail(`$ref ${JSON.stringify(ref)} points to nothing: no spec file ${JSON.stringify(file)}`);
      if (parsed.kind !== "fragment")
        return fail(`$ref ${JSON.stringify(ref)}: only files under a shared/ folder may be referenced from other files`);
      location = { file, base: "", pointer: fragment };
    }
    const inside = location.pointer.slice(location.base.length);
    const found = valueAt(files.get(location.file)!.data, location.pointer);
    if (found === undefined) return fail(`$ref ${JSON.stringify(ref)} points to nothing: ${location.file} has no ${JSON.stringify(inside || "/")}`);
    if (!isSchemaPath(splitPointer(inside)) || (typeof found !== "boolean" && !isObject(found))) {
      return fail(
        `$ref ${JSON.stringify(ref)} points to ${JSON.stringify(inside)} in ${location.file}, which is not a schema (a $ref names a schema: the root, a $defs entry, a property, an item, ...)`,
      );
    }
    return location;
  }

  /** Follows a chain of schemas that are nothing but a `$ref`; a chain that comes back is a cycle. */
  function checkRefChain(start: Location, refPointer: string, from: Location): boolean {
    const seen = [keyOf(start)];
    let current = start;
    for (;;) {
      const node = valueAt(files.get(current.file)!.data, current.pointer);
      if (!isObject(node) || typeof node.$ref !== "string" || Object.keys(node).some((k) => !isAnnotationKeyword(k) && k !== "$ref")) return true;
      const next = target(node.$ref, current, joinPointer(current.pointer, "$ref"));
      if (!next) return false;
      const key = keyOf(next);
      if (seen.includes(key)) {
        diagnostics.push(
          diagnostic(positionOf({ ...from, pointer: refPointer }), refPointer, `$ref cycle: ${[...seen, key].join(" → ")} never reaches a schema`),
        );
        return false;
      }
      seen.push(key);
      current = next;
    }
  }

  function refFor(ref: string, from: Location, refPointer: string): string | undefined {
    const location = target(ref, from, refPointer);
    if (!location) return undefined;
    const key = keyOf(location);
    if (key === rootKey) return checkRefChain(location, refPointer, from) ? "#" : undefined;
    let name = defNames.get(key);
    if (!name) {
      if (!checkRefChain(location, refPointer, from)) return undefined;
      const tokens = splitPointer(location.pointer.slice(location.base.length));
      const stem = tokens.length ? tokens[tokens.length - 1]! : path.posix.basename(location.file).replace(/\.[^.]+$/, "");
      name = scope.claim(pascalIdentifier(stem, "Def"));
      defNames.set(key, name);
      queue.push({ location, name });
    }
    return `#/$defs/${name}`;
  }

  function copySchema(node: Json, from: Location, out: string): Json {
    record(out, from);
    if (!isObject(node)) return node;
    const copy: JsonObject = {};
    for (const key of Object.keys(node)) {
      const value = node[key] as Json;
      const at = { ...from, pointer: joinPointer(from.pointer, key) };
      const outAt = joinPointer(out, key);
      if (key === "$defs" || key === "$schema") continue;
      if (key === "$ref" && typeof value === "string") {
        record(outAt, at);
        const rewritten = refFor(value, from, at.pointer);
        if (rewritten) setOwn(copy, key, rewritten);
        continue;
      }
      switch (keywordShape(key)) {
        case "schema":
          setOwn(copy, key, copySchema(value, at, outAt));
          break;
        case "schema-map": {
          // A value of the wrong shape (a spec the meta-schema rejects) is kept as data.
          if (!isObject(value)) {
            copyData(value, at, outAt);
            setOwn(copy, key, value);
            break;
          }
          const members: JsonObject = {};
          record(outAt, at);
          for (const name of Object.keys(value as JsonObject)) {
            setOwn(
              members,
              name,
              copySchema((value as JsonObject)[name]!, { ...at, pointer: joinPointer(at.pointer, name) }, joinPointer(outAt, name)),
            );
          }
          setOwn(copy, key, members);
          break;
        }
        case "schema-list":
          if (!Array.isArray(value)) {
            copyData(value, at, outAt);
            setOwn(copy, key, value);
            break;
          }
          record(outAt, at);
          setOwn(
            copy,
            key,
            (value as Json[]).map((item, i) => copySchema(item, { ...at, pointer: joinPointer(at.pointer, i) }, joinPointer(outAt, i))),
          );
          break;
        default:
          copyData(value, at, outAt);
          setOwn(copy, key, value);
      }
    }
    return copy;
  }

  function copyData(value: Json, from: Location, out: string): void {
    record(out, from);
    if (Array.isArray(value))
      for (const [i, item] of value.entries()) copyData(item, { ...from, pointer: joinPointer(from.pointer, i) }, joinPointer(out, i));
    else if (isObject(value))
      for (const key of Object.keys(value)) copyData(value[key] as Json, { ...from, pointer: joinPointer(from.pointer, key) }, joinPointer(out, key));
  }

  // A root that only names another schema (`schema: { $ref: shared/x.yaml#/$defs/Request }`)
  // becomes that schema, so the bundle's root is the real object and not an alias of a definition.
  let effectiveRoot = root;
  for (let hops = 0; hops < 64; hops++) {
    const node = valueAt(files.get(effectiveRoot.file)!.data, effectiveRoot.pointer);
    if (!isObject(node) || typeof node.$ref !== "string" || Object.keys(node).some((k) => k !== "$ref" && k !== "$schema" && k !== "$comment")) break;
    if (!checkRefChain(effectiveRoot, joinPointer(effectiveRoot.pointer, "$ref"), effectiveRoot)) break;
    const next = target(node.$ref, effectiveRoot, joinPointer(effectiveRoot.pointer, "$ref"));
    if (!next) break;
    effectiveRoot = next;
  }
  if (diagnostics.length > 0) return { diagnostics };
  rootKey = keyOf(effectiveRoot);
  // Everything below depends only on where the bundle starts: a root in a shared file is shared.
  const shareable = memo !== undefined && effectiveRoot.file !== root.file;
  const known = shareable ? memo.get(rootKey) : undefined;
  if (known) return known;
  const result = bundleFrom(effectiveRoot);
  if (shareable) memo.set(rootKey, result);
  if (shareable && result.bundle) result.bundle.sharedRoot = rootKey;
  return result;

  function bundleFrom(effectiveRoot: Location): BundleResult {
    const rootNode = valueAt(files.get(effectiveRoot.file)!.data, effectiveRoot.pointer) as Json;
    const body = copySchema(rootNode, effectiveRoot, "");
    for (let item = queue.shift(); item; item = queue.shift()) {
      const node = valueAt(files.get(item.location.file)!.data, item.location.pointer) as Json;
      setOwn(defs, item.name, copySchema(node, item.location, joinPointer("/$defs", item.name)));
    }
    if (diagnostics.length > 0) return { diagnostics };

    const schema: JsonObject = { $schema: SCHEMA_DIALECT };
    if (isObject(body)) for (const key of Object.keys(body)) setOwn(schema, key, body[key] as Json);
    else if (body === false) schema.not = {};
    if (Object.keys(defs).length > 0) {
      const sorted: JsonObject = {};
      for (const name of Object.keys(defs).sort()) setOwn(sorted, name, defs[name]!);
      schema.$defs = sorted;
    }
    let positions: Map<string, SourcePosition> | undefined;
    const bundle: Bundle = {
      schema,
      get positions() {
        positions ??= new Map([...sources].map(([out, from]) => [out, positionOf(from)]));
        return positions;
      },
      origins,
      files: [...new Set([...sources.values()].map((from) => from.file))],
    };
    return { bundle, diagnostics };
  }
}

/** Whether a path of keywords from a schema leads to a schema (`properties/a/items`), not to data (`required/0`, `enum`). */
function isSchemaPath(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const shape = keywordShape(tokens[i]!);
    if (shape === "data") return false;
    if (shape !== "schema" && ++i >= tokens.length) return false;
  }
  return true;
}

export function valueAt(root: Json, pointer: string): Json | undefined {
  return getPointer(root, pointer) as Json | undefined;
}

/** Bundles for each schema section of each offering file: `resolved.get(file)?.request`. */
export type ResolvedSchemas = ReadonlyMap<string, Partial<Record<"request" | "response" | "stream", Bundle>>>;

/**
 * Resolves every schema section of every offering file; all dangling or cyclic refs are reported.
 * A bundle ajv refuses (strict mode) is kept, and its refusal is in `diagnostics` and in `refused`:
 * the schema resolved, but it fails a check (what `modelspec diff` can still compare). With
 * `judge: false` the bundles are not compiled here: `loadModel` judges them with `judgeBundles`
 * after the examples, so each schema is compiled once while its examples are checked.
 */
export function resolveSchemas(
  files: readonly ParsedFile[],
  cache: Cache = NO_CACHE,
  { judge = true }: { judge?: boolean } = {},
): { resolved: ResolvedSchemas; diagnostics: Diagnostic[]; refused: Diagnostic[] } {
  const byPath = new Map(files.map((f) => [f.file, f]));
  const resolved = new Map<string, Partial<Record<"request" | "response" | "stream", Bundle>>>();
  const diagnostics: Diagnostic[] = [];
  const memo: BundleMemo = new Map();
  const recall = bundleRecall(byPath, cache);
  for (const file of files) {
    if (file.kind !== "offering" || !isObject(file.data)) continue;
    const sections: Partial<Record<"request" | "response" | "stream", Bundle>> = {};
    const data = file.data;
    const roles = (["request", "response", "stream"] as const).filter((role) => isObject(data[role]));
    const results = recall.bundles(
      file,
      roles.map((role) => `/${role}/schema`),
      (pointer) => bundleSchema({ file: file.file, base: pointer, pointer }, byPath, memo),
    );
    for (const [i, result] of results.entries()) {
      diagnostics.push(...result.diagnostics);
      if (result.bundle) sections[roles[i]!] = result.bundle;
    }
    resolved.set(file.file, sections);
  }
  // Shared files are checked too, so a dangling ref in an unused definition is not missed.
  for (const file of files) {
    if (file.kind !== "fragment" || !isObject(file.data) || !isObject(file.data.$defs) || recall.checked(file)) continue;
    const results = Object.keys(file.data.$defs).map((name) =>
      bundleSchema({ file: file.file, base: "", pointer: joinPointer("/$defs", name) }, byPath, memo),
    );
    const found = results.flatMap((result) => result.diagnostics);
    diagnostics.push(...found);
    if (found.length === 0)
      recall.rememberChecked(
        file,
        results.flatMap((result) => result.bundle?.files ?? []),
      );
  }
  const refusals = judge ? judgeBundles(resolved, cache) : [];
  return { resolved, diagnostics: dedupe([...diagnostics, ...refusals]), refused: refusals };
}

/** The refusal of each resolved bundle ajv refuses, in file order; a bundle shared by several offerings is judged once. */
export function judgeBundles(resolved: ResolvedSchemas, cache: Cache = NO_CACHE): Diagnostic[] {
  const judged = new Map<Bundle, Diagnostic | undefined>();
  const refusals: Diagnostic[] = [];
  for (const [file, sections] of resolved) {
    for (const role of ["request", "response", "stream"] as const) {
      const bundle = sections[role];
      if (!bundle) continue;
      if (!judged.has(bundle)) judged.set(bundle, compileProblem(bundle, file, `/${role}/schema`, cache));
      const refused = judged.get(bundle);
      if (refused) refusals.push(refused);
    }
  }
  return dedupe(refusals);
}

/**
 * Whatever the meta-schemas let through but ajv (strict, as the validators are built) refuses,
 * such as a `required` key no `properties` defines or an `if` without `then`, becomes a located
 * diagnostic here instead of a bare exception in a later stage. Ajv names the place as
 * `at "#/..."` for most rules; otherwise the section's schema is named.
 */
function compileProblem(bundle: Bundle, file: string, sectionPointer: string, cache: Cache): Diagnostic | undefined {
  const message = schemaRefusal(bundle.schema, cache);
  if (message === undefined) return undefined;
  const at = /\bat "#([^"]*)"/.exec(message)?.[1];
  const named = at !== undefined && message.includes("(strictRequired)") ? joinPointer(at, "required") : at;
  const bundled = [named, at].find((p) => p !== undefined && bundle.positions.has(p)) ?? "";
  const position = bundle.positions.get(bundled) ?? { file, line: 1, column: 1 };
  const pointer = bundle.origins.get(bundled) ?? sectionPointer;
  // The place is in the diagnostic already; ajv's `at "#..."` names it in the bundled schema.
  return diagnostic(position, pointer, `ajv refuses this schema: ${message.replace(/^strict mode: /, "").replace(/ at "#[^"]*"/, "")}`);
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.pointer}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
