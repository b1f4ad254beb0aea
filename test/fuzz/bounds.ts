/**
 * Measures whether fuzz values reach both sides of every bound of a schema: for each bounding
 * keyword at each place in the schema (`minimum` at `#/properties/temperature`, `required` of each
 * key, ...), a value on the valid side right at the bound and a value just past it on the invalid
 * side. The values are seen where the validator sees them: ajv runs the schema with a probe keyword
 * beside every bound, and the probe records each value that reaches it.
 */
import { createAjv } from "../../generator/ajv.js";
import type { Json, JsonObject } from "../../generator/model.js";
import { jsonEqual, keywordShape, withoutAnnotations } from "../../generator/schema-walk.js";
import { withJsonEqual } from "./differential.js";

type Side = "valid" | "invalid";

/** For each keyword: which side of the bound a value at that place is on, "near" meaning just past it (or undefined: neither). */
const SIDES: Record<string, (bound: Json, value: unknown, format?: (s: string) => boolean) => Side | undefined> = {
  minimum: (m, v) => number(v, (x) => (x === m ? "valid" : near(x, m) && x < (m as number) ? "invalid" : undefined)),
  maximum: (m, v) => number(v, (x) => (x === m ? "valid" : near(x, m) && x > (m as number) ? "invalid" : undefined)),
  exclusiveMinimum: (m, v) => number(v, (x) => (x === m ? "invalid" : near(x, m) && x > (m as number) ? "valid" : undefined)),
  exclusiveMaximum: (m, v) => number(v, (x) => (x === m ? "invalid" : near(x, m) && x < (m as number) ? "valid" : undefined)),
  multipleOf: (m, v) => number(v, (x) => (isMultiple(x, m as number) ? (x !== 0 ? "valid" : undefined) : "invalid")),
  minLength: (n, v) => (typeof v === "string" ? edge(codePoints(v), n as number, -1) : undefined),
  maxLength: (n, v) => (typeof v === "string" ? edge(codePoints(v), n as number, +1) : undefined),
  minItems: (n, v) => (Array.isArray(v) ? edge(v.length, n as number, -1) : undefined),
  maxItems: (n, v) => (Array.isArray(v) ? edge(v.length, n as number, +1) : undefined),
  pattern: (p, v) => (typeof v === "string" ? (regExp(p as string).test(v) ? "valid" : "invalid") : undefined),
  format: (_, v, format) => (typeof v === "string" ? (format!(v) ? "valid" : "invalid") : undefined),
  const: (c, v) => (jsonEqual(v, c) ? "valid" : jsonType(v) === jsonType(c) ? "invalid" : undefined),
  enum: (e, v) =>
    (e as Json[]).some((x) => jsonEqual(v, x)) ? "valid" : (e as Json[]).some((x) => jsonType(x) === jsonType(v)) ? "invalid" : undefined,
};

/** `required` is measured per key: the key present, or the key missing from an object. */
const requiredSide = (key: string, v: unknown): Side | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (Object.hasOwn(v, key) ? "valid" : "invalid") : undefined;

export const MEASURED_KEYWORDS = [...Object.keys(SIDES), "required"];

/** Within 1 of the bound, or a few representable steps where 1 is below a double's precision (2^63). */
function near(x: number, bound: Json): boolean {
  const m = bound as number;
  return Math.abs(x - m) <= Math.max(1, Math.abs(m) * 2 ** -50);
}

/** String length as JSON Schema counts it: in code points (a surrogate pair is one). */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

const regExps = new Map<string, RegExp>();
function regExp(pattern: string): RegExp {
  let re = regExps.get(pattern);
  if (!re) {
    re = new RegExp(pattern, "u");
    regExps.set(pattern, re);
  }
  return re;
}

function number(v: unknown, side: (x: number) => Side | undefined): Side | undefined {
  return typeof v === "number" ? side(v) : undefined;
}

/** At the bound is the valid edge; one step past it (`direction`) the invalid one. */
function edge(length: number, bound: number, direction: number): Side | undefined {
  if (length === bound) return "valid";
  return length === bound + direction ? "invalid" : undefined;
}

function isMultiple(x: number, m: number): boolean {
  const q = x / m;
  return Math.abs(Math.round(q) - q) < 1e-9;
}

function jsonType(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}

interface Bound {
  /** Where the keyword is, as ajv writes schema paths (`#/properties/a/minimum`). */
  place: string;
  keyword: string;
  bound: Json;
  /** The key, for `required`. */
  key?: string;
  /** How many values reached each side. */
  seen: Map<Side, number>;
}

export interface BoundCoverage {
  /** Every bound found, with the sides seen so far. */
  bounds: Bound[];
  /** Runs one value through the probes. */
  observe(value: unknown): void;
  /** Each bound and side no value has reached yet, as `place keyword[key] side`. */
  missing(): string[];
}

const PROBE = "modelspecProbe";

export function boundCoverage(schema: Json): BoundCoverage {
  const bounds: Bound[] = [];
  const probes: { bound: Bound; side: (v: unknown) => Side | undefined }[][] = [];
  const ajv = createAjv();
  const formatCheck = (name: string) => {
    const check = ajv.compile({ type: "string", format: name });
    return (s: string) => check(s) as boolean;
  };

  /** A copy of the schema with a probe keyword (holding an index into `probes`) in every schema object that has bounds. */
  const instrument = (node: Json, place: string): Json => {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return node;
    const out: JsonObject = {};
    const here: (typeof probes)[number] = [];
    for (const key of Object.keys(node)) {
      const value = node[key] as Json;
      const at = `${place}/${escapePointerToken(key)}`;
      if (key in SIDES) {
        const bound: Bound = { place: at, keyword: key, bound: value, seen: new Map() };
        const format = key === "format" ? formatCheck(value as string) : undefined;
        bounds.push(bound);
        here.push({ bound, side: (v) => SIDES[key]!(value, v, format) });
      }
      if (key === "required") {
        for (const name of value as string[]) {
          const bound: Bound = { place: at, keyword: key, bound: value, key: name, seen: new Map() };
          bounds.push(bound);
          here.push({ bound, side: (v) => requiredSide(name, v) });
        }
      }
      let copy: Json = value;
      switch (keywordShape(key)) {
        case "schema":
          copy = instrument(value, at);
          break;
        case "schema-map":
          copy = Object.fromEntries(
            Object.keys(value as JsonObject).map((k) => [k, instrument((value as JsonObject)[k]!, `${at}/${escapePointerToken(k)}`)]),
          );
          // A `__proto__` member must stay an own key.
          if (Object.hasOwn(value as JsonObject, "__proto__"))
            Object.defineProperty(copy, "__proto__", {
              // biome-ignore lint/suspicious/noProto lint/complexity/useLiteralKeys: the schema's own "__proto__" member, read as data
              value: instrument((value as JsonObject)["__proto__"]!, `${at}/__proto__`),
              enumerable: true,
              writable: true,
              configurable: true,
            });
          break;
        case "schema-list":
          copy = (value as Json[]).map((item, i) => instrument(item, `${at}/${i}`));
          break;
        default:
          break;
      }
      Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
    }
    if (here.length) {
      out[PROBE] = probes.length;
      probes.push(here);
    }
    return out;
  };

  const instrumented = instrument(withoutAnnotations(schema), "#");
  ajv.addKeyword({
    keyword: PROBE,
    // First of the keywords that apply to every type: inside `not` and `if` ajv stops at the first
    // failing keyword, and the probe must see the value before that.
    before: "$ref",
    schemaType: "number",
    validate: (index: number, data: unknown) => {
      for (const { bound, side } of probes[index]!) {
        const s = side(data);
        if (s) bound.seen.set(s, (bound.seen.get(s) ?? 0) + 1);
      }
      return true;
    },
  });
  const validate = withJsonEqual(true, () => ajv.compile(instrumented as object));
  return {
    bounds,
    observe: (value) => void validate(value),
    missing: () =>
      bounds.flatMap((b) =>
        (["valid", "invalid"] as Side[])
          .filter((s) => !b.seen.has(s) && !impossible(b, s))
          .map((s) => `${b.place}${b.key === undefined ? "" : `[${JSON.stringify(b.key)}]`} ${s}`),
      ),
  };
}

/** Sides no value can be on: a string shorter than 0, a multiple of `multipleOf` that is not 0 beyond a bound that allows only 0, ... */
function impossible(bound: Bound, side: Side): boolean {
  if (side === "invalid" && (bound.keyword === "minLength" || bound.keyword === "minItems")) return bound.bound === 0;
  return false;
}

function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
