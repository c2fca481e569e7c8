import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { MeasuresController } from './measures.controller';
import { MeasuresService } from './measures.service';

@Module({ imports: [PoliciesModule], controllers: [MeasuresController], providers: [MeasuresService], exports: [MeasuresService] })
export class MeasuresModule {}
