// Copied by modelspec from generator/mock/context.ts. Do not edit here: change that file and run `npm run generate`.
export {};
