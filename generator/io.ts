/** File work in bulk: specs in, generated files out. */

/** Files are many and small: reading or writing a few dozen at once keeps the disk busy instead of waiting on each. */
const IO_CONCURRENCY = 32;

export async function eachConcurrently<T>(items: readonly T[], run: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(IO_CONCURRENCY, items.length) }, worker));
}
