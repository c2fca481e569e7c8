import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { uuidPipe } from '../credit-file/credit-file.controller';
import { EffectDto } from './dto/effect.dto';
import { EffectsService } from './effects.service';

/** Effects of decisions: staff read a case's or a record's; the institution reads its own through its portal. */
@ApiTags('effects')
@ApiBearerAuth()
@Controller()
export class EffectsController {
  constructor(private readonly effects: EffectsService) {}

  @Get('cases/:caseNo/effects')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'credit-effects', idParam: 'caseNo' })
  @ApiOperation({ summary: '案件决定的全部效果（失信惩戒措施与行政处罚），含依据、起止日期和终止原因' })
  @ApiOkResponse({ type: [EffectDto] })
  async ofCase(@Param('caseNo') caseNo: string) {
    await this.effects.assertCase(caseNo);
    return this.effects.ofCase(caseNo);
  }

  @Get('credit-records/:recordId/effects')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'credit-effects', idParam: 'recordId' })
  @ApiOperation({ summary: '一条信用记录的全部效果' })
  @ApiOkResponse({ type: [EffectDto] })
  async ofRecord(@Param('recordId', uuidPipe) recordId: string) {
    await this.effects.recordExists(recordId);
    return this.effects.ofRecord(recordId);
  }

  @Get('portal/effects')
  @Access('institution')
  @Audited({ action: 'read', resource: 'credit-effects' })
  @ApiOperation({ summary: '本机构所受的全部效果（失信惩戒措施与行政处罚）及其终止情况' })
  @ApiOkResponse({ type: [EffectDto] })
  ofOwn(@CurrentUser() user: AuthUser) {
    return this.effects.ofInstitution(user.uscc!.toUpperCase());
  }
}
