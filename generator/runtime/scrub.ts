/** Keeps the API key out of everything an error carries: its details and its cause. */
import { isObject } from "./json.js";

/** Replaces every occurrence of `secret` in the strings of `value` (a provider might echo the key). */
export function scrub<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.split(secret).join("[redacted]");
    if (Array.isArray(v)) return v.map(walk);
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** `error` to attach as a `cause`, unless it (or its own causes) mentions the secret. */
export function safeCause(error: unknown, secret: string | undefined): unknown {
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 5; depth++) {
    const text = e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e);
    if (secret && text.includes(secret)) return undefined;
    e = e instanceof Error ? e.cause : undefined;
  }
  return error;
}
