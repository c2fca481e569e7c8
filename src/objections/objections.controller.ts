import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access, OwnDataOnly } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { uuidPipe } from '../credit-file/credit-file.controller';
import { ObjectionListDto, ObjectionViewDto } from './dto/objection-response.dto';
import { DecideObjectionDto, ObjectionListQueryDto, RaiseObjectionDto } from './dto/objection.dto';
import { ObjectionsService } from './objections.service';

@ApiTags('objections (异议与更正)')
@ApiBearerAuth()
@Controller()
export class ObjectionsController {
  constructor(private readonly objections: ObjectionsService) {}

  @Post('institutions/:uscc/credit-file/:recordId/objections')
  @Access('institution', 'officer')
  @OwnDataOnly('uscc')
  @Audited({ action: 'create', resource: 'credit-objection', idParam: 'recordId' })
  @ApiOperation({ summary: '对信用记录提出异议或申请更正' })
  @ApiCreatedResponse({ type: ObjectionViewDto })
  raise(@Param('uscc') uscc: string, @Param('recordId', uuidPipe) recordId: string, @Body() dto: RaiseObjectionDto,
    @CurrentUser() user: AuthUser) {
    return this.objections.raise(uscc, recordId, dto, user);
  }

  @Get('credit-objections')
  @Access(...STAFF, 'institution')
  @Audited({ action: 'list', resource: 'credit-objection' })
  @ApiOkResponse({ type: ObjectionListDto })
  list(@Query() query: ObjectionListQueryDto, @CurrentUser() user: AuthUser) {
    return this.objections.list(query, user);
  }

  @Get('credit-objections/:id')
  @Access(...STAFF, 'institution')
  @OwnDataOnly('id')
  @Audited({ action: 'read', resource: 'credit-objection', idParam: 'id' })
  @ApiOkResponse({ type: ObjectionViewDto })
  get(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.objections.get(id, user);
  }

  @Post('credit-objections/:id/decision')
  @HttpCode(200)
  @Access('officer', 'approver')
  @Audited({ action: 'transition', resource: 'credit-objection', idParam: 'id' })
  @ApiOperation({ summary: '处理异议：成立则生成更正记录（原记录不变），不成立则说明理由' })
  @ApiOkResponse({ type: ObjectionViewDto })
  decide(@Param('id', uuidPipe) id: string, @Body() dto: DecideObjectionDto, @CurrentUser() user: AuthUser) {
    return this.objections.decide(id, dto, user);
  }
}
