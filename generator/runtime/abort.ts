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
  let timedOut = false;
  const onUserAbort = () => controller.abort(user?.reason);
  if (user?.aborted) controller.abort(user.reason);
  else user?.addEventListener("abort", onUserAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined =
    timeoutMs === undefined || !Number.isFinite(timeoutMs)
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
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
