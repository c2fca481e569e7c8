import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SEVERITIES } from '../../../workflows/contracts';
import { CREDIT_RECORD_KINDS } from '../credit-record.types';

const STATUSES = ['published', 'pending', 'expired', 'repaired', 'withdrawn', 'corrected', 'recorded'];

export class CreditRecordRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CREDIT_RECORD_KINDS }) kind: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', description: '重新分类后的公示截止日（null 为撤下公示）' })
  publicityUntil?: string | null;
}

/** A credit record with its derived status; personal data in the payload is masked. */
export class CreditRecordDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: '机构的统一社会信用代码；自然人的记录为 null（见 subjectId）' }) uscc: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: '自然人主体编号（仅自然人的记录）' }) subjectId?: string;
  @ApiProperty({ type: 'integer', description: '在本机构（或自然人）档案中的序号' }) seq: number;
  @ApiProperty({ enum: CREDIT_RECORD_KINDS }) kind: string;
  @ApiProperty() kindLabel: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiProperty({ type: String, nullable: true, description: `失信程度：${SEVERITIES.join('、')}（失信类记录）` }) severity: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) publicityFrom: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) publicityUntil: string | null;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty() sourceRef: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) refersTo: string | null;
  @ApiProperty({ type: [CreditRecordRefDto], description: '引用本记录的后续记录（更正、修复、撤下…）' }) referredBy: CreditRecordRefDto[];
  @ApiProperty({ type: String, nullable: true }) caseNo: string | null;
  @ApiProperty({ type: String, nullable: true }) officeCode: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() hash: string;
  @ApiProperty() prevHash: string;
}

export class CreditFileDto {
  @ApiProperty() uscc: string;
  @ApiProperty({ type: [CreditRecordDto] }) items: CreditRecordDto[];
}

export class ChainVerificationDto {
  @ApiProperty() uscc: string;
  @ApiProperty({ description: '哈希链完好' }) ok: boolean;
  @ApiProperty({ type: 'integer' }) checked: number;
  @ApiPropertyOptional({ type: 'integer', description: '第一处断裂的序号' }) firstBrokenSeq?: number;
  @ApiPropertyOptional() reason?: string;
}
