// Copied by modelspec from generator/runtime/binary-body.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * Binary response bodies (an image, audio): what the HTTP client and the binding share to read them
 * and to tell them from a JSON reply. The mock server's side is mock/binary.ts.
 */
/** `application/json`, `application/problem+json`: a reply that is JSON, so an error or an envelope, never the bytes. */
export declare function isJsonMediaType(value: string | null): boolean;
/** Whether a reply's content type is the declared one (parameters and case ignored); anything matches octet-stream. */
export declare function sameMediaType(actual: string, declared: string): boolean;
/**
 * The bytes of what a binding returned for a binary model (Workers AI gives a ReadableStream; a
 * stub may give bytes or a Blob), read whole; undefined when it is none of these (say, JSON).
 */
export declare function bytesOf(output: unknown): Promise<Uint8Array | undefined>;
