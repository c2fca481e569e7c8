import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { uuidPipe } from '../credit-file/credit-file.controller';
import { CreditReviewService } from './credit-review.service';
import { CreditReviewDto, ReviewCoverageDto, ReviewMatterDto } from './dto/review-response.dto';
import { DecideMatterDto, PeriodQuery, RegisterMatterDto, ReviewRequestDto } from './dto/review.dto';
import { ReviewMattersService } from './review-matters.service';

@ApiTags('credit-review (信用审查)')
@ApiBearerAuth()
@Controller()
export class CreditReviewController {
  constructor(
    private readonly reviews: CreditReviewService,
    private readonly matters: ReviewMattersService,
  ) {}

  /**
   * A review is also the evidence that it was done: each call is filed, with its reasons. POST with a JSON body
   * because it may carry a person's ID number, which must stay out of URLs and so out of logs (issue #14 point 6).
   */
  @Post('credit-review')
  @HttpCode(200)
  @Access('officer', 'approver')
  @Audited({ action: 'read', resource: 'credit-review' })
  @ApiOperation({ summary: '信用审查：返回 pass / warn / block 及理由，并存档' })
  @ApiOkResponse({ type: CreditReviewDto })
  review(@Body() q: ReviewRequestDto, @CurrentUser() user: AuthUser) {
    return this.reviews.review(q, user);
  }

  @Get('credit-review/coverage')
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'credit-review-coverage' })
  @ApiOperation({ summary: '信用审查覆盖率（按科室、事项类型、期间）' })
  @ApiOkResponse({ type: ReviewCoverageDto })
  coverage(@Query() q: PeriodQuery) {
    return this.matters.coverage(q.from, q.to);
  }

  @Post('review-matters')
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'review-matter' })
  @ApiOperation({ summary: '登记校外培训机构办学许可申请或评先评优推荐' })
  @ApiCreatedResponse({ type: ReviewMatterDto })
  register(@Body() dto: RegisterMatterDto, @CurrentUser() user: AuthUser) {
    return this.matters.register(dto, user);
  }

  @Get('review-matters/:id')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'review-matter', idParam: 'id' })
  @ApiOkResponse({ type: ReviewMatterDto })
  get(@Param('id', uuidPipe) id: string) {
    return this.matters.get(id);
  }

  @Post('review-matters/:id/decision')
  @HttpCode(200)
  @Access('approver')
  @Audited({ action: 'transition', resource: 'review-matter', idParam: 'id' })
  @ApiOperation({ summary: '作出审批或评选决定（事项所属科室的审核人，且不是登记人：403 SAME_PERSON / OTHER_OFFICE）；无信用审查记录时 409 REVIEW_REQUIRED' })
  @ApiOkResponse({ type: ReviewMatterDto })
  decide(@Param('id', uuidPipe) id: string, @Body() dto: DecideMatterDto, @CurrentUser() user: AuthUser) {
    return this.matters.decide(id, dto, user);
  }
}
