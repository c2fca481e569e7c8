import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { PoliciesModule } from '../policies/policies.module';
import { SubjectsCoreModule } from '../subjects/subjects-core.module';
import { PublicTextFlowService } from './public-text-flow.service';
import { PublicTextModule } from './public-text.module';
import { PublicationController } from './publication.controller';
import { PublicityReportService } from './publicity-report.service';
import { PublicityController } from './publicity.controller';
import { PublicityService } from './publicity.service';
import { TransitionReportService } from './transition-report.service';

/** 双公示 of licence and penalty decisions, publication by the 36号令 rules, and the sign-off of public texts. */
@Module({
  imports: [CalendarModule, PoliciesModule, PublicTextModule, SubjectsCoreModule],
  controllers: [PublicityController, PublicationController],
  providers: [PublicityService, PublicityReportService, PublicTextFlowService, TransitionReportService],
  exports: [PublicityService, PublicityReportService],
})
export class PublicityModule {}
