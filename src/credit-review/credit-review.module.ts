import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { CreditReviewController } from './credit-review.controller';
import { CreditReviewService } from './credit-review.service';
import { ReviewMattersService } from './review-matters.service';

@Module({
  imports: [PoliciesModule],
  controllers: [CreditReviewController],
  providers: [CreditReviewService, ReviewMattersService],
  exports: [CreditReviewService],
})
export class CreditReviewModule {}
