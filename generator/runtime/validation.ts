/** Runs an offering's validators on a request or a result, and turns their issues into one error. */
import { InvalidRequestError, InvalidResponseError } from "./errors.js";
import type { ValidationIssue, Validator } from "./types.js";

/** `/messages/0/role must be equal to one of the allowed values; …` */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.instancePath || "/"} ${i.message ?? "is invalid"}`)
    .join("; ");
}

export function checkRequest(validator: Validator | undefined, data: unknown): void {
  if (!validator || validator(data)) return;
  const issues = validator.errors ?? [];
  throw new InvalidRequestError(`invalid request: ${formatIssues(issues)}`, issues);
}

export function checkResponse(validator: Validator | undefined, data: unknown, what: string): void {
  if (!validator || validator(data)) return;
  const issues = validator.errors ?? [];
  throw new InvalidResponseError(`invalid ${what}: ${formatIssues(issues)}`, issues);
}
