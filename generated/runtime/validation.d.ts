// Copied by modelspec from generator/runtime/validation.ts. Do not edit here: change that file and run `npm run generate`.
import type { ValidationIssue, Validator } from "./types.js";
/** `/messages/0/role must be equal to one of the allowed values; …` */
export declare function formatIssues(issues: readonly ValidationIssue[]): string;
export declare function checkRequest(validator: Validator | undefined, data: unknown): void;
export declare function checkResponse(validator: Validator | undefined, data: unknown, what: string): void;
