// Copied by modelspec from generator/mock/types.ts. Do not edit here: change that file and run `npm run generate`.
/** The defaults of the options and hook headers, in one place (the help text and README quote them). */
export const MOCK_DEFAULTS = {
    host: "127.0.0.1",
    slowDelayMs: 2000,
    retryAfterMs: 1000,
    eventDelayMs: 0,
    pendingPolls: 1,
    requestLogLimit: 1000,
};
