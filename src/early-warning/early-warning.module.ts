import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { PoliciesModule } from '../policies/policies.module';
import { EarlyWarningController } from './early-warning.controller';
import { EarlyWarningService } from './early-warning.service';

@Module({
  imports: [CasesModule, CalendarModule, PoliciesModule],
  controllers: [EarlyWarningController],
  providers: [EarlyWarningService],
})
export class EarlyWarningModule {}
