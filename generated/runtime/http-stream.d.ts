// Copied by modelspec from generator/runtime/http-stream.ts. Do not edit here: change that file and run `npm run generate`.
import type { HttpCore } from "./http-core.js";
import type { CallOptions, Operation } from "./types.js";
/** Lazy: the request is sent when iteration starts; breaking out of the loop cancels it. */
export declare function streamHttp<E>(core: HttpCore, operation: Operation, call?: CallOptions): AsyncIterable<E>;
