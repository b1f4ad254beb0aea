// Copied by modelspec from generator/runtime/offering.ts. Do not edit here: change that file and run `npm run generate`.
import type { Operation, Validator, Validators } from "./types.js";
/** An offering's fixed part of every call: model id, fixed fields, binary response. */
export type OfferingOperation = Omit<Operation, "request" | "validators">;
export interface OfferingSetup<Core> {
    /** A call's operation: the request with the offering's validators (its request validator and the ones passed). */
    op(request: object): Operation;
    /** The call's options, once response validation (`role`) is known to have its validator. */
    checked<C extends {
        validateResponse?: boolean;
    } | undefined>(call: C, role: "response" | "stream"): C;
    core: Core;
}
export declare function setUpOffering<Core, O extends {
    validators?: Validators;
    validateResponse?: boolean;
}>(operation: OfferingOperation, validateRequest: Validator, options: O, makeCore: (rest: Omit<O, "validators">) => Core): OfferingSetup<Core>;
