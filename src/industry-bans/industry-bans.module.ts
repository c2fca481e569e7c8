import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DocumentsCoreModule } from '../documents/documents-core.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { MeasuresModule } from '../measures/measures.module';
import { BanClock } from './ban-clock';
import { BanPenaltiesService } from './ban-penalties.service';
import { BanProcedureService } from './ban-procedure.service';
import { IndustryBansController } from './industry-bans.controller';

/** 限制从业 by the penalty procedure; the workflow and its activities live in workflows/ and activities/. */
@Module({
  imports: [MeasuresModule, CalendarModule, EvaluationModule, DocumentsCoreModule],
  controllers: [IndustryBansController],
  providers: [BanProcedureService, BanPenaltiesService, BanClock],
  // the remedies end a ban whose 行政处罚决定书 is revoked on 行政复议 or 行政诉讼 (src/remedies)
  exports: [BanPenaltiesService],
})
export class IndustryBansModule {}
