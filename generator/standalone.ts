/**
 * A compiled validator printed as an ES module. Ajv's standalone output still calls `require()` for
 * its run-time helpers (ucs2length, formats, deep equality); those calls become lookups in one
 * helper module (`runtime/ajv-helpers.js`, see emit/validators.ts), named here `ajvHelpers`.
 */
import { createRequire } from "node:module";
import type { Ajv2020, ValidateFunction } from "ajv/dist/2020.js";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import { literal, PROTO_KEY } from "./escape.js";

const standaloneCode = ((standaloneCodeModule as unknown as { default?: typeof standaloneCodeModule }).default ??
  standaloneCodeModule) as typeof standaloneCodeModule;

const REQUIRE_CALL = /require\(("(?:[^"\\]|\\.)*")\)/g;
export const HELPERS_NAME = "ajvHelpers";

export interface StandaloneModule {
  /** ES module text: ajv's standalone code with its `require`s turned into helper lookups. */
  code: string;
  /** The CommonJS helpers it uses, by `require` name. */
  helpers: string[];
}

/** The module text of a validator compiled with `code.source` (by the instance that compiled it). */
export function standaloneModule(ajv: Ajv2020, validate: ValidateFunction): StandaloneModule {
  const code = protoKeysComputed(standaloneCode(ajv, validate));
  const helpers = [...new Set([...code.matchAll(REQUIRE_CALL)].map((m) => JSON.parse(m[1]!) as string))].sort();
  // ES modules are always strict; the directive would only become a stray expression after the import.
  const body = code
    .replace(/^"use strict";/, "")
    .replace(REQUIRE_CALL, (_, specifier: string) => `${HELPERS_NAME}[${literal(JSON.parse(specifier))}]`);
  return { code: body, helpers };
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
