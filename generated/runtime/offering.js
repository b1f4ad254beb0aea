// Copied by modelspec from generator/runtime/offering.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * What one offering's own client (the generated `<provider>/<slug>/client.js`) does when it is made:
 * it imports only its request validator, so response and stream validation come with the validators
 * the app passes; asking for response validation without them is a configuration error, not a
 * silent skip. The transport's core is made from the rest of the options.
 */
import { ConfigurationError } from "./errors.js";
export function setUpOffering(operation, validateRequest, options, makeCore) {
    const { validators = {}, ...rest } = options;
    const base = { ...operation, validators: { ...validators, request: validateRequest } };
    // Object.assign, not `{ ...base, request }`: on Node 20 that spread costs microseconds per call.
    const op = (request) => Object.assign({ request }, base);
    const checked = (call, role) => {
        if ((call?.validateResponse ?? rest.validateResponse) && !validators[role])
            throw new ConfigurationError(`validateResponse needs validators.${role}: import ${role === "stream" ? "validateStreamEvent" : "validateResponse"} from this offering's entry and pass it in the client's validators option`);
        return call;
    };
    checked(undefined, "response");
    return { op, checked, core: makeCore(rest) };
}
