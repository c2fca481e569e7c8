import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { connectRedis } from '../redis/redis.module';
import { validateEnv } from '../config/env.schema';

export const NOTIFICATION_QUEUE = 'notifications';

/** The queue that carries SMS/e-mail copies, a batch of inbox rows per job; a row sent is marked, so another job skips it. */
@Injectable()
export class NotificationQueue implements OnApplicationShutdown {
  private readonly env = validateEnv(process.env);
  readonly connection = connectRedis(this.env.REDIS_URL, 'notification-queue');
  readonly queue = new Queue(NOTIFICATION_QUEUE, {
    connection: this.connection,
    prefix: this.env.QUEUE_PREFIX,
    defaultJobOptions: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: true, // the row stays 'pending' and the dispatcher hands it over again later
    },
  });

  constructor() {
    this.queue.on('error', () => undefined); // ioredis reconnects by itself; an unhandled 'error' event would crash
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
