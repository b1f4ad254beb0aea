/**
 * fast-check arbitraries made from a bundled JSON Schema: values that sit on every bound the
 * schema states (valid ones, and near-misses just past each bound), mixed with random JSON.
 *
 * Every schema node draws either a "good" value (built to satisfy that node: each bound, an
 * exclusive bound plus the smallest step, lengths at the limits, enum members, required keys)
 * or, less often, a "near miss" for that node alone (one past a bound, a bound that is exclusive,
 * a multipleOf off by a little, an enum member changed by one character, a required key left
 * out, an extra key, a wrong type). A whole value therefore carries zero, one or a few mistakes
 * at any depth, which is where validators disagree if they ever do.
 */
import fc from "fast-check";
import type { Json, JsonObject } from "../../generator/model.js";
import { ODD_KEYS, PAYLOADS } from "../hostile/corpus.js";

type Arb = fc.Arbitrary<unknown>;

/** Strings at a length bound are built up to this length (Runware's systemPrompt allows 200,000 characters). */
const MAX_BUILT_LENGTH = 1_000_000;

/** fc.integer works within 32 bits. */
const INT32 = -(2 ** 31);

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === "object" && !Array.isArray(v);

/** An object with these own keys; `__proto__` stays an ordinary key, as JSON.parse leaves it. */
function own(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** The next representable doubles around `x`, and steps a reader would call "just past". */
function around(x: number): number[] {
  const up = nextAfter(x, Infinity);
  const down = nextAfter(x, -Infinity);
  return [x, up, down, x + 1e-9, x - 1e-9, x + 0.5, x - 0.5, x + 1, x - 1].filter(Number.isFinite);
}

function nextAfter(x: number, direction: number): number {
  if (Number.isNaN(x) || x === direction) return x;
  if (x === 0) return direction > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const buffer = new DataView(new ArrayBuffer(8));
  buffer.setFloat64(0, x);
  const bits = buffer.getBigInt64(0);
  buffer.setBigInt64(0, x > 0 === direction > x ? bits + 1n : bits - 1n);
  return buffer.getFloat64(0);
}

const ANY_JSON: Arb = fc.jsonValue({ maxDepth: 2 });
const ODD_KEY = fc.constantFrom(...ODD_KEYS);
const HOSTILE_STRING = fc.constantFrom(...PAYLOADS);
const SCALAR_OF_EVERY_TYPE: Arb = fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, "", "x", [], {}, [null], { "": null });

export interface ArbitraryOptions {
  /** How much likelier a node draws a good value than a near miss; 0 misses means only good values. */
  goodWeight?: number;
  missWeight?: number;
  /** Below this depth, nodes draw simple values only (keeps values small and generation fast). */
  maxDepth?: number;
}

/** Values for a bundled schema (`$ref` is `#` or `#/$defs/<name>`). */
export function arbitraryFor(root: Json, options: ArbitraryOptions = {}): Arb {
  const goodWeight = options.goodWeight ?? 20;
  const missWeight = options.missWeight ?? 1;
  const maxDepth = options.maxDepth ?? 6;
  const defs = isObject(root) && isObject(root.$defs) ? root.$defs : {};
  const cache = new Map<string, Arb>();

  const deref = (schema: Json): Json => {
    let current = schema;
    for (let hops = 0; hops < 16 && isObject(current) && typeof current.$ref === "string"; hops++) {
      const ref: string = current.$ref;
      const rest: JsonObject = own(Object.entries(current).filter(([k]) => k !== "$ref")) as JsonObject;
      const target = ref === "#" ? root : ref.startsWith("#/$defs/") ? defs[decodeURIComponent(ref.slice(8))] : undefined;
      if (target === undefined) return rest;
      // Sibling keywords of a $ref apply too; merging them keeps the bounds they add.
      current = isObject(target) ? ({ ...target, ...rest } as JsonObject) : target;
    }
    return current;
  };

  function node(schema: Json, depth: number): Arb {
    const resolved = deref(schema);
    if (resolved === true || resolved === undefined) return depth > maxDepth ? SCALAR_OF_EVERY_TYPE : ANY_JSON;
    if (resolved === false || !isObject(resolved)) return ANY_JSON;
    if (depth > maxDepth) return missWeight ? fc.oneof(SCALAR_OF_EVERY_TYPE, simpleGood(resolved)) : simpleGood(resolved);
    const key = `${depth}:${JSON.stringify(resolved)}`;
    let arb = cache.get(key);
    if (!arb) {
      // Depth is part of the key and grows on every step, so recursive schemas end at maxDepth.
      arb = missWeight
        ? fc.oneof(
            { arbitrary: good(resolved, depth), weight: goodWeight },
            { arbitrary: nearMiss(resolved, depth), weight: missWeight },
            { arbitrary: ANY_JSON, weight: missWeight },
          )
        : good(resolved, depth);
      cache.set(key, arb);
    }
    return arb;
  }

  /** A cheap good value with no recursion, for nodes below the depth limit. */
  function simpleGood(schema: JsonObject): Arb {
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
    const types = typesOf(schema);
    if (types.includes("string")) return fc.string({ maxLength: 4 });
    if (types.includes("integer") || types.includes("number")) return fc.integer({ min: -2, max: 2 });
    if (types.includes("boolean")) return fc.boolean();
    if (types.includes("array")) return fc.constant([]);
    if (types.includes("object")) return fc.constant({});
    return fc.constant(null);
  }

  function good(schema: JsonObject, depth: number): Arb {
    const options: Arb[] = [];
    if (schema.const !== undefined) options.push(fc.constant(schema.const));
    if (Array.isArray(schema.enum)) options.push(fc.constantFrom(...schema.enum));
    for (const keyword of ["anyOf", "oneOf", "allOf"] as const) {
      if (Array.isArray(schema[keyword]))
        options.push(...(schema[keyword] as Json[]).map((branch) => node(mergeSiblings(schema, branch), depth + 1)));
    }
    if (schema.if !== undefined) {
      for (const branch of [schema.then, schema.else]) if (branch !== undefined) options.push(node(mergeSiblings(schema, branch), depth + 1));
    }
    if (options.length === 0 || (schema.const === undefined && !Array.isArray(schema.enum))) {
      for (const type of typesOf(schema)) options.push(ofType(schema, type, depth));
    }
    return options.length ? fc.oneof(...options) : ANY_JSON;
  }

  function nearMiss(schema: JsonObject, depth: number): Arb {
    const misses: Arb[] = [SCALAR_OF_EVERY_TYPE];
    if (schema.const !== undefined) misses.push(fc.constantFrom(...changed(schema.const)));
    if (Array.isArray(schema.enum)) misses.push(fc.constantFrom(...schema.enum.flatMap(changed)));
    const types = typesOf(schema);
    if (types.includes("number") || types.includes("integer")) misses.push(...numberMisses(schema).map((group) => fc.constantFrom(...group)));
    if (types.includes("string")) misses.push(stringMisses(schema));
    if (types.includes("array")) misses.push(arrayMisses(schema, depth));
    if (types.includes("object")) misses.push(objectMisses(schema, depth));
    if (schema.not !== undefined) misses.push(node(schema.not, depth + 1));
    return fc.oneof(...misses);
  }

  function ofType(schema: JsonObject, type: string, depth: number): Arb {
    switch (type) {
      case "null":
        return fc.constant(null);
      case "boolean":
        return fc.boolean();
      case "integer":
      case "number":
        return numbers(schema, type === "integer");
      case "string":
        return strings(schema);
      case "array":
        return arrays(schema, depth);
      default:
        return objects(schema, depth);
    }
  }

  function numbers(schema: JsonObject, integer: boolean): Arb {
    const min = typeof schema.minimum === "number" ? schema.minimum : undefined;
    const max = typeof schema.maximum === "number" ? schema.maximum : undefined;
    const xmin = typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum : undefined;
    const xmax = typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum : undefined;
    const low = Math.max(min ?? -1e6, xmin !== undefined ? nextAfter(xmin, Infinity) : -Infinity);
    const high = Math.min(max ?? 1e6, xmax !== undefined ? nextAfter(xmax, -Infinity) : Infinity);
    const step = typeof schema.multipleOf === "number" ? schema.multipleOf : undefined;
    const edges = [min, max, xmin, xmax].filter((x): x is number => x !== undefined).flatMap(around);
    const onStep = (x: number) => !step || Math.abs(x / step - Math.round(x / step)) < 1e-9;
    const inside = edges.filter((x) => x >= low && x <= high && (!integer || Number.isInteger(x)) && onStep(x));
    const options: Arb[] = [];
    if (inside.length) options.push(fc.constantFrom(...inside));
    if (low <= high && !step) {
      const [a, b] = [Math.ceil(low), Math.floor(high)];
      if (!integer) options.push(fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true }));
      else if (a <= b && a >= INT32 && b <= -INT32 - 1) options.push(fc.integer({ min: a, max: b }));
      else if (a <= b)
        options.push(fc.double({ min: a, max: b, noNaN: true, noDefaultInfinity: true }).map((x) => Math.min(b, Math.max(a, Math.round(x)))));
    }
    if (step) {
      const from = Math.ceil(Math.max(low, -1e6) / step);
      const to = Math.min(Math.floor(Math.min(high, 1e6) / step), from + 100_000);
      if (from <= to && from >= INT32 && to <= -INT32 - 1) options.push(fc.integer({ min: from, max: to }).map((k) => k * step));
    }
    return options.length ? fc.oneof(...options) : fc.double({ noNaN: true, noDefaultInfinity: true });
  }

  /** Numbers just past (and at) each bound, one group per bound so every bound is drawn as often. */
  function numberMisses(schema: JsonObject): number[][] {
    const groups: number[][] = [];
    for (const bound of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]) {
      if (typeof schema[bound] === "number") groups.push(around(schema[bound] as number));
    }
    if (typeof schema.multipleOf === "number") {
      const m = schema.multipleOf;
      groups.push([1, 3, 7, 30, 33].flatMap((k) => [k * m, k * m + m / 1000, k * m - m / 1e7, k * m + m / 2, k * m * (1 + 1e-12)]));
    }
    groups.push([0.5, -0.5, 1e21, -1e21, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE]);
    return groups;
  }

  function strings(schema: JsonObject): Arb {
    const minLength = typeof schema.minLength === "number" ? schema.minLength : 0;
    const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : undefined;
    // A pattern or a format says more than lengths: strings built for it are the good ones.
    if (typeof schema.pattern === "string") {
      try {
        return fc.stringMatching(new RegExp(schema.pattern, "u"));
      } catch {
        // fast-check cannot build strings for every regular expression; lengths and formats still apply.
      }
    }
    const options: Arb[] = [];
    switch (schema.format) {
      case "uuid":
        return fc.uuid();
      case "uri":
        return fc.webUrl({ withQueryParameters: true, withFragments: true });
      case "date-time":
        return fc.date({ min: new Date(0), max: new Date(4102444800000), noInvalidDate: true }).map((d) => d.toISOString());
      case "email":
        return fc.emailAddress();
      default:
        break;
    }
    const lengths = { minLength, maxLength: Math.min(maxLength ?? minLength + 8, minLength + 40) };
    options.push(fc.string({ ...lengths, unit: "grapheme-composite" }), fc.string(lengths));
    const atBounds = [minLength, maxLength]
      .filter((n): n is number => n !== undefined && n <= MAX_BUILT_LENGTH)
      .flatMap((n) => ["a".repeat(n), "\u{1F600}".repeat(n)]);
    options.push(HOSTILE_STRING);
    return withLongOnes(options, atBounds);
  }

  /** The options, plus constant strings: short ones as often as an option, long ones (costly to judge) less often. */
  function withLongOnes(options: Arb[], constants: string[], longWeight = 1): Arb {
    const short = constants.filter((c) => c.length <= 1000);
    const long = constants.filter((c) => c.length > 1000);
    const weighted = [...options, ...short.map((c) => fc.constant(c))].map((arbitrary) => ({ arbitrary, weight: 8 }));
    return fc.oneof(...weighted, ...(long.length ? [{ arbitrary: fc.constantFrom(...long), weight: longWeight }] : []));
  }

  function stringMisses(schema: JsonObject): Arb {
    const lengths = [schema.minLength, schema.maxLength].filter((n): n is number => typeof n === "number" && n <= MAX_BUILT_LENGTH);
    const out = lengths.flatMap((n) => [n - 1, n + 1].filter((k) => k >= 0).flatMap((k) => ["b".repeat(k), "\u{1F600}".repeat(k)]));
    // Misses are drawn less often than good values, so their long strings may be drawn more.
    const misses: Arb[] = [withLongOnes([fc.constantFrom("", " ", "not-a-match", "\u0000")], out, 8)];
    if (typeof schema.pattern === "string") {
      try {
        misses.push(
          fc.stringMatching(new RegExp(schema.pattern, "u")).map((s) => `${s}!`),
          fc.stringMatching(new RegExp(schema.pattern, "u")).map((s) => s.slice(1)),
        );
      } catch {
        // as above
      }
    }
    if (schema.format === "uuid")
      misses.push(
        fc.uuid().map((u) => u.slice(0, -1)),
        fc.uuid().map((u) => u.replace(/-/g, "")),
      );
    if (schema.format === "uri") misses.push(fc.constantFrom("not a uri", "//host/path", "http://", "mailto:", "http://[::1"));
    if (schema.format === "date-time")
      misses.push(fc.constantFrom("2024-02-30T00:00:00Z", "2024-01-01", "2024-01-01T25:00:00Z", "2024-01-01T00:00:00"));
    return fc.oneof(...misses);
  }

  function arrays(schema: JsonObject, depth: number): Arb {
    const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as Json[]).map((s) => node(s, depth + 1)) : [];
    const item = schema.items === false ? undefined : node((schema.items ?? true) as Json, depth + 1);
    const minItems = typeof schema.minItems === "number" ? schema.minItems : 0;
    const maxItems = Math.min(typeof schema.maxItems === "number" ? schema.maxItems : minItems + 3, minItems + 4);
    const rest = item
      ? fc.array(item, { minLength: Math.max(0, minItems - prefix.length), maxLength: Math.max(0, maxItems - prefix.length) })
      : fc.constant([]);
    const array = fc.tuple(fc.tuple(...prefix), rest).map(([head, tail]) => [...head, ...tail]);
    return schema.uniqueItems === true
      ? array.map((a) => a.filter((x, i) => a.findIndex((y) => JSON.stringify(y) === JSON.stringify(x)) === i))
      : array;
  }

  function arrayMisses(schema: JsonObject, depth: number): Arb {
    const item = node((schema.items ?? true) as Json, depth + 1);
    const misses: Arb[] = [];
    if (typeof schema.minItems === "number" && schema.minItems > 0)
      misses.push(fc.array(item, { minLength: schema.minItems - 1, maxLength: schema.minItems - 1 }));
    if (typeof schema.maxItems === "number" && schema.maxItems < 50)
      misses.push(fc.array(item, { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 1 }));
    if (schema.uniqueItems === true) misses.push(item.map((x) => [x, structuredCloneJson(x)]));
    misses.push(fc.array(SCALAR_OF_EVERY_TYPE, { maxLength: 3 }), fc.constant({ 0: "not an array", length: 1 }));
    return fc.oneof(...misses);
  }

  function objects(schema: JsonObject, depth: number): Arb {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const names = [...new Set([...Object.keys(properties), ...required])];
    const fields = names.map((name) =>
      fc.tuple(
        fc.constant(name),
        required.has(name) ? fc.constant(true) : fc.boolean(),
        Object.hasOwn(properties, name) ? node(properties[name]!, depth + 1) : ANY_JSON,
      ),
    );
    const extras: Arb[] = [];
    const additional = schema.additionalProperties;
    if (additional !== false && additional !== undefined && additional !== true)
      extras.push(fc.tuple(fc.oneof(ODD_KEY, fc.string({ maxLength: 6 })), node(additional, depth + 1)));
    if (isObject(schema.patternProperties)) {
      for (const pattern of Object.keys(schema.patternProperties)) {
        try {
          extras.push(fc.tuple(fc.stringMatching(new RegExp(pattern, "u")), node(schema.patternProperties[pattern]!, depth + 1)));
        } catch {
          // as above
        }
      }
    }
    const extraEntries = extras.length ? fc.array(fc.oneof(...extras), { maxLength: 2 }) : fc.constant([]);
    return fc
      .tuple(fc.tuple(...fields), extraEntries)
      .map(([present, extra]) =>
        own([
          ...(present as [string, boolean, unknown][]).filter(([, keep]) => keep).map(([k, , v]) => [k, v] as const),
          ...(extra as [string, unknown][]),
        ]),
      );
  }

  function objectMisses(schema: JsonObject, depth: number): Arb {
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    const base = objects(schema, depth) as fc.Arbitrary<Record<string, unknown>>;
    const misses: Arb[] = [
      // An extra key: an odd one, a near-twin of a real one, or a random one.
      fc
        .tuple(
          base,
          fc.oneof(
            ODD_KEY,
            fc.string({ maxLength: 6 }),
            fc.constantFrom(...Object.keys(isObject(schema.properties) ? schema.properties : { x: 0 }).map((k) => `${k}_`)),
          ),
          ANY_JSON,
        )
        .map(([o, k, v]) => own([...Object.entries(o), [k, v]])),
      fc.constantFrom(null, [], "object", 0),
    ];
    if (required.length)
      misses.push(fc.tuple(base, fc.constantFrom(...required)).map(([o, k]) => own(Object.entries(o).filter(([key]) => key !== k))));
    if (isObject(schema.properties) && Object.keys(schema.properties).length) {
      misses.push(
        fc
          .tuple(base, fc.constantFrom(...Object.keys(schema.properties)), SCALAR_OF_EVERY_TYPE)
          .map(([o, k, v]) => own([...Object.entries(o).filter(([key]) => key !== k), [k, v]])),
      );
    }
    return fc.oneof(...misses);
  }

  return node(root, 0);
}

function typesOf(schema: JsonObject): string[] {
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type)) return schema.type as string[];
  const inferred: string[] = [];
  if (schema.properties || schema.required || schema.additionalProperties !== undefined || schema.patternProperties) inferred.push("object");
  if (schema.items !== undefined || schema.prefixItems || schema.minItems !== undefined) inferred.push("array");
  if (schema.minLength !== undefined || schema.maxLength !== undefined || schema.pattern || schema.format) inferred.push("string");
  if (["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"].some((k) => schema[k] !== undefined)) inferred.push("number");
  if (inferred.length === 0 && schema.const === undefined && !schema.enum && !schema.anyOf && !schema.oneOf && !schema.allOf)
    return ["null", "boolean", "number", "string", "array", "object"];
  return inferred;
}

/** Sibling keywords next to a combinator apply to each branch too. */
function mergeSiblings(schema: JsonObject, branch: Json): Json {
  if (!isObject(branch)) return branch;
  const { anyOf: _a, oneOf: _o, allOf: _l, if: _i, then: _t, else: _e, not: _n, ...siblings } = schema;
  return { ...siblings, ...branch } as JsonObject;
}

/** Values one small step away from `value`: a changed character, a neighbouring number, another type. */
function changed(value: Json): Json[] {
  if (typeof value === "string")
    return [`${value} `, value.slice(0, -1), value.toUpperCase() === value ? value.toLowerCase() : value.toUpperCase(), `${value}\u0000`, 0];
  if (typeof value === "number") return [value + 1, value - 1, nextAfter(value, Infinity), String(value)];
  if (typeof value === "boolean") return [!value, String(value)];
  if (value === null) return [0, "null", false];
  if (Array.isArray(value)) return [[...value, null], value.slice(1)];
  return [own([...Object.entries(value), ["extra", 1]]) as JsonObject, own(Object.entries(value).slice(1)) as JsonObject];
}

function structuredCloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
