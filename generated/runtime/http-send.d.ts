// Copied by modelspec from generator/runtime/http-send.ts. Do not edit here: change that file and run `npm run generate`.
import { type HttpCore } from "./http-core.js";
import type { BinaryBody, CallOptions, Operation } from "./types.js";
/** Async delivery: polls until the task is done; `sendJson` takes it for a transport with `async`. */
export type PollTask = (core: HttpCore, url: string, uuid: string, call: CallOptions, wanted: number) => Promise<unknown[]>;
/** A call answered in JSON: the unwrapped result (for `data-array`, this task's items), validated when asked. */
export declare function sendJson<T>(core: HttpCore, operation: Operation, call?: CallOptions, pollTask?: PollTask): Promise<T>;
/** Async delivery: poll with the poll task until the task is no longer pending; a failed task is an ApiError. */
export declare const pollTask: PollTask;
/**
 * A binary call (an image, audio): the bytes, read whole, with the reply's content type. A JSON
 * reply here is the provider's error in a 2xx (a typed ApiError) or an answer the spec does not
 * describe; it is never handed back as bytes.
 */
export declare function sendBinary(core: HttpCore, operation: Operation, call?: CallOptions): Promise<BinaryBody>;
