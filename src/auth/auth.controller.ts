import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditedRequest, requestMeta } from '../audit/audit.interceptor';
import { DomainException } from '../common/errors/domain.exception';
import { Access, DuringSetup, Public } from './access.decorator';
import { AccountRepository } from './account.repository';
import { AccountService } from './account.service';
import { AuthService } from './auth.service';
import { CurrentSession, CurrentUser } from './current-user.decorator';
import { CurrentUserDto } from './dto/current-user.dto';
import { ChangePasswordDto, LoginDto, RefreshDto, TokenDto } from './dto/login.dto';
import { ROLES, type AuthUser } from './role';
import type { Authenticated } from './session-check';
import { SessionService } from './session.service';
import { tokenInvalid } from './auth.errors';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly account: AccountService,
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '登录：用户名、密码，已绑定动态口令的账号加 totp' })
  @ApiOkResponse({ type: TokenDto })
  @ApiUnauthorizedResponse({ description: '用户名或密码错误（LOGIN_FAILED），缺少或错误的动态口令（TOTP_REQUIRED、TOTP_INVALID）' })
  @ApiResponse({ status: 423, description: '连续失败次数过多，账号暂时锁定（ACCOUNT_LOCKED），见 Retry-After' })
  @ApiResponse({ status: 429, description: '同一地址失败次数过多（TOO_MANY_REQUESTS），见 Retry-After' })
  async login(@Body() dto: LoginDto, @Req() req: AuditedRequest, @Res({ passthrough: true }) res: Response): Promise<TokenDto> {
    try {
      return await this.auth.login(dto, requestMeta(req));
    } catch (err) {
      const wait = err instanceof DomainException && (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (wait) res.setHeader('Retry-After', String(wait));
      throw err;
    }
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '用刷新令牌换取新的访问令牌（刷新令牌随之更换）' })
  @ApiOkResponse({ type: TokenDto })
  @ApiUnauthorizedResponse({ description: '会话已结束：已登出、超时、账号停用或刷新令牌被重复使用（SESSION_ENDED）' })
  refresh(@Body() dto: RefreshDto): Promise<TokenDto> {
    return this.sessions.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: '登出：结束刷新令牌所属的会话（访问令牌随即失效）' })
  @ApiNoContentResponse({ description: '会话已结束（未知的令牌同样视为已登出）' })
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.sessions.revokeByRefreshToken(dto.refreshToken);
  }

  @Get('me')
  @Access(...ROLES)
  @DuringSetup()
  @ApiBearerAuth()
  @ApiOkResponse({ type: CurrentUserDto })
  async me(@CurrentUser() user: AuthUser): Promise<CurrentUserDto> {
    const account = await this.accounts.byId(user.id);
    if (!account) throw tokenInvalid();
    return { ...user, requirements: this.sessions.requirements(account), totpEnrolled: account.totpEnabled };
  }

  @Post('password')
  @Access(...ROLES)
  @DuringSetup()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改本人密码；其他会话随之结束，本会话换发新令牌' })
  @ApiOkResponse({ type: TokenDto })
  @ApiResponse({ status: 423, description: '当前密码连续输错，账号暂时锁定（ACCOUNT_LOCKED）' })
  @ApiResponse({ status: 429, description: '同一地址失败次数过多（TOO_MANY_REQUESTS）' })
  changePassword(@Body() dto: ChangePasswordDto, @CurrentUser() user: AuthUser, @CurrentSession() session: Authenticated['session'],
    @Req() req: AuditedRequest): Promise<TokenDto> {
    return this.account.changePassword(user.id, session.id, dto.currentPassword, dto.newPassword, requestMeta(req));
  }
}
