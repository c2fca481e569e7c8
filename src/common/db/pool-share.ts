/**
 * Each API process's part of DB_POOL_SIZE when API_PROCESSES of them run behind one port (src/cluster.ts): they run
 * on one host and their queries on one database, so the host's connections are divided, not multiplied. At 2 + 2 on
 * two cores, 20 connections per API put up to 40 queries at once on PostgreSQL, and a click's statements waited
 * behind them (bench/RESULTS.md, "Answers told"); 10 each kept the reads' throughput and cut the clicks' p95 by a
 * third. Never below 2: a write and a read at once.
 */
export function poolShare(total: number, processes: number): number {
  return Math.max(2, Math.ceil(total / Math.max(1, processes)));
}
