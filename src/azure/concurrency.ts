// Bounded parallelism (pure).

/**
 * Runs `fn` on every item with at most `limit` calls in flight; results keep the order of `items`.
 * `fn` should not throw (wrap failures into its result): a throw rejects the whole call.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let nextIndex = 0;
  const worker = async (): Promise<void> => {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(Math.floor(limit) || 1, items.length)) }, () => worker());
  await Promise.all(workers);
  return results;
}
