/**
 * What one offering's own client (the generated `<provider>/<slug>/client.js`) does when it is made:
 * it imports only its request validator, so response and stream validation come with the validators
 * the app passes; asking for response validation without them is a configuration error, not a
 * silent skip. The transport's core is made from the rest of the options.
 */
import { ConfigurationError } from "./errors.js";
import type { Operation, Validator, Validators } from "./types.js";

/** An offering's fixed part of every call: model id, fixed fields, binary response. */
export type OfferingOperation = Omit<Operation, "request" | "validators">;

export interface OfferingSetup<Core> {
  /** A call's operation: the request with the offering's validators (its request validator and the ones passed). */
  op(request: object): Operation;
  /** The call's options, once response validation (`role`) is known to have its validator. */
  checked<C extends { validateResponse?: boolean } | undefined>(call: C, role: "response" | "stream"): C;
  core: Core;
}

export function setUpOffering<Core, O extends { validators?: Validators; validateResponse?: boolean }>(
  operation: OfferingOperation,
  validateRequest: Validator,
  options: O,
  makeCore: (rest: Omit<O, "validators">) => Core,
): OfferingSetup<Core> {
  const { validators = {}, ...rest } = options;
  const base = { ...operation, validators: { ...validators, request: validateRequest } };
  // Object.assign, not `{ ...base, request }`: on Node 20 that spread costs microseconds per call.
  const op = (request: object): Operation => Object.assign({ request }, base);
  const checked = <C extends { validateResponse?: boolean } | undefined>(call: C, role: "response" | "stream"): C => {
    if ((call?.validateResponse ?? rest.validateResponse) && !validators[role])
      throw new ConfigurationError(
        `validateResponse needs validators.${role}: import ${role === "stream" ? "validateStreamEvent" : "validateResponse"} from this offering's entry and pass it in the client's validators option`,
      );
    return call;
  };
  checked(undefined, "response");
  return { op, checked, core: makeCore(rest) };
}
