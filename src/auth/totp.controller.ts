import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditedRequest, requestMeta } from '../audit/audit.interceptor';
import { Access, DuringSetup } from './access.decorator';
import { AccountService } from './account.service';
import { CurrentSession, CurrentUser } from './current-user.decorator';
import { ConfirmTotpDto, TotpConfirmedDto, TotpEnrolmentDto } from './dto/login.dto';
import { ROLES, type AuthUser } from './role';
import type { Authenticated } from './session-check';

/** Enrolling a second factor (RFC 6238): required of staff at their first sign-in, offered to institutions. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/totp')
export class TotpController {
  constructor(private readonly account: AccountService) {}

  @Post('enroll')
  @Access(...ROLES)
  @DuringSetup()
  @ApiOperation({ summary: '绑定动态口令第一步：生成密钥和二维码内容（确认前不生效）' })
  @ApiCreatedResponse({ type: TotpEnrolmentDto })
  enroll(@CurrentUser() user: AuthUser, @Req() req: AuditedRequest): Promise<TotpEnrolmentDto> {
    return this.account.startTotpEnrolment(user.id, requestMeta(req));
  }

  @Post('confirm')
  @Access(...ROLES)
  @DuringSetup()
  @HttpCode(200)
  @ApiOperation({ summary: '绑定动态口令第二步：输入验证器上的口令确认，返回一次性恢复码和新令牌' })
  @ApiOkResponse({ type: TotpConfirmedDto })
  confirm(@Body() dto: ConfirmTotpDto, @CurrentUser() user: AuthUser, @CurrentSession() session: Authenticated['session'],
    @Req() req: AuditedRequest): Promise<TotpConfirmedDto> {
    return this.account.confirmTotp(user.id, session.id, dto.code, requestMeta(req));
  }
}
