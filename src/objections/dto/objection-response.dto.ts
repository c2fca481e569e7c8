import { ApiProperty } from '@nestjs/swagger';
import { EvidenceDto } from './objection.dto';

/** An objection or correction request and, once decided, its outcome. */
export class ObjectionViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: '被异议的信用记录' }) recordId: string;
  @ApiProperty() uscc: string;
  @ApiProperty({ enum: ['objection', 'correction'] }) type: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: [EvidenceDto] }) evidence: EvidenceDto[];
  @ApiProperty({ enum: ['submitted', 'upheld', 'rejected'] }) status: string;
  @ApiProperty({ format: 'date', description: '受理截止日' }) acceptDue: string;
  @ApiProperty({ format: 'date', description: '答复截止日' }) answerDue: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: '异议成立后的更正或撤下记录' }) outcomeRecordId: string | null;
  @ApiProperty({ description: '已过答复截止日仍未处理' }) overdue: boolean;
}

export class ObjectionListDto {
  @ApiProperty({ type: [ObjectionViewDto] }) items: ObjectionViewDto[];
}
