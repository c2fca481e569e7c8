import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source';

/**
 * The health check's own connection to PostgreSQL (issue #14): a pool of one, apart from the application's pool, so
 * a burst of heavy requests holding every application connection cannot make /api/health wait behind them. The
 * ping answers whether the database answers, which is what the check is for; a slow answer times out as "down".
 */
@Injectable()
export class HealthDatabase implements OnModuleDestroy {
  private readonly ds: DataSource;
  private ready?: Promise<DataSource>;

  constructor() {
    const options = dataSourceOptions();
    this.ds = new DataSource({
      ...options, migrations: [], entities: [], name: 'health',
      extra: { ...(options.extra as object), max: 1, connectionTimeoutMillis: 2_000, statement_timeout: 2_000, application_name: 'edu-credit-health' },
    } as typeof options);
  }

  async ping(): Promise<boolean> {
    // connected on first use: the API starts without waiting for it, and a failed connection is tried again next time
    this.ready ??= this.ds.initialize().catch((err: Error) => {
      this.ready = undefined;
      throw err;
    });
    const [row] = await (await this.ready).query<{ ok: number }[]>('SELECT 1 AS ok');
    return row?.ok === 1;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
