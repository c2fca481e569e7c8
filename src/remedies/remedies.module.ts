import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CaseGatewayModule } from '../cases/case-gateway.module';
import { EffectsModule } from '../effects/effects.module';
import { IndustryBansModule } from '../industry-bans/industry-bans.module';
import { PublicTextModule } from '../publicity/public-text.module';
import { RemediesController } from './remedies.controller';
import { RemediesService } from './remedies.service';

@Module({
  imports: [CalendarModule, CaseGatewayModule, EffectsModule, PublicTextModule, IndustryBansModule],
  controllers: [RemediesController],
  providers: [RemediesService],
  exports: [RemediesService],
})
export class RemediesModule {}
