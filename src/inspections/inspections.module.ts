import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PoliciesModule } from '../policies/policies.module';
import { InspectionsController } from './inspections.controller';
import { InspectionsService } from './inspections.service';

@Module({ imports: [CasesModule, PoliciesModule], controllers: [InspectionsController], providers: [InspectionsService] })
export class InspectionsModule {}
