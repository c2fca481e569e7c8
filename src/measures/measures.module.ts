import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { MeasuresController } from './measures.controller';
import { MeasureCatalogueService } from './measure-catalogue.service';
import { MeasuresService } from './measures.service';

@Module({ imports: [PoliciesModule], controllers: [MeasuresController], providers: [MeasuresService, MeasureCatalogueService], exports: [MeasuresService, MeasureCatalogueService] })
export class MeasuresModule {}
