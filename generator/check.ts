/**
 * Stage 2: check every parsed file against the meta-schema of its kind. Every problem is
 * reported with its file, line, column, JSON pointer and what was expected.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { addFormats } from "./ajv.js";
import { NO_CACHE, type Cache } from "./cache.js";
import { diagnostic, joinPointer, type Diagnostic } from "./diagnostics.js";
import type { ParsedFile, SpecFileKind } from "./load.js";
import type { SourcePosition } from "./model.js";
import { getPointer } from "./runtime/json.js";
import { forEachSchemaNode, isObject } from "./schema-walk.js";
import { standaloneCode } from "./standalone.js";
import { unknownKeyMessage } from "./suggest.js";

const META_FILES = ["common", "json-schema", "provider", "offering", "fragment"] as const;

const META_ID = (kind: SpecFileKind) => `https://modelspec.dev/meta/${kind}.json`;

/**
 * The meta-schemas' validators as ajv's standalone code: compiling them takes most of a second,
 * evaluating the stored code a few milliseconds, so a run that must check one changed file does
 * not pay for the compilation (the code is the generator's own: its fingerprint keys the entry).
 */
function metaValidatorCode(): string {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, discriminator: true, code: { source: true } });
  addFormats(ajv);
  for (const name of META_FILES) {
    ajv.addSchema(parse(readFileSync(new URL(`./meta/${name}.yaml`, import.meta.url), "utf8")));
  }
  return standaloneCode(ajv, { provider: META_ID("provider"), offering: META_ID("offering"), fragment: META_ID("fragment") });
}

function loadMetaSchemas(cache: Cache): Record<SpecFileKind, ValidateFunction> {
  const code = cache.memo("meta-validators", META_FILES.join(","), metaValidatorCode);
  // CommonJS, requiring ajv's run-time helpers (and ajv-formats') from this package's dependencies.
  const module = { exports: {} as Record<SpecFileKind, ValidateFunction> };
  new Function("require", "module", "exports", code)(createRequire(import.meta.url), module, module.exports);
  return module.exports;
}

let metaSchemas: Record<SpecFileKind, ValidateFunction> | undefined;

/** The meta-schema a spec file of each kind must satisfy (made once a process, from the cache where it can be). */
export function metaSchemaFor(kind: SpecFileKind, cache: Cache = NO_CACHE): ValidateFunction {
  metaSchemas ??= loadMetaSchemas(cache);
  return metaSchemas[kind];
}

/**
 * Every problem of every file. A file that passed before, with the same kind and content, is not
 * checked again (the cache holds only clean verdicts, so a problem is always reported afresh with
 * its positions), and the meta-schemas are compiled only when a file needs them.
 */
export function checkSpecFiles(files: readonly ParsedFile[], cache: Cache = NO_CACHE): Diagnostic[] {
  return files.flatMap((file) => {
    // The bytes' hash names the data (parsing is a function of them), and is far cheaper than the data's text.
    const key = file.sha256 === undefined ? `${file.kind}\0${JSON.stringify(file.data)}` : `${file.kind}\0bytes:${file.sha256}`;
    if (cache.get("check", key) === "clean") return [];
    const validate = metaSchemaFor(file.kind, cache);
    const problems = validate(file.data) ? [...schemaProblems(file), ...todoProblems(file)] : describeErrors(validate.errors ?? [], file);
    if (problems.length === 0) cache.set("check", key, "clean");
    return problems;
  });
}

/** Where a file of each kind holds JSON Schemas. */
function schemaRoots(file: ParsedFile): string[] {
  const data = file.data as Record<string, unknown>;
  switch (file.kind) {
    case "offering":
      return ["request", "response", "stream"].filter((role) => isObject(data[role])).map((role) => `/${role}/schema`);
    case "provider":
      return ["/errors/schema"];
    case "fragment":
      return Object.keys(data.$defs as object).map((name) => joinPointer("/$defs", name));
  }
}

/** Calls `visit` on every schema node of a file's schemas (request, response, stream, shared definitions, error envelope). */
function visitSchemas(file: ParsedFile, visit: (schema: Record<string, unknown>, pointer: string) => void): void {
  for (const root of schemaRoots(file)) forEachSchemaNode(getPointer(file.data, root), root, visit);
}

/** Rules of the spec format that the meta-schema cannot say in a readable way. */
function schemaProblems(file: ParsedFile): Diagnostic[] {
  return [...patternProblems(file), ...openEnumProblems(file), ...inferredConstraintProblems(file)];
}

/**
 * The meta-schema's `format: regex` accepts what `new RegExp(p)` accepts, but the validators use
 * the `u` flag (as JSON Schema asks), which refuses more: `a\-b`, `\p{Foo}`, a lone `{`.
 */
function patternProblems(file: ParsedFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (pattern: string, pointer: string, position: SourcePosition | undefined) => {
    try {
      new RegExp(pattern, "u");
    } catch (error) {
      const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/u: /s, "");
      out.push(
        diagnostic(
          position ?? file.positions.get("")!,
          pointer,
          `${JSON.stringify(pattern)} is not a valid regular expression with the u flag: ${reason}`,
        ),
      );
    }
  };
  visitSchemas(file, (schema, pointer) => {
    if (typeof schema.pattern === "string")
      check(schema.pattern, joinPointer(pointer, "pattern"), file.positions.get(joinPointer(pointer, "pattern")));
    if (isObject(schema.patternProperties)) {
      for (const name of Object.keys(schema.patternProperties)) {
        const at = joinPointer(pointer, "patternProperties", name);
        check(name, at, file.keyPositions.get(at));
      }
    }
  });
  return out;
}

/**
 * `x-open-enum` lists the values a string is known to take without closing it: it stands beside
 * `type: string` (the validators check only that) and never beside `enum` or `const`, which would
 * close it again.
 */
function openEnumProblems(file: ParsedFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  visitSchemas(file, (schema, pointer) => {
    if (schema["x-open-enum"] === undefined) return;
    const at = joinPointer(pointer, "x-open-enum");
    const position = file.keyPositions.get(at) ?? file.positions.get(at) ?? file.positions.get("")!;
    if (schema.type !== "string") out.push(diagnostic(position, at, "x-open-enum needs `type: string` beside it"));
    for (const closed of ["enum", "const"]) {
      if (schema[closed] !== undefined)
        out.push(diagnostic(position, at, `x-open-enum and ${closed} contradict each other: a list is either closed (enum) or open (x-open-enum)`));
    }
  });
  return out;
}

/** `x-inferred` gives reasons for constraints beside it: each keyword it names must be there. */
function inferredConstraintProblems(file: ParsedFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  visitSchemas(file, (schema, pointer) => {
    if (!isObject(schema["x-inferred"])) return;
    for (const keyword of Object.keys(schema["x-inferred"])) {
      if (schema[keyword] !== undefined) continue;
      const at = joinPointer(pointer, "x-inferred", keyword);
      out.push(
        diagnostic(
          file.keyPositions.get(at) ?? file.positions.get(at) ?? file.positions.get("")!,
          at,
          `x-inferred names ${keyword}, which this schema does not have`,
        ),
      );
    }
  });
  return out;
}

/** Offering fields that may hold a `{ todo }` marker instead of a value (see meta/offering.yaml). */
const TODO_FIELDS = [
  "name",
  "description",
  "status",
  "contextWindow",
  "maxOutputTokens",
  "inputModalities",
  "outputModalities",
  "response",
  "stream",
];

/**
 * The gaps `modelspec import` leaves for a person: `{ todo }` in a field or a parameter's
 * provenance, and `x-todo` inside a schema. Each one is a problem naming what is missing, so a
 * spec with a gap never generates.
 */
export function todoProblems(file: ParsedFile): Diagnostic[] {
  if (file.kind !== "offering") return [];
  const data = file.data as Record<string, unknown>;
  const out: Diagnostic[] = [];
  const report = (pointer: string, text: unknown) =>
    out.push(
      diagnostic(
        file.positions.get(pointer) ?? file.positions.get("")!,
        pointer,
        `TODO left by modelspec import: ${String(text)}; write the value (from the source the spec cites) in place of the marker`,
      ),
    );
  const marker = (value: unknown) => (isObject(value) && typeof value.todo === "string" ? value.todo : undefined);
  for (const field of TODO_FIELDS) {
    const text = marker(data[field]);
    if (text !== undefined) report(`/${field}`, text);
  }
  const parameters = isObject(data.request) && isObject(data.request.parameters) ? data.request.parameters : {};
  for (const name of Object.keys(parameters)) {
    const text = marker(parameters[name]);
    if (text !== undefined) report(joinPointer("/request/parameters", name), text);
  }
  visitSchemas(file, (schema, pointer) => {
    if (schema["x-todo"] !== undefined) report(joinPointer(pointer, "x-todo"), schema["x-todo"]);
  });
  return out;
}

const KIND_NAMES: Record<SpecFileKind, string> = { provider: "provider spec", offering: "offering spec", fragment: "shared schema file" };

/** Turns ajv's errors into one readable diagnostic per problem. */
export function describeErrors(errors: readonly ErrorObject[], file: ParsedFile): Diagnostic[] {
  // A failed `anyOf`/`if` also reports why each branch failed; keep only the summary for anyOf,
  // and drop the bare "must match then schema" line that accompanies the real error.
  const anyOfPaths = errors.filter((e) => e.keyword === "anyOf").map((e) => e.schemaPath);
  const kept = errors.filter(
    (e) => e.keyword !== "if" && !anyOfPaths.some((p) => e.schemaPath !== p && e.schemaPath.startsWith(p.replace(/anyOf$/, "anyOf/"))),
  );
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of kept) {
    const { pointer, position, message } = describeError(error, file);
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic(position, pointer, message));
  }
  return out;
}

function describeError(error: ErrorObject, file: ParsedFile): { pointer: string; position: SourcePosition; message: string } {
  const pointer = error.instancePath;
  const at = (p: string) => file.positions.get(p) ?? file.positions.get("")!;
  const params = error.params as Record<string, unknown>;
  const expected = (error.parentSchema as { description?: string } | undefined)?.description;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const child = joinPointer(pointer, key);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return {
        pointer: child,
        position: file.keyPositions.get(child) ?? at(pointer),
        message: unknownKeyMessage(key, allowed),
      };
    }
    case "required":
      return {
        pointer,
        position: at(pointer),
        message: `missing required key ${JSON.stringify(params.missingProperty)}${pointer === "" ? ` in ${KIND_NAMES[file.kind]}` : ""}`,
      };
    case "type":
      return { pointer, position: at(pointer), message: `must be ${params.type}, found ${typeName(getPointer(file.data, pointer))}` };
    case "enum":
      return {
        pointer,
        position: at(pointer),
        message: `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`,
      };
    case "const":
      return { pointer, position: at(pointer), message: `must be ${JSON.stringify(params.allowedValue)}` };
    case "discriminator":
      return {
        pointer: params.error === "mapping" ? joinPointer(pointer, String(params.tag)) : pointer,
        position: at(params.error === "mapping" ? joinPointer(pointer, String(params.tag)) : pointer),
        message:
          params.error === "mapping"
            ? `unknown ${String(params.tag)} ${JSON.stringify(params.tagValue)}; expected one of: ${discriminatorValues(error).join(", ")}`
            : `missing ${JSON.stringify(params.tag)}`,
      };
    case "anyOf":
      return { pointer, position: at(pointer), message: `must be ${expected ?? "one of the allowed forms"}` };
    case "pattern":
      return { pointer, position: at(pointer), message: `must match ${String(params.pattern)}${expected ? ` (${expected})` : ""}` };
    default:
      return { pointer, position: at(pointer), message: error.message ?? `fails ${error.keyword}` };
  }
}

function discriminatorValues(error: ErrorObject): string[] {
  const branches = (error.parentSchema as { oneOf?: { $ref?: string; properties?: { kind?: { const?: string } } }[] }).oneOf ?? [];
  return branches.map((b) => b.properties?.kind?.const ?? b.$ref?.split("/").pop() ?? "?");
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}
