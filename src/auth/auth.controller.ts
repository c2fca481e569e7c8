import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Access, Public } from './access.decorator';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { CurrentUserDto } from './dto/current-user.dto';
import { LoginDto, TokenDto } from './dto/login.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { ROLES, type AuthUser } from './role';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiOkResponse({ type: TokenDto })
  @ApiUnauthorizedResponse({ description: '用户名或密码错误（LOGIN_FAILED）' })
  login(@Body() dto: LoginDto): Promise<TokenDto> {
    return this.auth.login(dto.username, dto.password);
  }

  @Get('me')
  @Access(...ROLES)
  @ApiBearerAuth()
  @ApiOkResponse({ type: CurrentUserDto })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}
