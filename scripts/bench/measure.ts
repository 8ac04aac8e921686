// Small measuring tools for the benchmarks: a closed-loop HTTP load with latency percentiles.
import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** What the figure is compared with, measured in the same run, or the target an issue names. */
  baseline?: { name: string; value: number } | undefined;
  target?: string | undefined;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** Runs `request` from `concurrency` loops for `durationMs`; each call must resolve when its response is complete. */
export async function closedLoop(
  request: () => Promise<void>,
  opts: { concurrency: number; durationMs: number; warmupMs?: number },
): Promise<LoadResult> {
  const warmupEnd = performance.now() + (opts.warmupMs ?? 500);
  while (performance.now() < warmupEnd) await Promise.all(Array.from({ length: opts.concurrency }, request));
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + opts.durationMs;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await request();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
