import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Client, Connection } from '@temporalio/client';
import Redis from 'ioredis';
import { Public } from '../auth/access.decorator';
import { REDIS } from '../redis/redis.module';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { HealthDatabase } from './health-db';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: HealthDatabase,
    private readonly indicator: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([
      // its own one-connection pool: reports holding the application's pool do not delay it (health-db.ts)
      () => this.probe('database', () => this.db.ping()),
      () => this.probe('redis', async () => (await this.redis.ping()) === 'PONG'),
      () => this.probe('temporal', async () => (await (this.temporal.connection as Connection).healthService.check({})).status === 1),
    ]);
  }

  private async probe(key: string, ping: () => Promise<boolean>) {
    const check = this.indicator.check(key);
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref());
    const up = await Promise.race([ping().catch(() => false), timeout]);
    return up ? check.up() : check.down({ message: `${key} unreachable` });
  }
}
