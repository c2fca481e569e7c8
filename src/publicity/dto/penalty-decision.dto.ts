import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsNotEmpty, IsNumber, IsOptional, Min, ValidateIf,
} from 'class-validator';
import { IsIdNumber } from '../../common/validation/id-number';
import { IsUscc } from '../../common/validation/uscc';
import { RequiredChoice, RequiredDate, RequiredText, SUBJECT_CATEGORIES } from './fields';

// 教育部令第53号《校外培训行政处罚暂行办法》 lists these kinds of penalty.
export const PENALTY_CATEGORIES = [
  '警告', '通报批评', '罚款', '没收违法所得', '责令停止招收学员', '责令停止举办', '吊销许可证件', '限制从业', '其他',
] as const;

/** 行政处罚 双公示 field set (brief §5). */
// runs before @IsArray has judged the field, so it must not trust its shape
const hasCategory = (o: PenaltyDecisionDto, category: string) => Array.isArray(o.penaltyCategory) && o.penaltyCategory.includes(category);

export class PenaltyDecisionDto {
  @RequiredText('行政相对人名称', 'subjectName', 200) subjectName: string;
  @RequiredChoice('行政相对人类别', 'subjectCategory', SUBJECT_CATEGORIES) subjectCategory: string;
  @IsNotEmpty({ message: '缺少必填字段：统一社会信用代码（uscc）' }) @IsUscc() uscc: string;
  @RequiredText('法定代表人', 'legalRepName', 50) legalRepName: string;

  @ApiPropertyOptional({ description: '法定代表人身份证号（加密存储，任何页面只显示脱敏值）' })
  @IsOptional() @IsIdNumber() legalRepIdNumber?: string;

  @RequiredText('决定书文号', 'decisionNo', 100) decisionNo: string;
  @RequiredText('违法行为类型', 'violationType', 200) violationType: string;
  @RequiredText('违法事实', 'facts', 5000) facts: string;
  @RequiredText('处罚依据', 'basis', 2000) basis: string;

  @ApiPropertyOptional({ description: '处罚类别', enum: PENALTY_CATEGORIES, isArray: true })
  @IsArray({ message: '处罚类别（penaltyCategory）必须是列表' })
  @ArrayNotEmpty({ message: '缺少必填字段：处罚类别（penaltyCategory）' })
  @IsIn(PENALTY_CATEGORIES, { each: true, message: `处罚类别（penaltyCategory）只能是：${PENALTY_CATEGORIES.join('、')}` })
  penaltyCategory: string[];

  @RequiredText('处罚内容', 'content', 2000) content: string;

  @ApiPropertyOptional({ description: '罚款金额（万元）；处罚类别含罚款时必填' })
  @ValidateIf((o: PenaltyDecisionDto) => hasCategory(o, '罚款') || o.fineAmount !== undefined)
  @IsNotEmpty({ message: '缺少必填字段：罚款金额（万元）（fineAmount）' })
  @IsNumber({ maxDecimalPlaces: 6 }, { message: '罚款金额（万元）（fineAmount）必须是数字' })
  @Min(0, { message: '罚款金额（万元）（fineAmount）不能为负数' })
  fineAmount?: number;

  @ApiPropertyOptional({ description: '没收违法所得（万元）；处罚类别含没收违法所得时必填' })
  @ValidateIf((o: PenaltyDecisionDto) => hasCategory(o, '没收违法所得') || o.confiscatedAmount !== undefined)
  @IsNotEmpty({ message: '缺少必填字段：没收违法所得（万元）（confiscatedAmount）' })
  @IsNumber({ maxDecimalPlaces: 6 }, { message: '没收违法所得（万元）（confiscatedAmount）必须是数字' })
  @Min(0, { message: '没收违法所得（万元）（confiscatedAmount）不能为负数' })
  confiscatedAmount?: number;

  @RequiredDate('处罚决定日期', 'decisionDate') decisionDate: string;
  @RequiredDate('处罚有效期', 'validUntil') validUntil: string;
  @RequiredDate('公示截止期', 'publicityUntil') publicityUntil: string;
  @RequiredText('处罚机关', 'authorityName', 200) authorityName: string;
  @IsNotEmpty({ message: '缺少必填字段：处罚机关统一社会信用代码（authorityCode）' }) @IsUscc() authorityCode: string;
  @RequiredText('数据来源单位', 'sourceUnitName', 200) sourceUnitName: string;
  @IsNotEmpty({ message: '缺少必填字段：数据来源单位统一社会信用代码（sourceUnitCode）' }) @IsUscc() sourceUnitCode: string;

  @ApiPropertyOptional({ enum: ['minor', 'general', 'serious'], description: '严重程度（用于信用评价，默认一般）' })
  @IsOptional() @IsIn(['minor', 'general', 'serious'], { message: '严重程度（severity）不正确' })
  severity?: 'minor' | 'general' | 'serious';

  @ApiPropertyOptional({ description: '是否立即公示（默认是）；否则登记为待公示' })
  @IsOptional() @IsBoolean({ message: '是否公示（publish）必须是布尔值' })
  publish?: boolean;
}
