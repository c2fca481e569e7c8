import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password-policy';
import { ROLES, type Role } from '../../auth/role';
import { IsUscc } from '../../common/validation/uscc';

const ROLE_MESSAGE = `角色（role）只能是：${ROLES.join('、')}`;

export class UserQueryDto {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES, { message: ROLE_MESSAGE }) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) officeCode?: string;
  @ApiPropertyOptional({ description: '只看启用的账号' })
  @IsOptional() @Type(() => Boolean) @IsBoolean({ message: 'active 只能是 true 或 false' }) active?: boolean;
}

export class CreateUserDto {
  @ApiProperty({ example: 'officer2' })
  @Matches(/^[a-zA-Z0-9_.-]{3,40}$/, { message: '用户名（username）应为 3–40 位字母、数字、点、下划线或连字符' })
  username: string;

  @ApiProperty({ description: '初始密码：至少 12 位，含大写字母、小写字母、数字、符号中的至少三类，不含用户名，不是常见密码；本人首次登录须修改' })
  @IsString({ message: '密码（password）必须是文本' })
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: `密码（password）应为 ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} 个字符` })
  password: string;

  @ApiProperty({ enum: ROLES }) @IsIn(ROLES, { message: ROLE_MESSAGE }) role: Role;

  @ApiProperty({ example: '王经办' })
  @IsString({ message: '姓名（displayName）必须是文本' }) @Length(1, 50, { message: '姓名（displayName）应为 1–50 个字符' })
  displayName: string;

  @ApiPropertyOptional({ description: '科室代码（经办人、审核人必填）' })
  @ValidateIf((o: CreateUserDto) => o.role === 'officer' || o.role === 'approver' || o.officeCode !== undefined)
  @IsString({ message: '经办人和审核人须指定科室（officeCode）' }) @Length(1, 50, { message: '科室代码（officeCode）不正确' })
  officeCode?: string;

  @ApiPropertyOptional({ description: '机构账号所属机构的统一社会信用代码（机构账号必填）' })
  @ValidateIf((o: CreateUserDto) => o.role === 'institution' || o.uscc !== undefined)
  @IsUscc() uscc?: string;

  @ApiPropertyOptional({ description: '执法证号（行政执法人员填写，行政处罚法第42条）', nullable: true })
  @IsOptional() @IsString({ message: '执法证号（enforcementCertNo）必须是文本' })
  @Matches(/^[0-9A-Za-z-]{4,40}$/, { message: '执法证号（enforcementCertNo）应为 4–40 位字母、数字或连字符' })
  enforcementCertNo?: string | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES, { message: ROLE_MESSAGE }) role?: Role;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @Length(1, 50) officeCode?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50, { message: '姓名（displayName）应为 1–50 个字符' }) displayName?: string;
  @ApiPropertyOptional({ description: '停用后不能再登录' }) @IsOptional() @IsBoolean({ message: 'active 只能是 true 或 false' }) active?: boolean;

  @ApiPropertyOptional({ description: '执法证号（行政执法人员填写，行政处罚法第42条）', nullable: true })
  @IsOptional() @IsString({ message: '执法证号（enforcementCertNo）必须是文本' })
  @Matches(/^[0-9A-Za-z-]{4,40}$/, { message: '执法证号（enforcementCertNo）应为 4–40 位字母、数字或连字符' })
  enforcementCertNo?: string | null;
}
