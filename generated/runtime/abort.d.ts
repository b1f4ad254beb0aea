// Copied by modelspec from generator/runtime/abort.ts. Do not edit here: change that file and run `npm run generate`.
/** Default sleep: a timer that an abort signal cancels (rejecting with `AbortError`). */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
/**
 * An AbortController that follows the caller's signal and an optional timeout, and remembers which
 * of the two fired, so a failure can be reported as `AbortError` or `TimeoutError`.
 */
export interface LinkedAbort {
    signal: AbortSignal;
    readonly timedOut: boolean;
    readonly userAborted: boolean;
    abort(): void;
    /** Stops the timeout (e.g. once stream headers arrived); the caller's signal still applies. */
    clearTimeout(): void;
    /** Detaches from the caller's signal and stops the timer. */
    dispose(): void;
}
export declare function linkAbort(user: AbortSignal | undefined, timeoutMs: number | undefined): LinkedAbort;
