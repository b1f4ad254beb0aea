// Copied by modelspec from generator/runtime/abort.ts. Do not edit here: change that file and run `npm run generate`.
/** Waiting and cancelling: a sleep an abort signal cancels, and a signal linked to the caller's and a timeout. */
import { AbortError } from "./errors.js";
/** Default sleep: a timer that an abort signal cancels (rejecting with `AbortError`). */
export function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(new AbortError());
        const onAbort = () => {
            clearTimeout(timer);
            reject(new AbortError());
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, ms);
        signal?.addEventListener("abort", onAbort, { once: true });
    });
}
export function linkAbort(user, timeoutMs) {
    const controller = new AbortController();
    let timedOut = false;
    const onUserAbort = () => controller.abort(user?.reason);
    if (user?.aborted)
        controller.abort(user.reason);
    else
        user?.addEventListener("abort", onUserAbort, { once: true });
    let timer = timeoutMs === undefined || !Number.isFinite(timeoutMs)
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            controller.abort();
        }, timeoutMs);
    const stopTimer = () => {
        if (timer !== undefined)
            clearTimeout(timer);
        timer = undefined;
    };
    return {
        signal: controller.signal,
        get timedOut() {
            return timedOut;
        },
        get userAborted() {
            return user?.aborted === true;
        },
        abort: () => controller.abort(),
        clearTimeout: stopTimer,
        dispose() {
            stopTimer();
            user?.removeEventListener("abort", onUserAbort);
        },
    };
}
