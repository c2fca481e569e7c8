import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DocumentsCoreModule } from '../documents/documents-core.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { MeasuresModule } from '../measures/measures.module';
import { BanPenaltiesService } from './ban-penalties.service';
import { BanProcedureService } from './ban-procedure.service';
import { IndustryBansController } from './industry-bans.controller';

/** 限制从业 by the penalty procedure; the workflow and its activities live in workflows/ and activities/. */
@Module({
  imports: [MeasuresModule, CalendarModule, EvaluationModule, DocumentsCoreModule],
  controllers: [IndustryBansController],
  providers: [BanProcedureService, BanPenaltiesService],
})
export class IndustryBansModule {}
