/**
 * What the mock server still imports from here (it is moving to generator/mock/; then this file goes).
 * Every helper has its own module: json.ts, provider-error.ts, request-id.ts, validation.ts, scrub.ts,
 * abort.ts, payload.ts.
 */
export { getPointer, isObject } from "./json.js";
