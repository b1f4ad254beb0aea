/**
 * Binary response bodies (an image, audio): what the HTTP client and the binding share to read them
 * and to tell them from a JSON reply. The mock server's side is mock/binary.ts.
 */

/** `application/json`, `application/problem+json`: a reply that is JSON, so an error or an envelope, never the bytes. */
export function isJsonMediaType(value: string | null): boolean {
  return /^application\/(?:[\w.+-]+\+)?json$/.test(mediaTypeOf(value ?? ""));
}

/** Whether a reply's content type is the declared one (parameters and case ignored); anything matches octet-stream. */
export function sameMediaType(actual: string, declared: string): boolean {
  const want = mediaTypeOf(declared);
  return want === "application/octet-stream" || mediaTypeOf(actual) === want;
}

function mediaTypeOf(value: string): string {
  return value.split(";")[0]!.trim().toLowerCase();
}

/**
 * The bytes of what a binding returned for a binary model (Workers AI gives a ReadableStream; a
 * stub may give bytes or a Blob), read whole; undefined when it is none of these (say, JSON).
 */
export async function bytesOf(output: unknown): Promise<Uint8Array | undefined> {
  if (output instanceof Uint8Array) return output;
  if (output instanceof ArrayBuffer) return new Uint8Array(output);
  if (ArrayBuffer.isView(output)) return new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
  if (output instanceof ReadableStream || (typeof Blob !== "undefined" && output instanceof Blob)) {
    return new Uint8Array(await new Response(output).arrayBuffer());
  }
  return undefined;
}
