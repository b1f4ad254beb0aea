// Copied by modelspec from generator/runtime/provider-error.ts. Do not edit here: change that file and run `npm run generate`.
/** Reads a provider's error out of a reply body or a stream payload, with the spec's error descriptor. */
import type { ProviderErrorDetails } from "./errors.js";
import type { ErrorDescriptor } from "./types.js";
/**
 * Reads the provider's error out of `body` with its descriptor. `undefined` when the body holds
 * no error (no error at the pointer, or an empty error array).
 */
export declare function readProviderError(body: unknown, descriptor: ErrorDescriptor): ProviderErrorDetails | undefined;
/** Maps one provider error object to our field names. */
export declare function errorDetails(error: Record<string, unknown>, descriptor: ErrorDescriptor, body: unknown): ProviderErrorDetails;
