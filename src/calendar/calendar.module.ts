import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FourEyesModule } from '../common/four-eyes/four-eyes.module';
import { CalendarProposals } from './calendar-proposals';
import { CalendarOverrideEntity } from './calendar-override.entity';
import { CalendarYearEntity } from './calendar-year.entity';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({
  imports: [TypeOrmModule.forFeature([CalendarOverrideEntity, CalendarYearEntity]), FourEyesModule],
  controllers: [CalendarController],
  providers: [CalendarService, CalendarProposals],
  exports: [CalendarService],
})
export class CalendarModule {}
