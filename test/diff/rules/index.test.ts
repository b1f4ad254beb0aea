/**
 * The rules index: every change kind has a rule (or the walk) that reports it, no keyword has two
 * rules, and the rules judge exactly the keywords the spec meta-schema accepts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SCHEMA_KINDS } from "../../../generator/diff/kinds.js";
import { RULES } from "../../../generator/diff/rules/index.js";
import { WALK_KINDS } from "../../../generator/diff/walk.js";
import { isAnnotationKeyword, SUBSCHEMA_KEYWORDS, SUBSCHEMA_LIST_KEYWORDS, SUBSCHEMA_MAP_KEYWORDS } from "../../../generator/schema-walk.js";
import { PROJECT_ROOT } from "../../../generator/options.js";

/** The keywords a spec's schema may use: the properties of the meta-schema's schema object. */
const META = parse(readFileSync(path.join(PROJECT_ROOT, "generator/meta/json-schema.yaml"), "utf8"));
const ACCEPTED: string[] = Object.keys(META.$defs.schemaObject.properties);
/** Bundle structure, not compared (view.ts). */
const STRUCTURE = ["$ref", "$defs", "$schema"];

const owned = RULES.flatMap((rule) => rule.keywords);

describe("the rules index", () => {
  it("has a rule, or the walk, for every change kind", () => {
    const reported = new Set([...WALK_KINDS, ...RULES.flatMap((rule) => rule.kinds)]);
    expect(Object.keys(SCHEMA_KINDS).filter((kind) => !reported.has(kind as never))).toEqual([]);
  });

  it("gives each keyword one rule", () => {
    expect(owned.filter((keyword, i) => owned.indexOf(keyword) !== i)).toEqual([]);
  });

  it("judges only keywords the spec meta-schema accepts", () => {
    expect(owned.filter((keyword) => !ACCEPTED.includes(keyword))).toEqual([]);
  });

  it("judges every keyword the spec meta-schema accepts, but x- notes and bundle structure", () => {
    const left = ACCEPTED.filter((k) => !owned.includes(k) && !STRUCTURE.includes(k) && !(isAnnotationKeyword(k) && k.startsWith("x-")));
    expect(left).toEqual([]);
  });

  it("walks every sub-schema keyword schema-walk knows", () => {
    const subschemas = [...SUBSCHEMA_KEYWORDS, ...SUBSCHEMA_LIST_KEYWORDS, ...SUBSCHEMA_MAP_KEYWORDS].filter((k) => !STRUCTURE.includes(k));
    expect(subschemas.filter((k) => !owned.includes(k))).toEqual([]);
  });
});
