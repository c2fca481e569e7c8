import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf,
} from 'class-validator';
import { IsAmount } from '../../common/validation/amount';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const REPAIR_CHANNELS = ['portal', 'counter', 'creditchina'] as const;
export type RepairChannel = (typeof REPAIR_CHANNELS)[number];
export const REPAIR_STATUSES = ['submitted', 'accepted', 'not_accepted', 'granted', 'refused', 'referred'] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

/** What an institution sends from its portal: the record, how it corrected the behaviour, its commitment. */
export class PortalRecordRepairDto {
  @ApiProperty({ format: 'uuid', description: '申请修复的信用记录（行政处罚等）' })
  @IsUUID('all', { message: '信用记录编号格式不正确' })
  recordId: string;

  @ApiProperty({ description: '纠正失信行为、履行义务的情况' })
  @IsString({ message: '整改情况必须是文本' }) @Length(5, 5000, { message: '整改情况应为 5–5000 个字符' })
  correction: string;

  @ApiProperty({ description: '信用修复承诺书内容（提交即视为当日签署）' })
  @IsString({ message: '承诺内容必须是文本' }) @Length(10, 5000, { message: '承诺内容应为 10–5000 个字符' })
  commitment: string;

  @ApiPropertyOptional({ type: [String], description: '已上传材料的 ID（先调用 /api/portal/uploads）' })
  @IsOptional() @IsArray({ message: '材料必须是列表' }) @ArrayMaxSize(20, { message: '材料最多 20 份' })
  @IsUUID('all', { each: true, message: '材料 ID 格式不正确' })
  fileIds: string[] = [];
}

/** 窗口受理: an officer enters an application received on paper, with the day it was received. */
export class CounterRecordRepairDto {
  @ApiProperty({ format: 'uuid', description: '申请修复的信用记录（行政处罚等）' })
  @IsUUID('all', { message: '信用记录编号格式不正确' })
  recordId: string;

  @ApiProperty({ format: 'date', description: '收到申请的日期（不晚于今天）；受理期限由此起算' })
  @Matches(DATE, { message: '收到日期（receivedOn）应为 YYYY-MM-DD' })
  receivedOn: string;

  @ApiProperty({ description: '纠正失信行为、履行义务的情况' })
  @IsString({ message: '整改情况必须是文本' }) @Length(5, 5000, { message: '整改情况应为 5–5000 个字符' })
  correction: string;

  @ApiPropertyOptional({ description: '信用修复承诺书内容（纸质承诺书的文字）' })
  @IsOptional() @IsString({ message: '承诺内容必须是文本' }) @Length(10, 5000, { message: '承诺内容应为 10–5000 个字符' })
  commitment?: string;

  @ApiPropertyOptional({ format: 'date', description: '承诺书签署日期；填写承诺内容时必填' })
  @ValidateIf((o: CounterRecordRepairDto) => o.commitment !== undefined || o.commitmentSignedOn !== undefined)
  @Matches(DATE, { message: '承诺书签署日期（commitmentSignedOn）应为 YYYY-MM-DD' })
  commitmentSignedOn?: string;
}

export class RepairAcceptanceDto {
  @ApiProperty({ enum: ['accept', 'reject'], description: 'accept 受理；reject 不予受理（须说明理由）' })
  @IsIn(['accept', 'reject'], { message: '请选择“受理”（accept）或“不予受理”（reject）' })
  outcome: 'accept' | 'reject';

  @ApiPropertyOptional({ description: '不予受理的理由' })
  @ValidateIf((o: RepairAcceptanceDto) => o.outcome === 'reject' || o.reason !== undefined)
  @IsString({ message: '理由必须是文本' }) @Length(5, 2000, { message: '不予受理的理由应为 5–2000 个字符' })
  reason?: string;
}

export class RepairDecisionDto {
  @ApiProperty({ enum: ['grant', 'refuse'], description: 'grant 准予修复（系统核对修复条件）；refuse 不予修复（须说明理由）' })
  @IsIn(['grant', 'refuse'], { message: '请选择“准予修复”（grant）或“不予修复”（refuse）' })
  outcome: 'grant' | 'refuse';

  @ApiProperty({ description: '审查意见；不予修复时即为理由，写入决定书' })
  @IsString({ message: '审查意见必须是文本' }) @Length(2, 2000, { message: '审查意见应为 2–2000 个字符' })
  reason: string;
}

export class FinePaymentDto {
  @ApiProperty({ format: 'date', description: '缴纳日期（不晚于今天）' })
  @Matches(DATE, { message: '缴纳日期（paidOn）应为 YYYY-MM-DD' })
  paidOn: string;

  @ApiProperty({ description: '缴款票据号（非税收入缴款书等）' })
  @IsString({ message: '票据号必须是文本' }) @Length(3, 100, { message: '票据号应为 3–100 个字符' })
  receiptNo: string;

  @ApiPropertyOptional({ description: '缴纳金额（元）' })
  @IsOptional() @IsAmount(2, { message: '缴纳金额（amountYuan）必须是数字，最多两位小数' }) @Min(0, { message: '缴纳金额不能为负数' })
  @Max(999_999_999_999, { message: '缴纳金额（amountYuan）过大' })
  amountYuan?: number;
}

export class RecordRepairQueryDto {
  @ApiPropertyOptional({ enum: REPAIR_STATUSES }) @IsOptional() @IsIn(REPAIR_STATUSES, { message: '状态不正确' }) status?: RepairStatus;
  @ApiPropertyOptional({ description: '统一社会信用代码' }) @IsOptional() @IsString() @Length(18, 18, { message: '统一社会信用代码应为 18 位' }) uscc?: string;
}

export class FinePaymentViewDto {
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ format: 'date' }) paidOn: string;
  @ApiProperty() receiptNo: string;
  @ApiProperty({ type: Number, nullable: true }) amountYuan: number | null;
  @ApiProperty() recordedAt: string;
}

export class RecordRepairViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decisionId: string | null;
  @ApiProperty({ type: String, nullable: true }) uscc: string | null;
  @ApiProperty({ type: String, nullable: true, description: '被修复信息的标题' }) recordTitle: string | null;
  @ApiProperty({ enum: REPAIR_CHANNELS, description: 'portal 机构门户；counter 窗口受理；creditchina 信用中国（经市平台推送）' }) route: RepairChannel;
  @ApiProperty() routeLabel: string;
  @ApiProperty({ type: String, nullable: true, description: '信用中国的申请编号' }) externalRef: string | null;
  @ApiProperty({ format: 'date' }) receivedOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) commitmentSignedOn: string | null;
  @ApiProperty() correction: string;
  @ApiProperty({ enum: REPAIR_STATUSES }) status: RepairStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ format: 'date', description: '受理期限（收到之日起的工作日）' }) acceptDue: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) acceptedOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '决定期限（受理之日起的工作日）' }) decideDue: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) decidedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true, description: '转办的认定部门' }) referredTo: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: '修复决定书或转办函' }) documentId: string | null;
  @ApiProperty({ type: String, nullable: true }) documentNo: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: '准予修复后写入信用档案的修复记录' }) repairRecordId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: '录入人（窗口受理的工作人员）；四眼原则：录入人、受理人不能决定' }) createdBy: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: '受理人' }) acceptedBy: string | null;
  @ApiProperty({ type: [String], description: '尚未满足的修复条件（仅单个申请的详情在待受理、待决定时计算；列表中为空）' }) unmetConditions: string[];
}
