import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { PoliciesModule } from '../policies/policies.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ imports: [CalendarModule, PoliciesModule], controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}
