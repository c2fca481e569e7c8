import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { EmptyAsAbsent } from '../validation/query';
import { PROPOSAL_KINDS, type ProposalKind } from './four-eyes.service';

const KINDS = [...PROPOSAL_KINDS];
const STATUSES = ['pending', 'approved', 'rejected'];

/** A change waiting for (or decided by) a second person. */
export class DecisionProposalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: KINDS, description: '异议处理 / 发布政策 / 调整工作日 / 删除工作日调整 / 发布年度日历 / 认定违背承诺 / 重置动态口令' }) kind: string;
  @ApiProperty({ description: '所涉事项：异议编号、policy、日期、年份、承诺编号、账号编号' }) subjectRef: string;
  @ApiProperty({ type: String, nullable: true, description: '记录所属科室；政策和日历不属于任何科室' }) officeCode: string | null;
  @ApiProperty({ enum: ['approver', 'admin'], description: '有权决定的角色' }) decidingRole: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '拟作出的变更（个人信息脱敏显示）' }) change: Record<string, unknown>;
  @ApiProperty({ description: '承办意见（理由）' }) reason: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '提出该事项的人（如提出异议的机构账号）' }) raisedBy: string | null;
  @ApiProperty({ format: 'uuid', description: '承办人' }) proposedBy: string;
  @ApiProperty({ format: 'date-time' }) proposedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
}

export class DecisionProposalListDto {
  @ApiProperty({ type: [DecisionProposalDto] }) items: DecisionProposalDto[];
}

export class ProposalQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @EmptyAsAbsent() @IsOptional() @IsIn(STATUSES, { message: 'status 只能是 pending、approved 或 rejected' })
  status?: 'pending' | 'approved' | 'rejected';

  @ApiPropertyOptional({ enum: KINDS })
  @EmptyAsAbsent() @IsOptional() @IsIn(KINDS, { message: `kind 只能是 ${KINDS.join('、')}` })
  kind?: ProposalKind;
}

export class ApproveProposalDto {
  @ApiPropertyOptional({ description: '审批意见' })
  @IsOptional() @IsString({ message: '审批意见必须是文本' }) @Length(1, 1000, { message: '审批意见应为 1–1000 个字符' })
  note?: string;
}

export class RejectProposalDto {
  @ApiProperty({ description: '退回理由' })
  @IsString({ message: '退回理由必须是文本' }) @Length(2, 1000, { message: '退回理由应为 2–1000 个字符' })
  note: string;
}
