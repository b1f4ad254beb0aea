// Copied by modelspec from generator/runtime/request-id.ts. Do not edit here: change that file and run `npm run generate`.
/** The request id a provider puts in its reply headers, for errors raised after a reply. */
const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-amzn-requestid", "cf-ray"];
export function requestIdOf(headers) {
    for (const name of REQUEST_ID_HEADERS) {
        const value = headers.get(name);
        if (value)
            return value;
    }
    return undefined;
}
