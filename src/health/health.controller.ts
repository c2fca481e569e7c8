import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../auth/access.decorator';
import { Dependency, HealthProbes } from './health-probes';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly probes: HealthProbes,
    private readonly indicator: HealthIndicatorService,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  async check() {
    // one round of pings shared by the callers of the same second (health-probes.ts); the database over a
    // one-connection pool of its own, so reports holding the application's pool do not delay it (health-db.ts)
    const probed = await this.probes.current();
    const indicate = (key: Dependency) => () => {
      const check = this.indicator.check(key);
      return probed[key] ? check.up() : check.down({ message: `${key} unreachable` });
    };
    return this.health.check([indicate('database'), indicate('redis'), indicate('temporal')]);
  }
}
