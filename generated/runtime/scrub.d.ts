// Copied by modelspec from generator/runtime/scrub.ts. Do not edit here: change that file and run `npm run generate`.
/** Replaces every occurrence of `secret` in the strings of `value` (a provider might echo the key). */
export declare function scrub<T>(value: T, secret: string | undefined): T;
/** `error` to attach as a `cause`, unless it (or its own causes) mentions the secret. */
export declare function safeCause(error: unknown, secret: string | undefined): unknown;
