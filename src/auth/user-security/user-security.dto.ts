import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../password-policy';

export class ResetPasswordDto {
  @ApiProperty({ description: '临时密码（须符合密码规则）；本人下次登录时必须修改' })
  @IsString({ message: '临时密码必须是文本' }) @Length(1, PASSWORD_MAX_LENGTH, { message: `临时密码不超过 ${PASSWORD_MAX_LENGTH} 位` })
  password: string;
}

export class ProposeTotpResetDto {
  @ApiProperty({ description: '申请理由（如：手机遗失，已核实本人身份）' })
  @IsString({ message: '理由必须是文本' }) @Length(4, 500, { message: '理由应为 4–500 个字符' })
  reason: string;
}

export class DecideSecurityRequestDto {
  @ApiPropertyOptional({ description: '审批意见' })
  @IsOptional() @IsString({ message: '审批意见必须是文本' }) @Length(1, 500, { message: '审批意见应为 1–500 个字符' })
  note?: string;
}

export class SecurityRequestQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'] })
  @IsOptional() @IsIn(['pending', 'approved', 'rejected'], { message: 'status 只能是 pending、approved 或 rejected' })
  status?: 'pending' | 'approved' | 'rejected';
}

export class PasswordResetDoneDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ description: '本人下次登录须修改密码' }) mustChangePassword: boolean;
}

/** An administrator's request to remove someone's second factor, waiting for a second administrator. */
export class SecurityRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['totp_reset'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() username: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status: string;
  @ApiProperty({ format: 'uuid' }) proposedBy: string;
  @ApiProperty({ format: 'date-time' }) proposedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
}

export class SecurityRequestListDto {
  @ApiProperty({ type: [SecurityRequestDto] }) items: SecurityRequestDto[];
}
