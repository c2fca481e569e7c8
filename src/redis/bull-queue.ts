import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { DefaultJobOptions, Processor, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { validateEnv } from '../config/env.schema';
import { redisOptions } from '../platform/redis-options';
import { connectRedis } from './redis.module';

/**
 * The producer side of a BullMQ queue: its own Redis connection (named for CLIENT LIST), the deployment's key prefix,
 * the queue's job options, an 'error' listener (ioredis reconnects by itself; an unhandled 'error' event would crash
 * the process) and a shutdown that closes the queue, then its connection.
 */
export abstract class ProducerQueue implements OnApplicationShutdown {
  protected readonly env = validateEnv(process.env);
  readonly connection: Redis;
  readonly queue: Queue;

  protected constructor(name: string, connectionName: string, defaultJobOptions: DefaultJobOptions) {
    this.connection = connectRedis(this.env.REDIS_URL, connectionName);
    this.queue = new Queue(name, { connection: this.connection, prefix: this.env.QUEUE_PREFIX, defaultJobOptions });
    this.queue.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}

/**
 * The worker side: a BullMQ worker on queue `name` with connections of its own from REDIS_URL, the deployment's key
 * prefix and `concurrency` jobs at a time; its errors (Redis away, a job lock lost) are logged as warnings ('`what`
 * worker error'), not thrown.
 */
export function startWorker(name: string, processor: Processor, concurrency: number, logger: Logger, what: string): Worker {
  const env = validateEnv(process.env);
  const worker = new Worker(name, processor, { connection: redisOptions(env.REDIS_URL), prefix: env.QUEUE_PREFIX, concurrency });
  worker.on('error', (err) => logger.warn({ err: err.message }, `${what} worker error`));
  return worker;
}
