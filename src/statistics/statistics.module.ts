import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ReportGateMiddleware } from '../reports/report-gate';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

@Module({ controllers: [StatisticsController], providers: [StatisticsService] })
export class StatisticsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ReportGateMiddleware).forRoutes(StatisticsController); // before the guards (report-gate.ts)
  }
}
