import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a read as a statement prepared once per pooled connection, named after its text (issue #20). PostgreSQL
 * then parses it once per connection and, after a few runs, reuses a generic plan: planning the worklist's query
 * cost more than running it (about 1.3 ms against 0.7), and under load that was most of the database's time. Only
 * for statements whose text comes from the code (a handful of shapes), never from input: each distinct text is a
 * statement kept on every connection.
 */
export async function preparedRows<T>(ds: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  const pool = (ds.driver as PostgresDriver).master as { query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
  return (await pool.query({ name, text, values })).rows;
}
