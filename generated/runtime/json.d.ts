// Copied by modelspec from generator/runtime/json.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * JSON helpers: RFC 6901 pointers and JSON equality. The one copy: the client runtime, the mock
 * server and the generator all import it from here (it lives in runtime/ because the runtime is
 * copied into generated/ and must stay self-contained).
 */
export declare function isObject(value: unknown): value is Record<string, unknown>;
/** `a/b~c` → `a~1b~0c`. */
export declare function escapePointerToken(token: string): string;
/** `a~1b~0c` → `a/b~c` (`~1` first, so `~01` stays `~1`). */
export declare function unescapePointerToken(token: string): string;
export declare function joinPointer(base: string, ...tokens: (string | number)[]): string;
export declare function splitPointer(pointer: string): string[];
/**
 * The value at a JSON pointer; `undefined` when the path is absent. Only own properties count
 * (`/constructor` finds nothing in `{}`), and an array index is a canonical decimal (`01` and `-`
 * name nothing).
 */
export declare function getPointer(value: unknown, pointer: string): unknown;
/**
 * Equality of JSON values, as JSON Schema uses it for `const`, `enum` and `uniqueItems`: key order
 * does not matter. The validators use it instead of ajv's fast-deep-equal, which throws on data
 * with a `valueOf` or `toString` key (it calls them) and compares a `constructor` key by identity
 * (epoberezkin/fast-deep-equal#49, #142). Self-contained: the validators' helper bundle inlines it.
 */
export declare function jsonEqual(a: unknown, b: unknown): boolean;
