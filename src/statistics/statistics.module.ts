import { Module } from '@nestjs/common';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

/** Behind the report gate, which src/bootstrap-app.ts puts in front of everything else (src/reports/report-gate.ts). */
@Module({ controllers: [StatisticsController], providers: [StatisticsService] })
export class StatisticsModule {}
