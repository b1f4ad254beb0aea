// Copied by modelspec from generator/mock/schema.ts. Do not edit here: change that file and run `npm run generate`.
export type JsonRecord = Record<string, unknown>;
export declare function deref(root: unknown, schema: unknown): JsonRecord | undefined;
export declare function schemaAt(root: unknown, pointer: string): JsonRecord | undefined;
/**
 * Fills the required top-level properties of an object schema with empty values of their type, and
 * its declared array properties with `[]` (Cloudflare's envelope always carries `messages: []`).
 */
export declare function fillRequired(body: JsonRecord, schema: unknown): JsonRecord;
export declare function fieldAllowsNull(schema: JsonRecord | undefined): boolean;
export declare function setPointer(body: JsonRecord, pointer: string, value: unknown): void;
/** Whether a request holds this JSON value (key order aside); an absent field holds none. */
export declare function sameJson(a: unknown, b: unknown): boolean;
