/**
 * The rules tests' table runner. A case is a before/after spec pair (one offering whose request,
 * response or stream schema is the case's schema), loaded through the same pipeline as
 * `generate`, and the exact list of changes (offering, schema, pointer, kind, severity). A family's
 * file also checks that its cases cover every kind its rules report, in a request and in a response.
 */
import { describe, expect, it } from "vitest";
import { type Change, directionOf, type SchemaKind } from "../../../generator/diff/kinds.js";
import { diffModels } from "../../../generator/diff/models.js";
import { diffSchemas } from "../../../generator/diff/walk.js";
import { loadModel } from "../../../generator/generate.js";
import type { Json, Model, SchemaRole } from "../../../generator/model.js";
import { textFiles } from "../../helpers.js";
import { offeringSpecs, type Placed } from "../helpers.js";

export type Want = [pointer: string, kind: string, severity: string][];
export type Case = [string, { role: SchemaRole; before: Placed; after: Placed; want: Want }];
/** A case on bare schemas, for what the spec pipeline would reject before diffing. */
export type DirectCase = [string, { role: SchemaRole; before: Json; after: Json; want: Want }];

export const obj = (properties: Record<string, Json>, extra: Record<string, Json> = {}): Json => ({ type: "object", properties, ...extra });
export const str = { type: "string" };
export const nul = { type: "null" };
export const num = { type: "number" };
export const arr = (extra: Record<string, Json> = {}): Json => ({ type: "array", ...extra });

const models = new Map<string, Model>();
/** The model of a one-offering spec folder whose `role` schema is `placed`, loaded once per file. */
export function load(role: SchemaRole, placed: Placed): Model {
  const specs = offeringSpecs(role, placed);
  const key = JSON.stringify(specs);
  let model = models.get(key);
  if (!model) {
    model = loadModel(textFiles(specs));
    models.set(key, model);
  }
  return model;
}

/** What a set of cases covers: `<kind> in a request|response`. */
function covered(cases: readonly (Case | DirectCase)[]): Set<string> {
  return new Set(cases.flatMap(([, { role, want }]) => want.map(([, kind]) => `${kind} in a ${directionOf(role)}`)));
}

/**
 * Runs a family's cases, and checks that together they cover each of `kinds` (what the family's
 * rules report) in a request and in a response.
 */
export function ruleCases(title: string, kinds: readonly SchemaKind[], cases: readonly Case[], direct: readonly DirectCase[] = []): void {
  describe(title, () => {
    it("has a case per kind and direction", () => {
      expect(cases.length + direct.length).toBeGreaterThan(0);
      const names = [...cases, ...direct].map(([name]) => name);
      expect(new Set(names).size).toBe(names.length);
      const have = covered([...cases, ...direct]);
      const every = kinds.flatMap((kind) => [`${kind} in a request`, `${kind} in a response`]);
      expect(every.filter((k) => !have.has(k))).toEqual([]);
    });

    if (cases.length > 0)
      it.each(cases)("%s", (_name, { role, before, after, want }) => {
        const project = (c: Change) => ({ offering: c.offering, schema: c.schema, pointer: c.pointer, kind: c.kind, severity: c.severity });
        const got = diffModels(load(role, before), load(role, after)).map(project);
        expect(got).toEqual(want.map(([pointer, kind, severity]) => ({ offering: "acme/tiny", schema: role, pointer, kind, severity })));
      });

    if (direct.length > 0)
      it.each(direct)("%s (bare schemas)", (_name, { before, after, role, want }) => {
        expect(diffSchemas(before, after, role).map((c) => [c.pointer, c.kind, c.severity])).toEqual(want);
      });
  });
}
