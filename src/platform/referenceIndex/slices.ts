// Work in slices: a long job (indexing thousands of files) gives the event loop back every SLICE_MS, so no block
// of the extension host lasts long (the budget is 50 ms; a slice stops at the first check past SLICE_MS).
import { performance } from 'node:perf_hooks';

export const SLICE_MS = 12;

/** One job's time budget: `pause()` yields (setImmediate) when the current slice is used up. */
export class Slices {
  private sliceStart = performance.now();

  /** Resolves at once inside the budget; otherwise after the event loop ran what was waiting. */
  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }
}

/** Runs `work` over `items`, at most `parallel` at a time (reads overlap; parsing stays in slices). */
export async function forEachLimited<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}
