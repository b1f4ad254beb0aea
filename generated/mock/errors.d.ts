// Copied by modelspec from generator/mock/errors.ts. Do not edit here: change that file and run `npm run generate`.
/** Errors in the provider's own shape, built from its error descriptor (and schema, if given). */
import type { HttpTransportDescriptor, ValidationIssue } from "../runtime/types.js";
import type { Failure } from "./faults.js";
import { type JsonRecord } from "./schema.js";
import type { MockOffering } from "./types.js";
/** The provider's error body for a failure, built from its error descriptor (and schema, if given). */
export declare function errorBody(offering: MockOffering, transport: HttpTransportDescriptor, failure: Failure, task?: JsonRecord): unknown;
/** Whether the error pointer holds an array of errors: per the schema, else by the name (`errors` vs `error`). */
export declare function pointsToArray(errors: MockOffering["errors"]): boolean;
export declare function errorObject(offering: MockOffering, transport: HttpTransportDescriptor, failure: Failure, task?: JsonRecord): JsonRecord;
/** The error event a stream carries, per the streaming descriptor; undefined when it declares none. */
export declare function streamErrorEvent(offering: MockOffering, transport: HttpTransportDescriptor, failure: Failure, task: JsonRecord): JsonRecord | undefined;
/** `{ code, message, parameter }` naming the failing field of the first validation issue. */
export declare function describeIssue(issue: ValidationIssue | undefined): {
    code: string;
    message: string;
    parameter?: string;
};
