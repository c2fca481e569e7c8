import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthDatabase } from './health-db';
import { HealthProbes } from './health-probes';
import { HealthController } from './health.controller';

@Module({ imports: [TerminusModule], controllers: [HealthController], providers: [HealthDatabase, HealthProbes] })
export class HealthModule {}
