import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { PoliciesModule } from '../policies/policies.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Behind the report gate, which src/bootstrap-app.ts puts in front of everything else (report-gate.ts). */
@Module({ imports: [CalendarModule, PoliciesModule], controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}
