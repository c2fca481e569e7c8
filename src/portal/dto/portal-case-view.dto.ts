import { ApiProperty } from '@nestjs/swagger';
import { CASE_STAGES, SEVERITIES } from '../../../workflows/contracts';
import { SubmissionReceiptDto } from '../../submissions/submissions.controller';

export class PortalMilestoneDto {
  @ApiProperty({ enum: CASE_STAGES }) stage: string;
  @ApiProperty({ example: '异议期' }) stageLabel: string;
  @ApiProperty({ format: 'date', description: '本机构知悉之日：教育局开启的阶段为告知该阶段的文书送达之日，本机构自身行为为其当日' }) knownOn: string;
}

export class PortalCaseDeadlineDto {
  @ApiProperty({ enum: ['objection', 'rectification'] }) kind: string;
  @ApiProperty({ example: '提出异议' }) kindLabel: string;
  @ApiProperty({ type: 'integer' }) round: number;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: ['open', 'answered', 'missed', 'cancelled'] }) status: string;
  @ApiProperty({ example: '待答复' }) statusLabel: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '剩余工作日（仅未到期的期限）' }) workingDaysLeft: number | null;
  @ApiProperty({ description: '暂定：按法定节假日计算，所在年度日历发布后重新计算，此前不会逾期' }) provisional: boolean;
  @ApiProperty({ type: String, nullable: true, description: '设定该期限的文书文号' }) documentNo: string | null;
  @ApiProperty({ type: String, nullable: true }) documentTitle: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '该文书的送达日期：期限自次日起计算' }) servedOn: string | null;
}

/** A document issued and addressed to the institution (never a draft, never an internal one). */
export class PortalCaseDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty({ example: '失信行为认定告知书' }) kindLabel: string;
  @ApiProperty({ example: '连区教信告〔2026〕12号' }) docNo: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) issuedOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) servedOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) servedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceMethodLabel: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: '本机构首次打开的时间' }) openedAt: string | null;
  @ApiProperty({ example: '/api/documents/…/pdf', description: '下载签发的 PDF（本机构账号可用）' }) downloadUrl: string;
}

export class PortalInterviewDto {
  @ApiProperty({ enum: ['reminder', 'warning'] }) kind: string;
  @ApiProperty({ example: '警示性约谈' }) kindLabel: string;
  @ApiProperty({ type: 'integer' }) round: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) scheduledAt: string | null;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty({ enum: ['scheduled', 'held', 'cancelled'] }) status: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) heldAt: string | null;
}

export class PortalPublicTextDto {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: '经审核同意的公示文本（字段名 → 文本）' })
  fields: Record<string, string>;
  @ApiProperty({ format: 'date-time' }) approvedAt: string;
}

/** 本机构案件: only what is addressed to the institution; no staff ids, no lead source, no internal opinions. */
export class PortalCaseViewDto {
  @ApiProperty() caseNo: string;
  @ApiProperty() uscc: string;
  @ApiProperty() institutionName: string;
  @ApiProperty() behaviourCode: string;
  @ApiProperty({ description: '失信行为（目录中的名称）' }) behaviourTitle: string;
  @ApiProperty({ enum: SEVERITIES, nullable: true, type: String, description: '送达本机构的文书所载的失信程度；尚无则为空' }) severity: string | null;
  @ApiProperty({ type: String, nullable: true, example: '一般' }) severityLabel: string | null;
  @ApiProperty({ enum: CASE_STAGES }) stage: string;
  @ApiProperty() stageLabel: string;
  @ApiProperty({ type: String, nullable: true, description: '案件当前在等什么（本机构视角）' }) waitingFor: string | null;
  @ApiProperty({ format: 'date', description: '本案首份文书送达本机构的日期（本机构自此知悉本案）' }) firstServedOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) decisionDate: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '可申请信用修复的首日' }) repairableFrom: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '公示截止日（轻微失信不予公示时为空）' }) publicityUntil: string | null;
  @ApiProperty({ type: [PortalMilestoneDto], description: '阶段变化（不含办理人员和内部意见）' }) milestones: PortalMilestoneDto[];
  @ApiProperty({ type: [PortalCaseDeadlineDto] }) deadlines: PortalCaseDeadlineDto[];
  @ApiProperty({ type: [PortalCaseDocumentDto], description: '送达本机构的文书' }) documents: PortalCaseDocumentDto[];
  @ApiProperty({ type: [SubmissionReceiptDto], description: '本机构在本案提交的材料及回执' }) submissions: SubmissionReceiptDto[];
  @ApiProperty({ type: [PortalInterviewDto] }) interviews: PortalInterviewDto[];
  @ApiProperty({ type: PortalPublicTextDto, nullable: true, description: '认定结果经审核同意的公示文本；尚无则为空' }) publicText: PortalPublicTextDto | null;
}
