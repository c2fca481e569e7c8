import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { SubjectsCoreModule } from '../subjects/subjects-core.module';
import { CreditReviewController } from './credit-review.controller';
import { CreditReviewService } from './credit-review.service';
import { ReviewMattersService } from './review-matters.service';

@Module({
  imports: [PoliciesModule, SubjectsCoreModule],
  controllers: [CreditReviewController],
  providers: [CreditReviewService, ReviewMattersService],
  exports: [CreditReviewService],
})
export class CreditReviewModule {}
