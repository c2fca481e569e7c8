import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthDatabase } from './health-db';
import { HealthController } from './health.controller';

@Module({ imports: [TerminusModule], controllers: [HealthController], providers: [HealthDatabase] })
export class HealthModule {}
