import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access, OwnDataOnly } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { assertVisibleTo } from '../credit-file/visibility';
import { EvaluationDto, ReevaluationDto } from './dto/evaluation-response.dto';
import { EvaluationQueryDto } from './dto/evaluation.query';
import { EvaluationService } from './evaluation.service';

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller()
export class EvaluationController {
  constructor(private readonly evaluation: EvaluationService) {}

  @Get('institutions/:uscc/evaluation')
  @Access(...STAFF, 'institution')
  @OwnDataOnly('uscc')
  @Audited({ action: 'read', resource: 'evaluation', idParam: 'uscc' })
  @ApiOperation({ summary: '信用评价：任一日期的得分、等级及计分记录' })
  @ApiOkResponse({ type: EvaluationDto })
  evaluate(@Param('uscc') uscc: string, @Query() query: EvaluationQueryDto, @CurrentUser() user: AuthUser) {
    return this.evaluation.evaluate(assertVisibleTo(uscc, user), query.asOf);
  }

  /** The nightly schedule does this; an administrator may run it after publishing a new policy version. */
  @Post('evaluations/reevaluate')
  @HttpCode(200)
  @Access('admin', 'manager')
  @Audited({ action: 'update', resource: 'evaluation' })
  @ApiOperation({ summary: '立即重新评价全部机构' })
  @ApiOkResponse({ type: ReevaluationDto })
  reevaluateAll() {
    return this.evaluation.reevaluateAll();
  }
}
