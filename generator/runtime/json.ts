/**
 * JSON helpers: RFC 6901 pointers and JSON equality. The one copy: the client runtime, the mock
 * server and the generator all import it from here (it lives in runtime/ because the runtime is
 * copied into generated/ and must stay self-contained).
 */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `a/b~c` → `a~1b~0c`. */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** `a~1b~0c` → `a/b~c` (`~1` first, so `~01` stays `~1`). */
export function unescapePointerToken(token: string): string {
  // Most tokens have no escape: skip the two scans (the client reads its error pointer on every reply).
  return token.includes("~") ? token.replace(/~1/g, "/").replace(/~0/g, "~") : token;
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((t) => `/${escapePointerToken(String(t))}`).join("");
}

export function splitPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map(unescapePointerToken);
}

/**
 * The value at a JSON pointer; `undefined` when the path is absent. Only own properties count
 * (`/constructor` finds nothing in `{}`), and an array index is a canonical decimal (`01` and `-`
 * name nothing).
 */
export function getPointer(value: unknown, pointer: string): unknown {
  let current = value;
  // An indexed loop over the split, not for…of over a slice's split: the client reads its error pointer in every reply.
  const tokens = pointer.split("/");
  for (let i = 1; i < tokens.length; i++) {
    const token = unescapePointerToken(tokens[i]!);
    if (Array.isArray(current)) current = /^(0|[1-9][0-9]*)$/.test(token) ? current[Number(token)] : undefined;
    else if (isObject(current)) current = Object.hasOwn(current, token) ? current[token] : undefined;
    else return undefined;
  }
  return current;
}

/**
 * Equality of JSON values, as JSON Schema uses it for `const`, `enum` and `uniqueItems`: key order
 * does not matter. The validators use it instead of ajv's fast-deep-equal, which throws on data
 * with a `valueOf` or `toString` key (it calls them) and compares a `constructor` key by identity
 * (epoberezkin/fast-deep-equal#49, #142). Self-contained: the validators' helper bundle inlines it.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
