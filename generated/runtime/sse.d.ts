// Copied by modelspec from generator/runtime/sse.ts. Do not edit here: change that file and run `npm run generate`.
import type { ErrorDescriptor, StreamingDescriptor, Validator } from "./types.js";
export interface ReadEventsOptions {
    streaming: StreamingDescriptor;
    errors: ErrorDescriptor;
    /** Per-event validator; only given when response validation is on. */
    validator?: Validator | undefined;
    /** Scrubbed out of provider error events. */
    secret?: string | undefined;
    /** The provider's request id for the stream, carried by the errors it raises. */
    requestId?: string | undefined;
    /** Maps a failed read (abort, dropped connection) to the error to throw. */
    readError?: ((error: unknown) => Error) | undefined;
}
export declare function readEvents<E>(body: ReadableStream<Uint8Array | string>, options: ReadEventsOptions): AsyncGenerator<E, void, undefined>;
