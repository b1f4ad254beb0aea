// Copied by modelspec from generator/runtime/request-id.ts. Do not edit here: change that file and run `npm run generate`.
/** The request id a provider puts in its reply headers, for errors raised after a reply. */
export declare function requestIdOf(headers: Headers): string | undefined;
