import { ApiProperty } from '@nestjs/swagger';
import { STATUS_LABELS } from '../ban-proposals.repository';

const STATUSES = Object.keys(STATUS_LABELS);

export class BanStepDto {
  @ApiProperty({ example: 'notice-served' }) step: string;
  @ApiProperty({ format: 'uuid' }) actorId: string;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: '两名执法人员及其执法证号（行政处罚法第四十二条）' })
  officers: Record<string, unknown>[];
  @ApiProperty({ type: 'object', additionalProperties: true }) detail: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) at: string;
}

/** A 限制从业 case in the penalty procedure (the person's name masked; the ID number never leaves the database). */
export class BanProposalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty() measureId: string;
  @ApiProperty() measureName: string;
  @ApiProperty({ description: '处罚依据' }) legalBasis: string;
  @ApiProperty() facts: string;
  @ApiProperty({ example: '陈*' }) personName: string;
  @ApiProperty({ type: String, nullable: true }) uscc: string | null;
  @ApiProperty() periodYears: number;
  @ApiProperty() officeCode: string;
  @ApiProperty({ format: 'uuid' }) proposedBy: string;
  @ApiProperty({ format: 'uuid' }) secondOfficer: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) noticeServedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '陈述、申辩和申请听证的最后一日' }) statementDue: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) hearingRequestedOn: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) hearingAt: string | null;
  @ApiProperty({ type: String, nullable: true }) hearingPlace: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) hearingChair: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) heardOn: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) legalReviewedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) legalOpinion: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) collectiveDiscussion: boolean | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) decisionDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '决定书应当送达的最后一日（7个工作日）' }) serveBy: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) decisionServedOn: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '作出处罚决定后的限制从业处罚' }) banId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [BanStepDto] }) steps: BanStepDto[];
}

export class BanProposalListDto {
  @ApiProperty({ type: [BanProposalDto] }) items: BanProposalDto[];
}

/** The penalty itself: in force from the service of its decision to its term, unless revoked, changed or annulled. */
export class IndustryBanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '陈*' }) personName: string;
  @ApiProperty({ type: String, nullable: true }) uscc: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '起始日：本局决定为决定书送达之日；已决定未送达时为空（尚未生效）' })
  fromDate: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '截止日；已决定未送达时为空' }) untilDate: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '本局决定的限制从业期限（年），自送达之日起计算；复议或诉讼变更后为变更后的期限' })
  periodYears: number | null;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, nullable: true }) caseNo: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) recordId: string | null;
  @ApiProperty({ enum: ['legacy', 'procedure', 'external'], description: '本局处罚程序 / 其他机关决定登记 / 旧数据' }) source: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) proposalId: string | null;
  @ApiProperty({ type: String, nullable: true }) measureId: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNo: string | null;
  @ApiProperty({ type: String, nullable: true }) issuer: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) decisionServedOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) endedOn: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['revoked', 'changed', 'annulled'] }) endReason: string | null;
  @ApiProperty({ type: String, nullable: true }) endOutcome: string | null;
  @ApiProperty({ description: '今日处于限制从业期内' }) active: boolean;
}

export class IndustryBanListDto {
  @ApiProperty({ type: [IndustryBanDto] }) items: IndustryBanDto[];
}
