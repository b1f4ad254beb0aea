/** Reads a provider's error out of a reply body or a stream payload, with the spec's error descriptor. */
import type { ProviderErrorDetails } from "./errors.js";
import { getPointer, isObject } from "./json.js";
import type { ErrorDescriptor } from "./types.js";

/**
 * Reads the provider's error out of `body` with its descriptor. `undefined` when the body holds
 * no error (no error at the pointer, or an empty error array).
 */
export function readProviderError(body: unknown, descriptor: ErrorDescriptor): ProviderErrorDetails | undefined {
  let found = getPointer(body, descriptor.pointer);
  if (Array.isArray(found)) found = found[0];
  if (!isObject(found)) return undefined;
  return errorDetails(found, descriptor, body);
}

/** Maps one provider error object to our field names. */
export function errorDetails(error: Record<string, unknown>, descriptor: ErrorDescriptor, body: unknown): ProviderErrorDetails {
  const { fields } = descriptor;
  const str = (name: string | undefined) => {
    const v = name === undefined ? undefined : error[name];
    return typeof v === "string" ? v : v === undefined || v === null ? undefined : JSON.stringify(v);
  };
  const code = fields.code === undefined ? undefined : error[fields.code];
  return {
    code: typeof code === "number" || typeof code === "string" ? code : undefined,
    message: str(fields.message),
    parameter: str(fields.parameter),
    type: str(fields.type),
    body,
  };
}
