import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../audit/audited.decorator';
import { Access } from '../access.decorator';
import { CurrentUser } from '../current-user.decorator';
import type { AuthUser } from '../role';
import {
  DecideSecurityRequestDto, PasswordResetDoneDto, ProposeTotpResetDto, ResetPasswordDto, SecurityRequestDto, SecurityRequestListDto,
  SecurityRequestQueryDto,
} from './user-security.dto';
import { UserSecurityService } from './user-security.service';
import { idInvalid } from '../../common/errors/common.errors';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => idInvalid() });

@ApiTags('directory (用户与科室)')
@ApiBearerAuth()
@Controller()
export class UserSecurityController {
  constructor(private readonly security: UserSecurityService) {}

  @Post('users/:id/password-reset')
  @Access('admin')
  @HttpCode(200)
  @Audited({ action: 'update', resource: 'user-password', idParam: 'id' })
  @ApiOperation({ summary: '重置他人密码为临时密码（本人下次登录须修改；其会话全部结束）' })
  @ApiOkResponse({ type: PasswordResetDoneDto })
  resetPassword(@Param('id', uuid) id: string, @Body() dto: ResetPasswordDto, @CurrentUser() admin: AuthUser) {
    return this.security.resetPassword(id, dto.password, admin);
  }

  @Post('users/:id/totp-reset')
  @Access('admin')
  @Audited({ action: 'create', resource: 'user-security-request', idParam: 'id' })
  @ApiOperation({ summary: '申请重置他人的动态口令（须另一名管理员审批）' })
  @ApiCreatedResponse({ type: SecurityRequestDto })
  proposeTotpReset(@Param('id', uuid) id: string, @Body() dto: ProposeTotpResetDto, @CurrentUser() admin: AuthUser) {
    return this.security.proposeTotpReset(id, dto.reason, admin);
  }

  @Get('user-security-requests')
  @Access('admin')
  @Audited({ action: 'list', resource: 'user-security-request' })
  @ApiOperation({ summary: '账号安全申请（动态口令重置）列表' })
  @ApiOkResponse({ type: SecurityRequestListDto })
  list(@Query() q: SecurityRequestQueryDto) {
    return this.security.list(q.status);
  }

  @Post('user-security-requests/:id/approve')
  @Access('admin')
  @HttpCode(200)
  @Audited({ action: 'transition', resource: 'user-security-request', idParam: 'id' })
  @ApiOperation({ summary: '批准：另一名管理员确认后重置动态口令，该账号下次登录重新绑定' })
  @ApiOkResponse({ type: SecurityRequestDto })
  approve(@Param('id', uuid) id: string, @Body() dto: DecideSecurityRequestDto, @CurrentUser() admin: AuthUser) {
    return this.security.decide(id, true, dto.note, admin);
  }

  @Post('user-security-requests/:id/reject')
  @Access('admin')
  @HttpCode(200)
  @Audited({ action: 'transition', resource: 'user-security-request', idParam: 'id' })
  @ApiOperation({ summary: '驳回动态口令重置申请' })
  @ApiOkResponse({ type: SecurityRequestDto })
  reject(@Param('id', uuid) id: string, @Body() dto: DecideSecurityRequestDto, @CurrentUser() admin: AuthUser) {
    return this.security.decide(id, false, dto.note, admin);
  }
}
