import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsIdNumber } from '../../common/validation/id-number';
import { IsUscc } from '../../common/validation/uscc';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;
const dateField = (label: string, field: string) => Matches(DATE, { message: `${label}（${field}）应为 YYYY-MM-DD` });
const text = (label: string, field: string, min = 2, max = 4000) => Length(min, max, { message: `${label}（${field}）应为 ${min}–${max} 个字符` });

/** The person a ban concerns: the ID number is sealed on arrival and never put in a URL or a log (issue #14 point 6). */
class BanPersonFields {
  @ApiProperty({ description: '当事人姓名' }) @IsString() @text('姓名', 'personName', 2, 50) personName: string;
  @ApiProperty({ description: '当事人身份证号（加密存储）' }) @IsIdNumber() personIdNumber: string;
  @ApiPropertyOptional({ description: '当事人从业的机构（统一社会信用代码），告知书和决定书同时送达该机构' }) @IsOptional() @IsUscc() uscc?: string;
  @ApiProperty({ example: 'M-XZCY', description: '处罚依据：失信惩戒措施清单中的措施编号（GET /api/measures/catalogue），不能自行填写' })
  @IsString({ message: '措施（measureId）须从措施清单中选择' }) measureId: string;
}

/** 限制从业 proposal: the facts, the basis from the catalogue, the person, the period and the second officer (art. 42). */
export class ProposeBanDto extends BanPersonFields {
  @ApiProperty({ description: '违法事实' }) @IsString() @text('违法事实', 'facts', 10) facts: string;
  @ApiProperty({ minimum: 1, maximum: 10, description: '限制从业期限（年）' })
  @IsInt({ message: '期限（periodYears）应为 1–10 的整数年' }) @Min(1, { message: '期限（periodYears）应为 1–10 年' }) @Max(10, { message: '期限（periodYears）应为 1–10 年' })
  periodYears: number;
  @ApiProperty({ format: 'uuid', description: '共同承办的第二名执法人员（须由其本人确认）' })
  @IsUUID('4', { message: '第二名执法人员（secondOfficerId）应为账号编号' }) secondOfficerId: string;
}

export class ServedOnDto {
  @ApiProperty({ example: '2026-09-28', description: '送达日期（以送达回证为准）' }) @dateField('送达日期', 'servedOn') servedOn: string;
}

export class HearingRequestDto {
  @ApiProperty({ example: '2026-10-10', description: '当事人提出听证申请的日期（书面申请以收到或邮寄日期为准）' })
  @dateField('申请日期', 'requestedOn') requestedOn: string;
}

export class HearingNoticeDto extends ServedOnDto {
  @ApiProperty({ example: '2026-10-21T09:30:00+08:00' })
  @Matches(DATE_TIME, { message: '听证时间（hearingAt）应为 ISO 8601 日期时间，如 2026-10-21T09:30:00+08:00' }) hearingAt: string;
  @ApiProperty() @IsString() @text('听证地点', 'place', 2, 200) place: string;
  @ApiProperty({ format: 'uuid', description: '听证主持人：由本局指定的非本案调查人员' })
  @IsUUID('4', { message: '听证主持人（chairId）应为账号编号' }) chairId: string;
}

export class RecusalDto {
  @ApiProperty({ description: '回避申请人及理由' }) @IsString() @text('回避申请', 'request') request: string;
  @ApiProperty({ description: '是否准予回避（由行政机关负责人决定，行政处罚法第四十三条）' }) @IsBoolean({ message: 'granted 只能是 true 或 false' }) granted: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: '准予回避时另行指定的听证主持人' }) @IsOptional() @IsUUID('4') newChairId?: string;
}

export class HearingRecordDto {
  @ApiProperty({ example: '2026-10-21' }) @dateField('听证日期', 'heardOn') heardOn: string;
  @ApiProperty({ description: '听证笔录（陈述、申辩、质证要点）' }) @IsString() @text('听证笔录', 'record', 10, 20000) record: string;
  @ApiProperty({ type: [String], description: '在笔录上签字的人员（当事人或其代理人、主持人、记录人）' })
  @ArrayMinSize(2, { message: '听证笔录须由当事人和主持人等签字（signedBy 至少 2 人）' }) @ArrayMaxSize(20)
  @IsString({ each: true }) @Length(2, 50, { each: true, message: '签字人姓名应为 2–50 个字符' }) signedBy: string[];
}

export class LegalReviewDto {
  @ApiProperty({ description: '审核是否通过（行政处罚法第五十八条：未经审核或审核未通过的，不得作出决定）' })
  @IsBoolean({ message: 'passed 只能是 true 或 false' }) passed: boolean;
  @ApiProperty({ description: '法制审核意见' }) @IsString() @text('审核意见', 'opinion') opinion: string;
}

export class BanDecisionDto {
  @ApiProperty({ description: '是否给予限制从业处罚' }) @IsBoolean({ message: 'impose 只能是 true 或 false' }) impose: boolean;
  @ApiProperty({ description: '经负责人集体讨论（情节复杂或重大违法行为必须，行政处罚法第五十七条）' })
  @IsBoolean({ message: 'collectiveDiscussion 只能是 true 或 false' }) collectiveDiscussion: boolean;
  @ApiProperty({ description: '决定理由' }) @IsString() @text('决定理由', 'reason') reason: string;
}

/** A 行政处罚决定书 (限制从业) issued by another authority or on paper, registered so it is enforced here too. */
export class ExternalBanDto extends BanPersonFields {
  @ApiProperty({ example: '连市教罚〔2026〕8号' }) @IsString() @text('决定书文号', 'decisionNo', 4, 80) decisionNo: string;
  @ApiProperty({ example: '连云港市教育局' }) @IsString() @text('作出决定的机关', 'issuer', 2, 100) issuer: string;
  @ApiProperty({ example: '2026-11-02' }) @dateField('决定日期', 'decidedOn') decidedOn: string;
  @ApiProperty({ example: '2026-11-05' }) @dateField('送达日期', 'servedOn') servedOn: string;
  @ApiProperty({ example: '2026-11-02', description: '限制从业起始日（决定书载明）' }) @dateField('起始日期', 'fromDate') fromDate: string;
  @ApiProperty({ example: '2031-11-01', description: '限制从业截止日（决定书载明，期限不超过10年）' }) @dateField('截止日期', 'untilDate') untilDate: string;
  @ApiProperty({ description: '登记理由' }) @IsString() @text('登记理由', 'reason') reason: string;
}

export const END_REASONS = ['revoked', 'changed', 'annulled'] as const;

/** The decision is revoked, changed or annulled (行政复议 / 行政诉讼 or the bureau's own correction). */
export class BanRevocationDto {
  @ApiProperty({ enum: END_REASONS, description: '撤销 / 变更 / 确认无效' }) @IsIn(END_REASONS, { message: 'reason 只能是 revoked、changed 或 annulled' })
  reason: (typeof END_REASONS)[number];
  @ApiProperty({ example: '2027-01-15', description: '处罚终止执行的日期（复议决定或判决生效之日）' }) @dateField('终止日期', 'endedOn') endedOn: string;
  @ApiProperty({ description: '行政复议决定或判决的结果及文号' }) @IsString() @text('复议或诉讼结果', 'outcome', 4) outcome: string;
}
