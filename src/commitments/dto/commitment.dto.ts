import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsIdNumber } from '../../common/validation/id-number';
import { EmptyAsAbsent } from '../../common/validation/query';
import { IsUscc } from '../../common/validation/uscc';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const COMMITMENT_PURPOSES = ['licence_notice', 'repair', 'annual', 'other'] as const;
export type CommitmentPurpose = (typeof COMMITMENT_PURPOSES)[number];

export class SignCommitmentDto {
  @ApiProperty({ description: '统一社会信用代码' }) @IsUscc() uscc: string;

  @ApiProperty({ enum: COMMITMENT_PURPOSES, description: '告知承诺制审批 / 信用修复 / 年度承诺 / 其他' })
  @IsIn(COMMITMENT_PURPOSES, { message: '承诺事项（purpose）只能是 licence_notice、repair、annual 或 other' })
  purpose: CommitmentPurpose;

  @ApiProperty({ description: '承诺书编号（同一机构内唯一；重复提交返回原承诺）', example: 'CN-2026-001' })
  @IsString({ message: '承诺书编号（reference）必须是文本' }) @Length(2, 60, { message: '承诺书编号（reference）应为 2–60 个字符' })
  reference: string;

  @ApiProperty({ description: '承诺内容' })
  @IsString({ message: '承诺内容（content）必须是文本' }) @Length(10, 5000, { message: '承诺内容（content）应为 10–5000 个字符' })
  content: string;

  @ApiProperty({ description: '签署人姓名' })
  @IsNotEmpty({ message: '缺少必填字段：签署人（signerName）' }) @IsString() @Length(2, 50, { message: '签署人（signerName）应为 2–50 个字符' })
  signerName: string;

  @ApiPropertyOptional({ description: '签署人身份证号（加密存储）' }) @IsOptional() @IsIdNumber() signerIdNumber?: string;

  @ApiPropertyOptional({ description: '签署日期：由系统取签署当天（北京时间），可省略；如填写只能是今天，不得倒签或预签' })
  @IsOptional() @Matches(DATE, { message: '签署日期（signedOn）应为 YYYY-MM-DD' }) signedOn?: string;

  @ApiPropertyOptional({ description: '履约期限，不早于签署当天（年度承诺默认签署当年 12 月 31 日，其余必填）' })
  @IsOptional() @Matches(DATE, { message: '履约期限（dueDate）应为 YYYY-MM-DD' }) dueDate?: string;
}

export class CommitmentListQueryDto {
  @ApiPropertyOptional({ description: '机构账号可省略（默认本机构），其他角色必填' }) @EmptyAsAbsent() @IsOptional() @IsUscc()
  uscc?: string;
}

export class BreachCommitmentDto {
  @ApiProperty({ description: '违约事实，将作为失信案件的线索事实' })
  @IsString({ message: '违约事实（facts）必须是文本' }) @Length(10, 5000, { message: '违约事实（facts）应为 10–5000 个字符' })
  facts: string;

  @ApiPropertyOptional({ description: '违约日期（默认今天）' })
  @IsOptional() @Matches(DATE, { message: '违约日期（brokenOn）应为 YYYY-MM-DD' }) brokenOn?: string;
}

export class VerifyCommitmentDto {
  @ApiProperty({ description: '核实结果：true 已履约（自核实之日起计入加分），false 未履约（认定违约并以 EDU-011 立案）' })
  @IsBoolean({ message: '核实结果（kept）只能是 true 或 false' })
  kept: boolean;

  @ApiProperty({ description: '核实意见；未履约时作为失信案件的线索事实' })
  @IsString({ message: '核实意见（note）必须是文本' }) @Length(10, 5000, { message: '核实意见（note）应为 10–5000 个字符' })
  note: string;
}
