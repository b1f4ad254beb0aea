// Copied by modelspec from generator/runtime/types.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * Shapes shared by the runtime: the transport descriptors a provider spec declares (a structural,
 * readonly copy of generator/model.ts, so `as const` literals and the model's own objects both fit),
 * validators, and client options.
 */
export {};
