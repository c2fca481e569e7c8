import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DocumentsCoreModule } from '../documents/documents-core.module';
import { EffectsModule } from '../effects/effects.module';
import { PoliciesModule } from '../policies/policies.module';
import { ObjectionsController } from './objections.controller';
import { ObjectionsService } from './objections.service';

@Module({ imports: [CalendarModule, PoliciesModule, EffectsModule, DocumentsCoreModule], controllers: [ObjectionsController], providers: [ObjectionsService] })
export class ObjectionsModule {}
