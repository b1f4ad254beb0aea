/**
 * What the spec-driven suites share: the offerings and providers the catalog lists (never a list
 * written into a test), bad requests derived from each request schema, and the validator suite,
 * which runs on the committed `generated/` and on a temporary generation (test/spec-addition.test.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Json, JsonObject } from "../generator/model.js";
import { GENERATED_DIR } from "./helpers.js";

export interface CatalogEntry {
  id: string;
  provider: string;
  model: string;
  source: { seed: string; section: string; url: string | null };
}

/** The catalog of a generated folder: one entry per offering. */
export function catalogOf(dir = GENERATED_DIR): CatalogEntry[] {
  return JSON.parse(readFileSync(path.join(dir, "catalog.json"), "utf8")) as CatalogEntry[];
}

/** Every offering id of the committed catalog, sorted. */
export const OFFERING_IDS: readonly string[] = catalogOf()
  .map((entry) => entry.id)
  .sort();

/** Every provider id that serves an offering in the committed catalog, sorted. */
export const PROVIDER_IDS: readonly string[] = [...new Set(catalogOf().map((entry) => entry.provider))].sort();

/**
 * A hand-written table keyed by offering id stays in step with the catalog: an id the catalog no
 * longer lists is an error naming the table. Ids the table lacks are what `uncovered` returns,
 * for the caller to decide (derived cases, or an error asking for a row).
 */
export function checkTableIds(table: string, ids: Iterable<string>, catalog: readonly string[] = OFFERING_IDS): void {
  const stale = [...ids].filter((id) => !catalog.includes(id));
  if (stale.length > 0) throw new Error(`${table} names ${stale.join(", ")}, which the catalog does not list: remove or rename those rows`);
}

// ------------------------------------------------------------------------------------------------
// Bad requests derived from a request schema

/** [what is wrong, pointer to change, new value, expected instancePath, expected keyword, the request to change (else the first example's)] */
export type Invalid = [string, string, unknown, string, string, object?];

/** Marks a value to remove in `mutate`. */
export const REMOVE = Symbol("remove");

/** A copy of `base` with the value at `pointer` replaced (or removed when `value` is `REMOVE`). */
export function mutate(base: object, pointer: string, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const tokens = pointer.split("/").slice(1);
  let target: Record<string, unknown> = copy;
  for (const token of tokens.slice(0, -1)) {
    target[token] ??= {};
    target = target[token] as Record<string, unknown>;
  }
  const last = tokens[tokens.length - 1]!;
  if (value === REMOVE) delete target[last];
  else target[last] = value;
  return copy;
}

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === "object" && !Array.isArray(value);

/** A node with its local `$ref` (`#/$defs/X`) followed, siblings kept. */
function deref(root: JsonObject, node: Json | undefined): JsonObject | undefined {
  if (!isObject(node)) return undefined;
  const ref = node.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/$defs/")) return node;
  const { $ref: _, ...siblings } = node;
  const target = deref(root, (root.$defs as JsonObject | undefined)?.[ref.slice("#/$defs/".length)]);
  return target ? { ...target, ...siblings } : siblings;
}

/** A value of another JSON type than `type` allows (undefined when every type is allowed). */
function wrongType(type: Json | undefined): unknown {
  const allowed = new Set(Array.isArray(type) ? type : [type]);
  const candidates: [unknown, string[]][] = [
    [42, ["number", "integer"]],
    ["1", ["string"]],
    [true, ["boolean"]],
    [null, ["null"]],
  ];
  return candidates.find(([, types]) => !types.some((t) => allowed.has(t)))?.[0];
}

/** A value of each scalar type, standing for a property the examples leave out (only its type matters). */
const SCALAR_STAND_INS: Record<string, unknown> = { number: 1, integer: 1, string: "", boolean: true };

/**
 * One bad request per constraint the schema states on a value the example requests have, or on a
 * scalar property they leave out (and per required key, and per closed object they write): each breaks exactly that constraint, so the
 * validator must say so at that place with that keyword. Branches of `anyOf`/`oneOf` are left to
 * the hand-picked tables: which branch ajv blames is not the schema's to say.
 */
export function derivedInvalidRequests(schema: JsonObject, examples: readonly object[]): Invalid[] {
  const out: Invalid[] = [];
  const seen = new Set<string>();
  for (const example of examples) {
    const before = out.length;
    visit(deref(schema, schema), example, "");
    // Each place and keyword once, broken in the first example that has the place.
    const fresh = out.splice(before).filter(([, , , at, keyword]) => !seen.has(`${at} ${keyword}`) && !!seen.add(`${at} ${keyword}`));
    out.push(...fresh.map((c): Invalid => [c[0], c[1], c[2], c[3], c[4], example]));
  }
  return out;

  function visit(node: JsonObject | undefined, value: unknown, pointer: string): void {
    if (!node || node.anyOf !== undefined || node.oneOf !== undefined) return;
    const at = pointer || "(the request)";
    const wrong = wrongType(node.type);
    if (pointer !== "" && node.type !== undefined && wrong !== undefined) out.push([`${at} of the wrong type`, pointer, wrong, pointer, "type"]);
    if (typeof value === "number") {
      // One past the bound, in a step a double can tell apart from it (a maximum of 2^63 swallows + 1).
      const step = (bound: number) => Math.max(node.type === "integer" ? 1 : 0.5, Math.abs(bound) * 2 ** -50);
      if (typeof node.minimum === "number") out.push([`${at} below its minimum`, pointer, node.minimum - step(node.minimum), pointer, "minimum"]);
      if (typeof node.maximum === "number") out.push([`${at} above its maximum`, pointer, node.maximum + step(node.maximum), pointer, "maximum"]);
      if (typeof node.exclusiveMinimum === "number")
        out.push([`${at} at its exclusive minimum`, pointer, node.exclusiveMinimum, pointer, "exclusiveMinimum"]);
      if (typeof node.exclusiveMaximum === "number")
        out.push([`${at} at its exclusive maximum`, pointer, node.exclusiveMaximum, pointer, "exclusiveMaximum"]);
    }
    if (typeof value === "string") {
      if (typeof node.minLength === "number" && node.minLength > 0)
        out.push([`${at} too short`, pointer, "x".repeat(node.minLength - 1), pointer, "minLength"]);
      if (typeof node.maxLength === "number" && node.maxLength < 1_000_000)
        out.push([`${at} too long`, pointer, "x".repeat(node.maxLength + 1), pointer, "maxLength"]);
      if (Array.isArray(node.enum) && node.enum.every((v) => typeof v === "string"))
        out.push([`${at} outside its values`, pointer, `${node.enum.join("")}-not-listed`, pointer, "enum"]);
      if (typeof node.const === "string") out.push([`${at} not its fixed value`, pointer, `${node.const}-other`, pointer, "const"]);
      if (typeof node.format === "string") out.push([`${at} not a ${node.format}`, pointer, "not a valid value", pointer, "format"]);
    }
    if (Array.isArray(value)) {
      if (typeof node.minItems === "number" && node.minItems > 0 && value.length >= node.minItems)
        out.push([`${at} with too few items`, pointer, value.slice(0, node.minItems - 1), pointer, "minItems"]);
      if (typeof node.maxItems === "number" && node.maxItems < 1000 && value.length > 0)
        out.push([`${at} with too many items`, pointer, Array.from({ length: node.maxItems + 1 }, () => value[0]), pointer, "maxItems"]);
      if (value.length > 0) visit(deref(schema, node.items), value[0], `${pointer}/0`);
    }
    if (isObject(value)) {
      for (const key of Array.isArray(node.required) ? node.required : [])
        if (typeof key === "string" && Object.hasOwn(value, key))
          out.push([`${at} without ${key}`, `${pointer}/${key}`, REMOVE, pointer, "required"]);
      if (node.additionalProperties === false)
        out.push([`${at} with an unknown key`, `${pointer}/x_not_in_the_schema`, true, pointer, "additionalProperties"]);
      const properties = isObject(node.properties) ? node.properties : {};
      for (const key of Object.keys(properties)) {
        const property = deref(schema, properties[key]);
        // A scalar the example leaves out is broken all the same: its value is set, not changed.
        const given = Object.hasOwn(value, key) ? value[key as keyof typeof value] : SCALAR_STAND_INS[String(property?.type)];
        if (given !== undefined) visit(property, given, `${pointer}/${key}`);
      }
    }
  }
}

// ------------------------------------------------------------------------------------------------
// The validator suite

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string }[] | null };
export interface RegistryOffering {
  id: string;
  examples: readonly { name: string; request: object; response?: object; events?: readonly object[] }[];
  validators: { request: Validate; response: Validate; stream?: Validate };
}

/**
 * For each offering: every example request, response and event passes its validator, and every
 * bad request derived from the request schema (plus those of `handPicked` for it) fails at the
 * place and keyword it breaks.
 */
export function describeValidators(
  offerings: Record<string, RegistryOffering>,
  schemas: ReadonlyMap<string, JsonObject>,
  handPicked: Record<string, readonly Invalid[]> = {},
): void {
  describe.each(Object.keys(offerings).sort())("%s", (id) => {
    const offering = offerings[id]!;

    it("accepts every example request, response and stream event of its spec", () => {
      expect(offering.examples.length).toBeGreaterThan(0);
      for (const example of offering.examples) {
        expect(offering.validators.request(example.request), `${example.name}: ${JSON.stringify(offering.validators.request.errors)}`).toBe(true);
        if (example.response)
          expect(
            offering.validators.response(example.response),
            `${example.name} response: ${JSON.stringify(offering.validators.response.errors)}`,
          ).toBe(true);
        for (const event of example.events ?? []) expect(offering.validators.stream!(event), `${example.name} event`).toBe(true);
      }
    });

    const cases = [
      ...derivedInvalidRequests(
        schemas.get(id)!,
        offering.examples.map((e) => e.request),
      ),
      ...(handPicked[id] ?? []),
    ];
    it("has bad requests to try", () => {
      expect(cases.length).toBeGreaterThanOrEqual(5);
    });
    it.each(cases)("rejects: %s", (_, pointer, value, instancePath, keyword, base = offering.examples[0]!.request) => {
      const validate = offering.validators.request;
      expect(validate(mutate(base, pointer, value))).toBe(false);
      expect(validate.errors?.map((e) => [e.instancePath, e.keyword])).toContainEqual([instancePath, keyword]);
    });
  });
}
