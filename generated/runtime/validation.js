// Copied by modelspec from generator/runtime/validation.ts. Do not edit here: change that file and run `npm run generate`.
/** Runs an offering's validators on a request or a result, and turns their issues into one error. */
import { InvalidRequestError, InvalidResponseError } from "./errors.js";
/** `/messages/0/role must be equal to one of the allowed values; …` */
export function formatIssues(issues) {
    return issues
        .slice(0, 5)
        .map((i) => `${i.instancePath || "/"} ${i.message ?? "is invalid"}`)
        .join("; ");
}
export function checkRequest(validator, data) {
    if (!validator || validator(data))
        return;
    const issues = validator.errors ?? [];
    throw new InvalidRequestError(`invalid request: ${formatIssues(issues)}`, issues);
}
export function checkResponse(validator, data, what) {
    if (!validator || validator(data))
        return;
    const issues = validator.errors ?? [];
    throw new InvalidResponseError(`invalid ${what}: ${formatIssues(issues)}`, issues);
}
