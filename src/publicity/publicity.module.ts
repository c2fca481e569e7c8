import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { PoliciesModule } from '../policies/policies.module';
import { PublicityReportService } from './publicity-report.service';
import { PublicityController } from './publicity.controller';
import { PublicityService } from './publicity.service';

/** 双公示 of licence and penalty decisions. */
@Module({
  imports: [CalendarModule, PoliciesModule],
  controllers: [PublicityController],
  providers: [PublicityService, PublicityReportService],
  exports: [PublicityService, PublicityReportService],
})
export class PublicityModule {}
