import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import type { AppEnv } from '../config/env.schema';

export const REDIS = Symbol('REDIS');

/**
 * A Redis connection for BullMQ and the API (maxRetriesPerRequest null, as BullMQ requires on shared connections).
 * ioredis reconnects by itself after a Redis restart, but an 'error' event nobody listens to is printed as
 * "[ioredis] Unhandled error event" on every attempt: log it once per outage instead, as a warning.
 */
export function connectRedis(url: string, name: string): Redis {
  const logger = new Logger(`Redis:${name}`);
  const redis = new Redis(url, { maxRetriesPerRequest: null, connectionName: name });
  let down = false;
  redis.on('error', (err: Error) => {
    if (!down) logger.warn(`Redis unreachable, reconnecting: ${err.message}`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.log('Redis reachable again');
    down = false;
  });
  return redis;
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppEnv, true>) => connectRedis(config.get('REDIS_URL'), 'app'),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
