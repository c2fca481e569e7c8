import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUBMISSION_TYPES } from '../platform.config';

const STATUSES = ['pending', 'delivered', 'needs_fix'];
const DISCREPANCY_KINDS = ['missing_on_platform', 'receipt_mismatch', 'held_unconfirmed', 'unknown_on_platform'];
const nullableString = (format?: string) => ({ type: String, nullable: true, ...(format ? { format } : {}) });

export class FieldErrorDto {
  @ApiProperty() field: string;
  @ApiProperty() message: string;
}

/** One outbox record as the officer's list shows it. */
export class SubmissionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() idempotencyKey: string;
  @ApiProperty({ enum: SUBMISSION_TYPES }) recordType: string;
  @ApiProperty({ description: '业务记录编号' }) recordRef: string;
  @ApiProperty(nullableString()) uscc: string | null;
  @ApiProperty(nullableString()) officeCode: string | null;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty({ enum: ['pending', 'retrying', 'delivered', 'needs_fix'], description: 'retrying = 待报送且已失败过' }) state: string;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ ...nullableString(), description: '最近一次失败原因（平台的说明）' }) lastError: string | null;
  @ApiProperty({ type: [FieldErrorDto], nullable: true, description: '平台退回的字段错误' }) fieldErrors: FieldErrorDto[] | null;
  @ApiProperty({ ...nullableString(), description: '平台回执编号' }) receiptId: string | null;
  @ApiProperty({ type: 'integer' }) fixCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty(nullableString('date-time')) lastAttemptAt: string | null;
  @ApiProperty(nullableString('date-time')) deliveredAt: string | null;
}

export class SubmissionPageDto {
  @ApiProperty({ type: [SubmissionDto] }) items: SubmissionDto[];
  @ApiProperty({ type: 'integer' }) total: number;
}

/** What a fix changed: the record's USCC and payload before or after it. */
export class SubmissionContentDto {
  @ApiProperty(nullableString()) uscc: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: '仅经办人和管理员可见，个人信息脱敏' }) payload?: Record<string, unknown>;
}

export class SubmissionFixDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty(nullableString('uuid')) actorId: string | null;
  @ApiProperty({ description: '修改原因' }) reason: string;
  @ApiProperty({ ...nullableString(), description: '修改时平台的退回说明' }) platformMessage: string | null;
  @ApiProperty({ type: SubmissionContentDto }) before: SubmissionContentDto;
  @ApiProperty({ type: SubmissionContentDto }) after: SubmissionContentDto;
}

/** One record with what is sent and every fix made to it. */
export class SubmissionDetailDto extends SubmissionDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: '报送数据：仅负责报送的经办人和管理员可见，身份证号脱敏（…IdMasked），不含密文和盲索引' })
  payload?: Record<string, unknown>;
  @ApiProperty({ type: [SubmissionFixDto] }) fixes: SubmissionFixDto[];
}

export class LocalCountsDto {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) pending: number;
  @ApiProperty({ type: 'integer' }) retrying: number;
  @ApiProperty({ type: 'integer' }) delivered: number;
  @ApiProperty({ type: 'integer' }) needsFix: number;
}

export class TypeCountsDto {
  @ApiProperty({ enum: SUBMISSION_TYPES }) recordType: string;
  @ApiProperty({ type: 'integer' }) pending: number;
  @ApiProperty({ type: 'integer' }) retrying: number;
  @ApiProperty({ type: 'integer' }) delivered: number;
  @ApiProperty({ type: 'integer' }) needsFix: number;
}

export class PlatformHoldingDto {
  @ApiProperty({ description: '平台是否可达' }) reachable: boolean;
  @ApiProperty({ type: 'integer', nullable: true, description: '平台持有的记录数（不可达时为 null）' }) held: number | null;
  @ApiProperty({ required: false, description: '不可达的原因' }) error?: string;
}

export class DiscrepancyCountsDto {
  @ApiProperty({ type: 'integer' }) missing_on_platform: number;
  @ApiProperty({ type: 'integer' }) receipt_mismatch: number;
  @ApiProperty({ type: 'integer' }) held_unconfirmed: number;
  @ApiProperty({ type: 'integer' }) unknown_on_platform: number;
}

export class DiscrepancyDto {
  @ApiProperty({ enum: DISCREPANCY_KINDS }) kind: string;
  @ApiProperty() idempotencyKey: string;
  @ApiProperty({ required: false, format: 'uuid', description: '本地记录（平台独有时没有）' }) submissionId?: string;
  @ApiProperty({ required: false, enum: STATUSES }) status?: string;
  @ApiProperty({ ...nullableString(), required: false }) receiptId?: string | null;
  @ApiProperty({ required: false, description: '平台的回执编号' }) platformReceiptId?: string;
}

/** The outbox against what the platform holds. */
export class ReconciliationReportDto {
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: LocalCountsDto }) local: LocalCountsDto;
  @ApiProperty({ type: [TypeCountsDto] }) byType: TypeCountsDto[];
  @ApiProperty({ type: PlatformHoldingDto }) platform: PlatformHoldingDto;
  @ApiProperty({ type: 'integer', description: '双方一致的记录数' }) matched: number;
  @ApiProperty({ type: DiscrepancyCountsDto }) discrepancyCounts: DiscrepancyCountsDto;
  @ApiProperty({ type: [DiscrepancyDto], description: '前 500 条差异；计数是完整的' }) discrepancies: DiscrepancyDto[];
}

/** One member department's joint-sanction notice. */
export class JointSanctionNoticeDto {
  @ApiProperty({ ...nullableString(), description: '联合惩戒成员单位（取自报送数据，修改时删去则为 null）' }) department: string | null;
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty(nullableString()) receiptId: string | null;
  @ApiProperty(nullableString()) lastError: string | null;
  @ApiProperty({ ...nullableString('date-time'), description: '成员单位回执时间' }) acknowledgedAt: string | null;
}

/** How many feed items the pull took, by what became of them. */
export class PullResultDto {
  @ApiProperty({ type: 'integer' }) pages: number;
  @ApiProperty({ type: 'integer' }) created: number;
  @ApiProperty({ type: 'integer' }) duplicate: number;
  @ApiProperty({ type: 'integer', description: '与本区无关的记录' }) not_ours: number;
  @ApiProperty({ type: 'integer' }) ack: number;
  @ApiProperty({ type: 'integer' }) ack_duplicate: number;
  @ApiProperty({ type: 'integer' }) ack_orphan: number;
}

export class QueueSessionDto {
  @ApiProperty({ example: '/api/admin/queues/', description: '队列看板地址' }) url: string;
}

export class QueueSessionClosedDto {
  @ApiProperty({ description: '总是 true' }) ok: boolean;
}
