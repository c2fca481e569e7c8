import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'officer1' })
  @IsString({ message: '用户名必须是文本' })
  @Length(1, 64, { message: '用户名长度应为 1–64 个字符' })
  username: string;

  @ApiProperty({ example: 'Officer#2026' })
  @IsString({ message: '密码必须是文本' })
  @Length(1, 128, { message: '密码长度应为 1–128 个字符' })
  password: string;
}

export class TokenDto {
  @ApiProperty() accessToken: string;
}
