/**
 * How much data the data-volume benches seed: 1 is a district as it is today; `BENCH_SCALE=10` is the capacity check
 * at ten times (bench/ten-times.bench.ts, docs/scaling.md). The figures in the benches' names follow it.
 */
export const BENCH_SCALE = Math.max(1, Math.floor(Number(process.env.BENCH_SCALE ?? 1)) || 1);

/** 100000 → "100k", 1000000 → "1M": the sizes in a bench line's name. */
export const size = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1_000 ? `${n / 1_000}k` : String(n));
