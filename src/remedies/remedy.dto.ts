import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { EFFECT_KINDS } from '../effects/effect-rules';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const REMEDY_TYPES = ['reconsideration', 'litigation'] as const;
export const REMEDY_OUTCOMES = ['upheld', 'changed', 'revoked', 'confirmed-unlawful'] as const;

export class RecordRemedyDto {
  @ApiProperty({ format: 'uuid', description: '被申请复议或起诉的决定文书' })
  @IsUUID('4', { message: '文书编号格式不正确' })
  documentId: string;

  @ApiProperty({ enum: REMEDY_TYPES, description: 'reconsideration 行政复议；litigation 行政诉讼' })
  @IsIn(REMEDY_TYPES, { message: '救济类型应为 reconsideration（行政复议）或 litigation（行政诉讼）' })
  type: (typeof REMEDY_TYPES)[number];

  @ApiProperty({ description: '复议机关或人民法院' })
  @IsString({ message: '复议机关或法院必须是文本' }) @Length(2, 100, { message: '复议机关或法院应为 2–100 个字符' })
  body: string;

  @ApiProperty({ format: 'date', description: '申请或起诉日期' })
  @Matches(DATE, { message: '申请或起诉日期应为 YYYY-MM-DD' })
  filedOn: string;

  @ApiProperty({ description: '复议或诉讼案号' })
  @IsString({ message: '案号必须是文本' }) @Length(2, 100, { message: '案号应为 2–100 个字符' })
  caseNumber: string;
}

export class EffectChangeDto {
  @ApiProperty({ enum: EFFECT_KINDS }) @IsIn(EFFECT_KINDS, { message: '效果类别不正确' }) kind: (typeof EFFECT_KINDS)[number];
  @ApiProperty({ format: 'date', description: '变更后的终止日' }) @Matches(DATE, { message: '终止日应为 YYYY-MM-DD' }) endsOn: string;
}

export class RemedyOutcomeDto {
  @ApiProperty({ enum: REMEDY_OUTCOMES, description: 'upheld 维持；changed 变更；revoked 撤销；confirmed-unlawful 确认违法' })
  @IsIn(REMEDY_OUTCOMES, { message: '结果应为 upheld、changed、revoked 或 confirmed-unlawful' })
  outcome: (typeof REMEDY_OUTCOMES)[number];

  @ApiProperty({ format: 'date', description: '复议决定或判决日期' })
  @Matches(DATE, { message: '决定日期应为 YYYY-MM-DD' })
  decidedOn: string;

  @ApiProperty({ description: '复议决定书或判决书要点；撤销时作为撤下理由公开（不得含个人信息）' })
  @IsString({ message: '说明必须是文本' }) @Length(4, 500, { message: '说明应为 4–500 个字符' })
  reason: string;

  @ApiPropertyOptional({ type: [EffectChangeDto], description: '变更决定：各效果变更后的终止日' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => EffectChangeDto)
  changes?: EffectChangeDto[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10,
    description: '变更限制从业的行政处罚决定书时必填：复议决定或判决变更后的限制从业期限（年），自原决定书送达之日起计算，不得长于原期限' })
  @IsOptional() @IsInt({ message: '变更后的限制从业期限应为整数年' }) @Min(1, { message: '变更后的限制从业期限为 1–10 年' })
  @Max(10, { message: '变更后的限制从业期限为 1–10 年' })
  banPeriodYears?: number;
}

export class RemedyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ type: String, nullable: true }) docNo: string | null;
  @ApiProperty({ type: String, nullable: true }) caseNo: string | null;
  @ApiProperty({ type: String, nullable: true }) uscc: string | null;
  @ApiProperty({ enum: REMEDY_TYPES }) type: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date' }) filedOn: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty({ type: String, nullable: true, enum: REMEDY_OUTCOMES }) outcome: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) outcomeOn: string | null;
  @ApiProperty({ type: String, nullable: true }) outcomeNote: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '公示信息应撤下的最后一日（3 个工作日，行政处罚法第四十八条、第八十五条）' })
  withdrawDue: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) withdrawnAt: string | null;
}
