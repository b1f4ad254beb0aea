// Copied by modelspec from generator/runtime/types.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * Shapes shared by the runtime: the transport descriptors a provider spec declares, validators, and
 * client options. The descriptors are the one definition of a transport's wire shape: the
 * generator's model (generator/model.ts) extends them with what readers need (description,
 * provenance) and the defaults it fills in, so `as const` literals and the model's objects both fit.
 * They stay here because the runtime ships alone in generated/runtime/.
 */
export {};
