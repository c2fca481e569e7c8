import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../password-policy';

const REQUIREMENTS = ['password_change', 'totp_enrolment'];

export class LoginDto {
  @ApiProperty({ example: 'officer1' })
  @IsString({ message: '用户名必须是文本' })
  @Length(1, 64, { message: '用户名长度应为 1–64 个字符' })
  username: string;

  @ApiProperty({ example: 'Jingban@Haizhou26' })
  @IsString({ message: '密码必须是文本' })
  @Length(1, PASSWORD_MAX_LENGTH, { message: `密码长度应为 1–${PASSWORD_MAX_LENGTH} 个字符` })
  password: string;

  @ApiPropertyOptional({ description: '身份验证器上当前的 6 位动态口令，或一个恢复码（xxxxx-xxxxx）；已绑定动态口令的账号必填', example: '123456' })
  @IsOptional()
  @IsString({ message: '动态口令必须是文本' })
  @Matches(/^(\d{6}|[A-Za-z2-9]{5}[\s-]?[A-Za-z2-9]{5})$/, { message: '动态口令应为 6 位数字，或 xxxxx-xxxxx 形式的恢复码' })
  totp?: string;
}

export class RefreshDto {
  @ApiProperty({ description: '登录或上次刷新时得到的 refreshToken（每次刷新后作废，换用新的）' })
  @IsString({ message: 'refreshToken 必须是文本' })
  @Length(20, 200, { message: 'refreshToken 格式不正确' })
  refreshToken: string;
}

export class TokenDto {
  @ApiProperty({ description: '访问令牌（Bearer），有效期见 expiresIn' }) accessToken: string;
  @ApiProperty({ description: '刷新令牌：仅用于 POST /api/auth/refresh 和 /api/auth/logout，每次刷新后更换' }) refreshToken: string;
  @ApiProperty({ description: '访问令牌有效秒数', example: 900 }) expiresIn: number;
  @ApiProperty({
    enum: REQUIREMENTS, isArray: true,
    description: '登录后须先完成的事项：password_change 修改密码，totp_enrolment 绑定动态口令；未完成前令牌只能用于完成这些事项',
  })
  requirements: string[];
}

export class ChangePasswordDto {
  @ApiProperty() @IsString({ message: '当前密码必须是文本' }) @Length(1, PASSWORD_MAX_LENGTH, { message: '当前密码不正确' })
  currentPassword: string;

  @ApiProperty({ description: '至少 12 位，含大写字母、小写字母、数字、符号中的至少三类，不含用户名，不是常见密码' })
  @IsString({ message: '新密码必须是文本' }) @Length(1, PASSWORD_MAX_LENGTH, { message: `新密码不超过 ${PASSWORD_MAX_LENGTH} 位` })
  newPassword: string;
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'base32 密钥，可在身份验证器中手动输入' }) secret: string;
  @ApiProperty({ description: 'otpauth:// 地址，即二维码内容' }) otpauthUri: string;
}

export class ConfirmTotpDto {
  @ApiProperty({ example: '123456' })
  @IsString({ message: '动态口令必须是文本' }) @Matches(/^\d{6}$/, { message: '动态口令应为 6 位数字' })
  code: string;
}

export class TotpConfirmedDto extends TokenDto {
  @ApiProperty({ type: [String], description: '10 个一次性恢复码，只显示这一次，请妥善保存' }) recoveryCodes: string[];
}
