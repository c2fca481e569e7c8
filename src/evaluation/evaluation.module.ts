import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { EvaluationController } from './evaluation.controller';
import { EvaluationService } from './evaluation.service';

@Module({
  imports: [PoliciesModule],
  controllers: [EvaluationController],
  providers: [EvaluationService],
  exports: [EvaluationService, PoliciesModule],
})
export class EvaluationModule {}
