import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** The slice of a pg client that listening needs (pg ships no types here; TypeORM loads it). */
interface PgClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', cb: () => void): void;
  on(event: 'error', cb: (err: Error) => void): void;
  release(destroy?: boolean): void;
}

/**
 * LISTENs on a PostgreSQL channel and calls back on each notification. Outbox tables NOTIFY from a trigger,
 * and PostgreSQL delivers the notification only when the writing transaction commits: an immediate nudge
 * after commit without the writer knowing about queues. Pollers stay the backstop if this connection drops.
 */
export class PgListener {
  private readonly logger = new Logger(PgListener.name);
  private client: PgClient | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly channel: string,
    private readonly onNotify: () => void,
  ) {}

  async start(): Promise<void> {
    if (this.closed) return;
    let client: PgClient | null = null;
    try {
      // a connection taken out of TypeORM's pool for good: LISTEN lives as long as its session
      client = (await (this.ds.driver as PostgresDriver).master.connect()) as PgClient;
      const c = client;
      c.on('notification', () => this.onNotify());
      c.on('error', (err) => {
        this.logger.warn({ err: err.message, channel: this.channel }, 'listen connection lost; reconnecting');
        this.reconnect(c);
      });
      await c.query(`LISTEN ${this.channel}`);
      this.client = client;
      if (this.closed) await this.stop();
    } catch (err) {
      this.logger.warn({ err: (err as Error).message, channel: this.channel }, 'cannot listen yet; polling meanwhile');
      this.reconnect(client);
    }
  }

  private reconnect(client: PgClient | null): void {
    try {
      client?.release(true);
    } catch {
      // already released
    }
    this.client = null;
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.start();
    }, 5000);
    this.retry.unref();
  }

  async stop(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const c = this.client;
    this.client = null;
    try {
      c?.release(true);
    } catch {
      // already released
    }
  }
}
