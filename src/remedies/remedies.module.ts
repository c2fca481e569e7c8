import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EffectsModule } from '../effects/effects.module';
import { IndustryBansModule } from '../industry-bans/industry-bans.module';
import { PublicTextModule } from '../publicity/public-text.module';
import { RemediesController } from './remedies.controller';
import { RemediesService } from './remedies.service';

@Module({
  imports: [CalendarModule, EffectsModule, PublicTextModule, IndustryBansModule],
  controllers: [RemediesController],
  providers: [RemediesService],
  exports: [RemediesService],
})
export class RemediesModule {}
