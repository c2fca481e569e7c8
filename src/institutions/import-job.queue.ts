import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { validateEnv } from '../config/env.schema';
import { connectRedis } from '../redis/redis.module';

export const IMPORT_QUEUE = 'institution-import';

/** The producer of institution imports (the API adds, the worker's InstitutionImportProcessor runs them). */
@Injectable()
export class InstitutionImportQueue implements OnApplicationShutdown {
  private readonly env = validateEnv(process.env);
  readonly connection = connectRedis(this.env.REDIS_URL, 'import-queue');
  readonly queue = new Queue(IMPORT_QUEUE, {
    connection: this.connection,
    prefix: this.env.QUEUE_PREFIX,
    // one attempt: a row already created would be reported again as INSTITUTION_EXISTS; a stalled job (worker
    // killed) is picked up again by BullMQ and resumes after the last row whose result was saved
    defaultJobOptions: { attempts: 1, removeOnComplete: { age: 3600, count: 200 }, removeOnFail: { age: 86400 } },
  });

  constructor() {
    this.queue.on('error', () => undefined); // ioredis reconnects by itself; an unhandled 'error' event would crash
  }

  /** Job id = import id: adding the same import twice runs it once. */
  add(importId: string): Promise<unknown> {
    return this.queue.add('import', { importId }, { jobId: importId });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
