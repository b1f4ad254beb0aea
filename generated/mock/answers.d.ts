// Copied by modelspec from generator/mock/answers.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * Answers from the spec's examples, in the transport's envelope. An offering without examples of
 * its own borrows its provider's others; the borrowed answer is renamed to the model that was asked
 * for (its `model` fields, and the model's name in its `id`s) and must still pass that offering's
 * validators.
 */
import type { HttpTransportDescriptor } from "../runtime/types.js";
import type { Failure } from "./faults.js";
import { type JsonRecord } from "./schema.js";
import type { MockExample, MockOffering } from "./types.js";
/** The example answer for a request, wrapped in the transport envelope, or why there is none. */
export declare function answerFor(offering: MockOffering, siblings: readonly MockOffering[], transport: HttpTransportDescriptor, task: JsonRecord, extra?: JsonRecord): {
    body: unknown;
} | Failure;
/** A result in the transport's success envelope. */
export declare function wrap(offering: MockOffering, transport: HttpTransportDescriptor, result: unknown): unknown;
/** Task-array transports echo the task's UUID into every result and event. */
export declare function echo(transport: HttpTransportDescriptor, item: JsonRecord, task: JsonRecord): JsonRecord;
/**
 * The example whose request shares the most top-level values with this one (ties go to the first).
 * An offering without such examples borrows its provider's others (the wire shape is the same),
 * renamed to the offering that was asked for; the validators still check what is sent.
 */
export declare function bestExample(offering: MockOffering, task: JsonRecord, want: "response" | "events", siblings: readonly MockOffering[]): MockExample | undefined;
