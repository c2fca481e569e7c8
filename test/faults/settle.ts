import type { DataSource } from 'typeorm';
import { waitUntil } from './services';

/**
 * After the last fault the system is given time to catch up on what the faults delayed — never to skip it:
 * every platform submission delivered, every inbox message's SMS/e-mail copy sent, and the platform feed still
 * pulled on schedule. Redis held the queue jobs and the feed schedule and lost them in its restart, so these
 * show that what depends on Redis is rebuilt from PostgreSQL by the running processes. Returns what did not happen.
 */
export const FEED_ITEM_ID = 'FAULT-FEED-1';

export async function publishFeedItem(simulatorUrl: string, uscc: string): Promise<void> {
  const res = await fetch(`${simulatorUrl}/admin/feed`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ id: FEED_ITEM_ID, kind: 'record', department: '连云港市市场监督管理局', uscc, title: '虚假宣传行政处罚',
      recordType: 'penalty', severity: 'general', decisionDate: '2026-03-03', payload: { decisionNo: '连市监处罚〔2026〕99号' } }] }),
  });
  if (res.status !== 201) throw new Error(`publishing a feed item: ${res.status}`);
}

export async function settle(ds: DataSource, timeoutMs: number): Promise<string[]> {
  const count = async (sql: string) => (await ds.query(sql))[0].n as number;
  const goals: [string, () => Promise<boolean>][] = [
    ['every platform submission delivered', async () => (await count(`SELECT count(*)::int AS n FROM platform_submissions WHERE status <> 'delivered'`)) === 0],
    ['every SMS/e-mail copy of an inbox message sent', async () => (await count(`SELECT count(*)::int AS n FROM notifications WHERE dispatch_status = 'pending'`)) === 0],
    ['the feed item published late in the drive (after the Redis restart or a worker\'s death) pulled in', async () =>
      (await count(`SELECT count(*)::int AS n FROM inbound_records WHERE source_key LIKE '%${FEED_ITEM_ID}'`)) === 1],
  ];
  const missed = await Promise.all(goals.map(([what, done]) => waitUntil(what, done, timeoutMs, 1000).then(() => null, () => `not within ${timeoutMs / 1000} s of the drive's end: ${what}`)));
  return missed.filter((m): m is string => m !== null);
}
