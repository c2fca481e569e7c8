import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { PoliciesModule } from '../policies/policies.module';
import { ReportGateMiddleware } from './report-gate';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ imports: [CalendarModule, PoliciesModule], controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ReportGateMiddleware).forRoutes(ReportsController); // before the guards (report-gate.ts)
  }
}
