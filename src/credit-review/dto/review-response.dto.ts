import { ApiProperty } from '@nestjs/swagger';

const GRADES = ['A', 'B', 'C', 'D', 'E'];
const OUTCOMES = ['pass', 'warn', 'block'];
const MATTER_TYPES = ['licence', 'award'];
const nullableString = (format?: string) => ({ type: String, nullable: true, ...(format ? { format } : {}) });

/** One reason behind a review's outcome. */
export class ReviewReasonDto {
  @ApiProperty({ enum: ['RECORD_IN_PUBLICITY', 'BANNED_PERSON', 'OPEN_RECTIFICATION', 'GRADE', 'PERSON_RECORD_IN_PUBLICITY'] }) code: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: string;
  @ApiProperty({ description: '理由（中文）' }) message: string;
  @ApiProperty({ required: false, description: '所依据的信用记录、禁入记录或案件编号（信用等级理由没有）' }) ref?: string;
}

/** A credit review as filed: the outcome and its reasons. */
export class CreditReviewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ ...nullableString(), description: '所审查机构；只审查自然人时为 null' }) uscc: string | null;
  @ApiProperty({ ...nullableString('uuid'), required: false, description: '只审查自然人时：该自然人的主体编号（无记录的为 null）' }) subjectId?: string | null;
  @ApiProperty({ enum: MATTER_TYPES, description: '审查用途' }) purpose: string;
  @ApiProperty(nullableString('uuid')) matterId: string | null;
  @ApiProperty({ enum: OUTCOMES, description: 'pass 通过 / warn 提示 / block 不予通过' }) outcome: string;
  @ApiProperty({ type: [ReviewReasonDto] }) reasons: ReviewReasonDto[];
  @ApiProperty({ enum: GRADES, nullable: true, description: '信用等级（自然人没有等级，为 null）' }) grade: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '审查时的信用得分（自然人为 null）' }) score: number | null;
  @ApiProperty({ type: 'integer' }) policyVersion: number;
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;
}

export class CoverageRowDto {
  @ApiProperty(nullableString()) officeCode: string | null;
  @ApiProperty({ enum: MATTER_TYPES }) type: string;
  @ApiProperty({ type: 'integer', description: '期间内作出决定的事项数' }) decided: number;
  @ApiProperty({ type: 'integer', description: '其中有信用审查记录的' }) withReview: number;
  @ApiProperty({ type: 'integer' }) approved: number;
  @ApiProperty({ type: 'integer', description: '审查结论为不予通过的' }) blocked: number;
  @ApiProperty({ description: '覆盖率（%，一位小数）' }) coverage: number;
}

/** Review coverage per office and matter type in a period. */
export class ReviewCoverageDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [CoverageRowDto] }) rows: CoverageRowDto[];
}

/** A person named in a matter; the ID number only masked. */
export class MatterPersonDto {
  @ApiProperty() name: string;
  @ApiProperty({ ...nullableString(), description: '身份，如举办者' }) role: string | null;
  @ApiProperty({ example: '3207**********1234' }) idNumberMasked: string;
}

/** A review filed for the matter, newest first. */
export class MatterReviewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: string;
  @ApiProperty({ type: [ReviewReasonDto] }) reasons: ReviewReasonDto[];
  @ApiProperty({ ...nullableString(), enum: GRADES }) grade: string | null;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;
}

/** A licence application or award nomination with its reviews and decision. */
export class ReviewMatterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MATTER_TYPES, description: '校外培训机构办学许可审批 / 评先评优推荐' }) type: string;
  @ApiProperty() uscc: string;
  @ApiProperty(nullableString()) officeCode: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: [MatterPersonDto] }) persons: MatterPersonDto[];
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status: string;
  @ApiProperty({ ...nullableString('uuid'), description: '决定所依据的信用审查' }) reviewId: string | null;
  @ApiProperty(nullableString('uuid')) decidedBy: string | null;
  @ApiProperty(nullableString('date-time')) decidedAt: string | null;
  @ApiProperty(nullableString()) decisionReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [MatterReviewDto] }) reviews: MatterReviewDto[];
}
