import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DecisionProposalDto } from '../../common/four-eyes/four-eyes.dto';
import { EvidenceDto } from './objection.dto';

/** An objection or correction request and, once decided, its outcome. */
export class ObjectionViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: '被异议的信用记录' }) recordId: string;
  @ApiProperty() uscc: string;
  @ApiProperty({ enum: ['objection', 'correction'] }) type: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: [EvidenceDto] }) evidence: EvidenceDto[];
  @ApiProperty({ enum: ['submitted', 'upheld', 'rejected', 'referred'], description: 'referred：外部门认定的记录，已转交原认定部门' }) status: string;
  @ApiProperty({ format: 'date', description: '受理截止日' }) acceptDue: string;
  @ApiProperty({ format: 'date', description: '答复截止日' }) answerDue: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: '异议成立后的更正或撤下记录' }) outcomeRecordId: string | null;
  @ApiProperty({ description: '已过答复截止日仍未处理' }) overdue: boolean;
  @ApiProperty({ type: String, nullable: true, description: '转交的原认定部门（谁认定谁修复）' }) referredTo: string | null;
  @ApiPropertyOptional({ type: DecisionProposalDto, nullable: true, description: '待审批的处理意见（仅工作人员可见）' }) proposal?: DecisionProposalDto | null;
}

export class ObjectionListDto {
  @ApiProperty({ type: [ObjectionViewDto] }) items: ObjectionViewDto[];
}
