import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateIf, ValidateNested,
} from 'class-validator';
import { ID_TYPES } from '../../subjects/id-types';
import { IsAmount } from '../../common/validation/amount';
import { IsIdNumber } from '../../common/validation/id-number';
import { IsUscc } from '../../common/validation/uscc';
import { PENALTY_CATEGORIES } from '../classification';
import { ComputedBySystem, OptionalText, RequiredChoice, RequiredDate, RequiredText, SUBJECT_CATEGORIES } from './fields';

export { PENALTY_CATEGORIES };
const CLASSES = ['minor', 'general', 'serious'] as const;

// runs before @IsArray has judged the field, so it must not trust its shape
const hasCategory = (o: PenaltyClassFieldsDto, category: string) => Array.isArray(o.penaltyCategory) && o.penaltyCategory.includes(category);

/** The public text (公示文本) of a penalty where it must differ from the decision's own wording; the rest is taken from it. */
export class PenaltyPublicTextDto {
  @ApiPropertyOptional({ description: '公示标题（默认：行政处罚决定（决定书文号））' }) @OptionalText('公示标题', 'publicText.title', 200) title?: string;
  @ApiPropertyOptional({ description: '公示的违法行为类型' }) @OptionalText('公示的违法行为类型', 'publicText.violationType', 200) violationType?: string;
  @ApiPropertyOptional({ description: '公示的违法事实' }) @OptionalText('公示的违法事实', 'publicText.facts', 5000) facts?: string;
  @ApiPropertyOptional({ description: '公示的处罚依据' }) @OptionalText('公示的处罚依据', 'publicText.basis', 2000) basis?: string;
  @ApiPropertyOptional({ description: '公示的处罚内容' }) @OptionalText('公示的处罚内容', 'publicText.content', 2000) content?: string;
}

/** What the classification and the periods are computed from (国家发展改革委令第36号; docs/credit-classification.md). */
export class PenaltyClassFieldsDto {
  @RequiredChoice('处罚程序', 'procedure', ['simple', 'general'])
  procedure: 'simple' | 'general';

  @ApiProperty({ description: '处罚类别', enum: PENALTY_CATEGORIES, isArray: true })
  @IsArray({ message: '处罚类别（penaltyCategory）必须是列表' })
  @ArrayNotEmpty({ message: '缺少必填字段：处罚类别（penaltyCategory）' })
  @IsIn(PENALTY_CATEGORIES, { each: true, message: `处罚类别（penaltyCategory）只能是：${PENALTY_CATEGORIES.join('、')}` })
  penaltyCategory: string[];

  @ApiPropertyOptional({ description: '罚款金额（万元）；处罚类别含罚款时必填' })
  @ValidateIf((o: PenaltyClassFieldsDto) => hasCategory(o, '罚款') || o.fineAmount !== undefined)
  @IsNotEmpty({ message: '缺少必填字段：罚款金额（万元）（fineAmount）' })
  @IsAmount(6, { message: '罚款金额（万元）（fineAmount）必须是数字，最多六位小数' })
  @Min(0, { message: '罚款金额（万元）（fineAmount）不能为负数' })
  fineAmount?: number;

  @ApiPropertyOptional({ description: '没收违法所得（万元）；处罚类别含没收违法所得时必填' })
  @ValidateIf((o: PenaltyClassFieldsDto) => hasCategory(o, '没收违法所得') || o.confiscatedAmount !== undefined)
  @IsNotEmpty({ message: '缺少必填字段：没收违法所得（万元）（confiscatedAmount）' })
  @IsAmount(6, { message: '没收违法所得（万元）（confiscatedAmount）必须是数字，最多六位小数' })
  @Min(0, { message: '没收违法所得（万元）（confiscatedAmount）不能为负数' })
  confiscatedAmount?: number;

  @RequiredDate('处罚决定日期', 'decisionDate') decisionDate: string;

  @ApiPropertyOptional({ enum: CLASSES, description: '经办人提高后的分类（不能低于分类标准给出的分类），须同时说明理由' })
  @IsOptional() @IsIn(CLASSES, { message: '提高后的分类（raiseClassTo）只能是 minor、general 或 serious' })
  raiseClassTo?: (typeof CLASSES)[number];

  @ApiPropertyOptional({ description: '提高分类的理由' }) @OptionalText('提高分类的理由', 'raiseReason', 500) raiseReason?: string;

  @ApiPropertyOptional({ description: '轻微失信确有必要公示的理由（填写后公示，最长 3 个月；不填则不予公示）' })
  @OptionalText('确有必要公示的理由', 'minorPublicationReason', 500) minorPublicationReason?: string;

  @ApiPropertyOptional({ type: PenaltyPublicTextDto, description: '公示文本中与决定书措辞不同的部分；不填的部分取自决定书字段' })
  @IsOptional() @ValidateNested() @Type(() => PenaltyPublicTextDto)
  publicText?: PenaltyPublicTextDto;
}

// a natural person is named by 证件类型 and 证件号码 (never public), an organisation by its USCC and legal representative
const isPerson = (o: PenaltyDecisionDto) => o.subjectCategory === '自然人';

/** 行政处罚 双公示 field set (brief §5), with the procedure the classification needs. */
export class PenaltyDecisionDto extends PenaltyClassFieldsDto {
  @RequiredText('行政相对人名称', 'subjectName', 200) subjectName: string;
  @RequiredChoice('行政相对人类别', 'subjectCategory', SUBJECT_CATEGORIES) subjectCategory: string;

  @ApiPropertyOptional({ description: '统一社会信用代码（法人及非法人组织、个体工商户必填；自然人不填）' })
  @ValidateIf((o: PenaltyDecisionDto) => !isPerson(o) || o.uscc !== undefined)
  @IsNotEmpty({ message: '缺少必填字段：统一社会信用代码（uscc）' }) @IsUscc() uscc?: string;

  @ApiPropertyOptional({ description: '法定代表人（自然人不填）' })
  @ValidateIf((o: PenaltyDecisionDto) => !isPerson(o) || o.legalRepName !== undefined)
  @IsNotEmpty({ message: '缺少必填字段：法定代表人（legalRepName）' }) @IsString({ message: '法定代表人（legalRepName）必须是文本' })
  @MaxLength(50, { message: '法定代表人（legalRepName）不能超过 50 个字符' })
  legalRepName?: string;

  @ApiPropertyOptional({ enum: ID_TYPES, description: '证件类型（自然人必填；不公示）' })
  @ValidateIf((o: PenaltyDecisionDto) => isPerson(o) || o.idType !== undefined)
  @IsNotEmpty({ message: '缺少必填字段：证件类型（idType）' }) @IsIn(ID_TYPES, { message: `证件类型（idType）只能是：${ID_TYPES.join('、')}` })
  idType?: string;

  @ApiPropertyOptional({ description: '证件号码（自然人必填；加密存储，任何页面只显示脱敏值，从不公示）' })
  @ValidateIf((o: PenaltyDecisionDto) => isPerson(o) || o.idNumber !== undefined)
  @IsNotEmpty({ message: '缺少必填字段：证件号码（idNumber）' }) @IsString({ message: '证件号码（idNumber）必须是文本' })
  @Matches(/^[0-9A-Za-z]{5,20}$/, { message: '证件号码（idNumber）应为 5–20 位字母或数字' })
  idNumber?: string;

  @ApiPropertyOptional({ description: '法定代表人身份证号（加密存储，任何页面只显示脱敏值）' })
  @IsOptional() @IsIdNumber() legalRepIdNumber?: string;

  @RequiredText('决定书文号', 'decisionNo', 100) decisionNo: string;
  @RequiredText('违法行为类型', 'violationType', 200) violationType: string;
  @RequiredText('违法事实', 'facts', 5000) facts: string;
  @RequiredText('处罚依据', 'basis', 2000) basis: string;
  @RequiredText('处罚内容', 'content', 2000) content: string;
  @RequiredDate('处罚有效期', 'validUntil') validUntil: string;
  @RequiredText('处罚机关', 'authorityName', 200) authorityName: string;
  @IsNotEmpty({ message: '缺少必填字段：处罚机关统一社会信用代码（authorityCode）' }) @IsUscc() authorityCode: string;
  @RequiredText('数据来源单位', 'sourceUnitName', 200) sourceUnitName: string;
  @IsNotEmpty({ message: '缺少必填字段：数据来源单位统一社会信用代码（sourceUnitCode）' }) @IsUscc() sourceUnitCode: string;

  @ComputedBySystem('公示截止期（publicityUntil）由系统按分类和处罚决定日期计算（国家发展改革委令第36号），请勿填写；提交前可用 /api/publicity/penalties/preview 查看')
  publicityUntil?: never;

  @ComputedBySystem('严重程度（severity）由系统按分类标准确定，请勿填写；如需提高，请填写 raiseClassTo 和 raiseReason')
  severity?: never;

  @ApiPropertyOptional({ description: '公示文本审核通过后是否立即公示（默认是）；否则审核后仍为待公示' })
  @IsOptional() @IsBoolean({ message: '是否公示（publish）必须是布尔值' })
  publish?: boolean;
}

/** What the console sends to see the class, the periods and the guard's marks before saving. */
export class PenaltyPreviewDto extends PenaltyClassFieldsDto {
  @ApiPropertyOptional({ enum: SUBJECT_CATEGORIES }) @IsOptional() @IsIn(SUBJECT_CATEGORIES, { message: `行政相对人类别（subjectCategory）只能是：${SUBJECT_CATEGORIES.join('、')}` })
  subjectCategory?: string;
  @ApiPropertyOptional() @OptionalText('行政相对人名称', 'subjectName', 200) subjectName?: string;
  @ApiPropertyOptional() @OptionalText('法定代表人', 'legalRepName', 50) legalRepName?: string;
  @ApiPropertyOptional() @OptionalText('决定书文号', 'decisionNo', 100) decisionNo?: string;
  @ApiPropertyOptional() @OptionalText('违法行为类型', 'violationType', 200) violationType?: string;
  @ApiPropertyOptional() @OptionalText('违法事实', 'facts', 5000) facts?: string;
  @ApiPropertyOptional() @OptionalText('处罚依据', 'basis', 2000) basis?: string;
  @ApiPropertyOptional() @OptionalText('处罚内容', 'content', 2000) content?: string;
}
