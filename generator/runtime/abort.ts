/** Waiting and cancelling: a sleep an abort signal cancels, and a signal linked to the caller's and a timeout. */
import { AbortError } from "./errors.js";

/** Default sleep: a timer that an abort signal cancels (rejecting with `AbortError`). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError());
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

export function linkAbort(user: AbortSignal | undefined, timeoutMs: number | undefined): LinkedAbort {
  const controller = new AbortController();
  // Data properties, not getters: an object literal with accessors is built slowly on every call.
  const link = {
    signal: controller.signal,
    timedOut: false,
    userAborted: false,
    abort: () => controller.abort(),
    clearTimeout: () => clearTimeout(timer),
    dispose() {
      clearTimeout(timer);
      user?.removeEventListener("abort", onUserAbort);
    },
  };
  // The flag is set before the controller aborts, so whoever sees the abort reads its cause.
  const onUserAbort = () => {
    link.userAborted = true;
    controller.abort(user?.reason);
  };
  if (user?.aborted) onUserAbort();
  else user?.addEventListener("abort", onUserAbort, { once: true });
  const timer =
    timeoutMs === undefined || !Number.isFinite(timeoutMs)
      ? undefined
      : setTimeout(() => {
          link.timedOut = true;
          controller.abort();
        }, timeoutMs);
  return link;
}
