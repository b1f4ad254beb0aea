// Copied by modelspec from generator/runtime/unwrap.ts. Do not edit here: change that file and run `npm run generate`.
import { isObject } from "./json.js";
import { readProviderError } from "./provider-error.js";
/** The body itself; one that carries the provider's error (OpenAI's `error` on a failed response) is that error. */
export const unwrapPlain = (body, _shape, errors, fail) => {
    if (errors.pointer !== "" && readProviderError(body, errors))
        fail();
    return body;
};
/** `body[result]`, unless the envelope says it failed (`success: false`) or carries an error. */
export const unwrapEnvelope = (body, shape, errors, fail) => {
    if (!isObject(body))
        return fail("a JSON object");
    if (body[shape.success] === false || readProviderError(body, errors))
        fail();
    return body[shape.result];
};
/** The items of `body[data]` that belong to this call's task; a reply that does not echo task UUIDs is taken whole. */
export const unwrapDataArray = (body, shape, errors, fail, uuid, uuidField) => {
    if (!isObject(body))
        return fail("a JSON object");
    if (readProviderError(body, errors))
        fail();
    const items = body[shape.data];
    if (!Array.isArray(items))
        return fail(`an array at "${shape.data}"`);
    if (uuid === undefined || uuidField === undefined)
        return items;
    // One pass, not a filter and a some: this runs on every reply.
    let echoed = false;
    const mine = items.filter((item) => {
        if (!isObject(item) || !(uuidField in item))
            return false;
        echoed = true;
        return item[uuidField] === uuid;
    });
    return echoed ? mine : items;
};
