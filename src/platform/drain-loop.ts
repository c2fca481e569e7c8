import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PgListener } from './pg-listener';

/**
 * The shape both outboxes share (platform submissions, notification copies): drain now when PostgreSQL says a
 * writing transaction committed, drain every `everyMs` anyway, never two drains at once, and a wake-up that
 * arrives mid-drain runs one more drain right after — so nothing committed is left waiting for the next tick.
 */
export class DrainLoop {
  private readonly logger = new Logger(DrainLoop.name);
  private timer: NodeJS.Timeout | null = null;
  private listener: PgListener | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly name: string,
    /** Hands over one batch; returns how many rows it took (a full batch means "there may be more"). */
    private readonly batch: () => Promise<number>,
    private readonly batchSize: number,
  ) {}

  start(ds: DataSource, channel: string, everyMs: number): void {
    this.listener = new PgListener(ds, channel, () => this.kick());
    void this.listener.start();
    this.timer = setInterval(() => this.kick(), everyMs);
    this.kick();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.batch()) >= this.batchSize);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message, loop: this.name }, 'outbox drain failed; the next tick retries');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.stop();
    await this.running;
  }
}
