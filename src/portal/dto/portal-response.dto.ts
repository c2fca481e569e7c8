import { ApiProperty } from '@nestjs/swagger';
import { CASE_STAGES, SEVERITIES } from '../../../workflows/contracts';

/** An open deadline of the institution, with the working days left to answer it. */
export class PortalDeadlineDto {
  @ApiProperty({ example: 'LY-2026-000001' }) caseNo: string;
  @ApiProperty({ enum: ['objection', 'rectification'] }) kind: string;
  @ApiProperty({ type: 'integer' }) round: number;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ description: '暂定：所在年度节假日安排尚未发布，按法定节假日计算；发布后如有调整另行通知' }) provisional: boolean;
  @ApiProperty({ enum: ['open'] }) status: string;
  @ApiProperty({ enum: CASE_STAGES }) stage: string;
  @ApiProperty({ type: 'integer', description: '剩余工作日' }) workingDaysLeft: number;
  @ApiProperty({ type: String, nullable: true, description: '设定该期限的文书文号', example: '连区教信告〔2026〕12号' }) documentNo: string | null;
  @ApiProperty({ type: String, nullable: true, description: '设定该期限的文书标题', example: '失信行为认定告知书' }) documentTitle: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '该文书的送达日期：期限自次日起计算' }) servedOn: string | null;
}

/** A case something has been served on the institution in (portal-case.sql.ts), as its served documents describe it. */
export class PortalCaseDto {
  @ApiProperty() caseNo: string;
  @ApiProperty() behaviourCode: string;
  @ApiProperty({ enum: SEVERITIES, nullable: true, type: String, description: '送达文书所载的失信程度' }) severity: string | null;
  @ApiProperty({ enum: CASE_STAGES }) stage: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) decisionDate: string | null;
  @ApiProperty({ format: 'date', description: '本案首份文书送达本机构的日期' }) firstServedOn: string;
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
}

export class UploadedEvidenceDto {
  @ApiProperty({ format: 'uuid', description: '提交异议、整改报告或修复申请时引用的文件 ID' }) id: string;
  @ApiProperty() sha256: string;
  @ApiProperty({ type: 'integer', description: '字节数' }) size: number;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'application/pdf' }) mime: string;
}

/** The answer was accepted by the case; its next stage follows within its next steps (issue #20). */
export class PortalSubmissionResultDto {
  @ApiProperty() caseNo: string;
  @ApiProperty({ description: '已受理' }) accepted: boolean;
  @ApiProperty({ description: '接下来的办理（中文）' }) waitingFor: string;
}
