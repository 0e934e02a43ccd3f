// Timing helpers of the benchmark scripts (scripts/bench-*.ts).
import { performance } from "node:perf_hooks";

/** The p-th percentile (nearest rank) of ascending samples. */
export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * p50/p95 in ms over `runs` runs, each given the run's index (to vary what is looked up), after
 * one warm-up run (index `runs`) that caches the plans and brings the pages into shared buffers.
 */
export async function timeRuns(runs: number, run: (index: number) => Promise<unknown>) {
  await run(runs);
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const before = performance.now();
    await run(index);
    samples.push(performance.now() - before);
  }
  samples.sort((a, b) => a - b);
  return { p50: +percentile(samples, 50).toFixed(1), p95: +percentile(samples, 95).toFixed(1) };
}

/** Runs one step of the data generation, printing its label and how long it took. */
export async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  const before = Date.now();
  const result = await run();
  console.log(`  ${label} (${((Date.now() - before) / 1000).toFixed(1)} s)`);
  return result;
}
