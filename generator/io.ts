/** File work in bulk: specs in, generated files out. */

/** Files are many and small: reading or writing a few dozen at once keeps the disk busy instead of waiting on each. */
const IO_CONCURRENCY = 32;

/**
 * Runs `run` over the items a few dozen at a time. After a failure no new item starts, and the
 * promise rejects (with the first failure) only once every item under way has ended: a caller
 * that then removes what was written does not race a write still in flight.
 */
export async function eachConcurrently<T>(items: readonly T[], run: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await run(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const ended = await Promise.allSettled(Array.from({ length: Math.min(IO_CONCURRENCY, items.length) }, worker));
  const failure = ended.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
}
