// Copied by modelspec from generator/runtime/provider-error.ts. Do not edit here: change that file and run `npm run generate`.
import { getPointer, isObject } from "./json.js";
/**
 * Reads the provider's error out of `body` with its descriptor. `undefined` when the body holds
 * no error (no error at the pointer, or an empty error array).
 */
export function readProviderError(body, descriptor) {
    let found = getPointer(body, descriptor.pointer);
    if (Array.isArray(found))
        found = found[0];
    if (!isObject(found))
        return undefined;
    return errorDetails(found, descriptor, body);
}
/** Maps one provider error object to our field names. */
export function errorDetails(error, descriptor, body) {
    const { fields } = descriptor;
    const str = (name) => {
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
