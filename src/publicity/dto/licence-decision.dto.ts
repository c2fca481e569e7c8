import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, ValidateNested } from 'class-validator';
import { IsIdNumber } from '../../common/validation/id-number';
import { IsUscc } from '../../common/validation/uscc';
import { OptionalText, RequiredChoice, RequiredDate, RequiredText, SUBJECT_CATEGORIES } from './fields';

export const LICENCE_CATEGORIES = ['普通', '特许', '认可', '核准', '登记', '其他'] as const;

/** The public text (公示文本) of a licence where it must differ from the decision's own wording. */
export class LicencePublicTextDto {
  @ApiPropertyOptional({ description: '公示标题（默认：文书名称（文书号））' }) @OptionalText('公示标题', 'publicText.title', 200) title?: string;
  @ApiPropertyOptional() @OptionalText('公示的文书名称', 'publicText.documentName', 200) documentName?: string;
  @ApiPropertyOptional() @OptionalText('公示的许可证书名称', 'publicText.certificateName', 200) certificateName?: string;
  @ApiPropertyOptional() @OptionalText('公示的许可内容', 'publicText.content', 2000) content?: string;
}

/** 行政许可 双公示 field set (brief §5). */
export class LicenceDecisionDto {
  @RequiredText('行政相对人名称', 'subjectName', 200) subjectName: string;
  @RequiredChoice('行政相对人类别', 'subjectCategory', SUBJECT_CATEGORIES) subjectCategory: string;
  @IsNotEmpty({ message: '缺少必填字段：统一社会信用代码（uscc）' }) @IsUscc() uscc: string;
  @RequiredText('法定代表人', 'legalRepName', 50) legalRepName: string;

  @ApiPropertyOptional({ description: '法定代表人身份证号（加密存储，任何页面只显示脱敏值）' })
  @IsOptional() @IsIdNumber() legalRepIdNumber?: string;

  @RequiredText('行政许可决定文书名称', 'documentName', 200) documentName: string;
  @RequiredText('行政许可决定文书号', 'documentNo', 100) documentNo: string;
  @RequiredChoice('许可类别', 'licenceCategory', LICENCE_CATEGORIES) licenceCategory: string;
  @RequiredText('许可证书名称', 'certificateName', 200) certificateName: string;
  @RequiredText('许可编号', 'licenceNo', 100) licenceNo: string;
  @RequiredText('许可内容', 'content', 2000) content: string;
  @RequiredDate('许可决定日期', 'decisionDate') decisionDate: string;
  @RequiredDate('有效期自', 'validFrom') validFrom: string;
  @RequiredDate('有效期至', 'validUntil') validUntil: string;
  @RequiredText('许可机关', 'authorityName', 200) authorityName: string;
  @IsNotEmpty({ message: '缺少必填字段：许可机关统一社会信用代码（authorityCode）' }) @IsUscc() authorityCode: string;
  @RequiredChoice('当前状态', 'currentStatus', ['有效', '无效']) currentStatus: string;
  @RequiredText('数据来源单位', 'sourceUnitName', 200) sourceUnitName: string;
  @IsNotEmpty({ message: '缺少必填字段：数据来源单位统一社会信用代码（sourceUnitCode）' }) @IsUscc() sourceUnitCode: string;

  @ApiPropertyOptional({ type: LicencePublicTextDto, description: '公示文本中与决定书措辞不同的部分' })
  @IsOptional() @ValidateNested() @Type(() => LicencePublicTextDto)
  publicText?: LicencePublicTextDto;

  @ApiPropertyOptional({ description: '公示文本审核通过后是否立即公示（默认是）；否则审核后仍为待公示' })
  @IsOptional() @IsBoolean({ message: '是否公示（publish）必须是布尔值' })
  publish?: boolean;
}

