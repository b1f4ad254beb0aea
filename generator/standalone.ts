/**
 * A compiled validator printed as an ES module. Ajv's standalone output still calls `require()` for
 * its run-time helpers (ucs2length, formats, deep equality); each such helper becomes a named import
 * from one helper module (`runtime/ajv-helpers.js`, see emit/validators.ts), so a bundle keeps only
 * the helpers its validators use.
 */
import { createRequire } from "node:module";
import type { Ajv2020, ValidateFunction } from "ajv/dist/2020.js";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import { PROTO_KEY } from "./escape.js";

/** ajv's standalone printer (CommonJS: its default export arrives wrapped under Node ESM). */
export const standaloneCode = ((standaloneCodeModule as unknown as { default?: typeof standaloneCodeModule }).default ??
  standaloneCodeModule) as typeof standaloneCodeModule;

/** `require("module")` and the member path after it (`.fullFormats.uri`, `["date-time"]`), as ajv prints its helpers. */
const REQUIRE_CALL = /require\(("(?:[^"\\]|\\.)*")\)((?:\.[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])*)/g;
const MEMBER = /\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\]/g;

/** One run-time helper a validator uses: a CommonJS module and the member of it (`["fullFormats", "uri"]`). */
export interface HelperRef {
  module: string;
  path: string[];
}

/**
 * The name `runtime/ajv-helpers.js` exports a helper under, and the validator imports it by:
 * `ajv_` and the module's file name and member path (`ajv_formats_fullFormats_uri`, `ajv_ucs2length`).
 * ajv prints no name that starts with `ajv_`.
 */
export function helperName({ module, path }: HelperRef): string {
  const parts = [module.split("/").pop()!, ...path.filter((p) => p !== "default")];
  return `ajv_${parts.join("_").replace(/[^\w$]/g, "_")}`;
}

export interface StandaloneModule {
  /** ES module text: ajv's standalone code with its `require`s turned into named imports of the helpers. */
  code: string;
  /** The helpers it uses, each once, sorted by name. */
  helpers: HelperRef[];
}

/** The module text of a validator compiled with `code.source` (by the instance that compiled it). */
export function standaloneModule(ajv: Ajv2020, validate: ValidateFunction): StandaloneModule {
  const code = pruneSchemaConstants(protoKeysComputed(standaloneCode(ajv, validate)));
  const helpers = new Map<string, HelperRef>();
  // ES modules are always strict; the directive would only become a stray expression after the import.
  const body = code.replace(/^"use strict";/, "").replace(REQUIRE_CALL, (_, specifier: string, members: string) => {
    const ref: HelperRef = {
      module: JSON.parse(specifier) as string,
      path: [...members.matchAll(MEMBER)].map((m) => m[1] ?? (JSON.parse(m[2]!) as string)),
    };
    const name = helperName(ref);
    const seen = helpers.get(name);
    if (seen && JSON.stringify(seen) !== JSON.stringify(ref)) throw new Error(`two ajv helpers are both named ${name}`);
    helpers.set(name, ref);
    return name;
  });
  return { code: body, helpers: [...helpers.keys()].sort().map((name) => helpers.get(name)!) };
}

/**
 * ajv's JSON text of a value (JSON.stringify with U+2028/U+2029 escaped), as it prints schema
 * constants: a copy of its `safeStringify`, kept apart from `literal` (escape.ts) on purpose.
 * `pruneSchemaConstants` uses it to recognise a line ajv printed (the text must match ajv's byte
 * for byte: `literal` also escapes `</script`, control and invisible characters and writes
 * `__proto__` computed, so a constant holding one would no longer match and stay whole) and to
 * print the pruned constant the way ajv prints the rest of the module. Control and invisible
 * characters are escaped all the same (`format.ts` runs every emitted module through
 * `visibleCode`), and a constant with a `__proto__` key is computed already
 * (`protoKeysComputed`), so it does not parse and is left whole.
 */
const ajvJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/** What the code reads of a schema constant: all of it, its keys only, or some members. */
interface Need {
  whole: boolean;
  keys: boolean;
  members: Map<string, Need>;
}
const need = (): Need => ({ whole: false, keys: false, members: new Map() });

/**
 * Ajv prints each schema its code reads from as a constant (`const schema0 = {…the whole root
 * schema…};`) although the code reads only parts of it: an enum for an error's `allowedValues`, or
 * `properties` for the own-key test of `additionalProperties: false`, which needs the keys alone.
 * Each constant is cut down to what the code reads (the keys of a key-tested object as `true`), so
 * a request validator does not carry its schema a second time. A constant read any other way (bare,
 * or by a computed member) is left whole.
 */
function pruneSchemaConstants(code: string): string {
  return code.replace(/^const (schema\d+) = (.*);$/gm, (line, name: string, json: string) => {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      return line; // not plain JSON (a computed `__proto__` key): leave it
    }
    if (ajvJson(value) !== json) return line;
    const root = need();
    const declaration = `const ${name} = `;
    for (const match of code.matchAll(new RegExp(`(\\.call\\()?\\b${name}\\b((?:\\.[A-Za-z_$][\\w$]*)*)(.?)`, "g"))) {
      if (code.startsWith(declaration, match.index - "const ".length)) continue;
      const [, call, chain = "", next] = match;
      const path = chain.split(".").slice(1);
      if (path.length === 0 || next === "[" || next === "(") return line;
      let node = root;
      for (const key of path) {
        if (!node.members.has(key)) node.members.set(key, need());
        node = node.members.get(key)!;
      }
      // `hasOwnProperty.call(schemaN.properties, key)` asks only whether the key is there.
      if (call && next === ",") node.keys = true;
      else node.whole = true;
    }
    const pruned = (v: unknown, n: Need): unknown => {
      if (n.whole || typeof v !== "object" || v === null || Array.isArray(v)) return v;
      const out: Record<string, unknown> = {};
      const record = v as Record<string, unknown>;
      if (n.keys) for (const key of Object.keys(record)) out[key] = true;
      for (const [key, child] of n.members) if (Object.hasOwn(record, key)) out[key] = pruned(record[key], child);
      return out;
    };
    return `${declaration}${ajvJson(pruned(value, root))};`;
  });
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
