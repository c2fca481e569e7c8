import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { EmptyAsAbsent } from '../../common/validation/query';
import { OptionalText } from './fields';

/** Every field a public text may have; which of them a record's kind has is checked by the service. */
export class PublicTextFieldsDto {
  @ApiPropertyOptional({ description: '标题' }) @OptionalText('标题', 'fields.title', 200) title?: string;
  @ApiPropertyOptional({ description: '违法行为类型（行政处罚）' }) @OptionalText('违法行为类型', 'fields.violationType', 200) violationType?: string;
  @ApiPropertyOptional({ description: '违法事实 / 认定事实' }) @OptionalText('事实', 'fields.facts', 5000) facts?: string;
  @ApiPropertyOptional({ description: '处罚依据（行政处罚）' }) @OptionalText('处罚依据', 'fields.basis', 2000) basis?: string;
  @ApiPropertyOptional({ description: '处罚内容 / 许可内容' }) @OptionalText('内容', 'fields.content', 2000) content?: string;
  @ApiPropertyOptional({ description: '文书名称（行政许可）' }) @OptionalText('文书名称', 'fields.documentName', 200) documentName?: string;
  @ApiPropertyOptional({ description: '许可证书名称（行政许可）' }) @OptionalText('许可证书名称', 'fields.certificateName', 200) certificateName?: string;
}

export class RedraftPublicTextDto {
  @ApiProperty({ type: PublicTextFieldsDto, description: '新的公示文本（完整一份，须经起草人以外的人员审核）' })
  @IsDefined({ message: '缺少必填字段：公示文本（fields）' }) @ValidateNested() @Type(() => PublicTextFieldsDto)
  fields: PublicTextFieldsDto;
}

export class ApprovePublicTextDto {
  @ApiProperty({ description: '所审核文本的 SHA-256（取自文本的 hash），防止审核后被替换的文本' })
  @Matches(/^[0-9a-f]{64}$/, { message: '文本哈希（hash）应为 64 位十六进制小写字符' })
  hash: string;
}

export class PublicTextQueueQueryDto {
  @ApiPropertyOptional({ enum: ['draft', 'withheld'], default: 'draft', description: 'draft 待审核；withheld 含个人信息、暂停公示' })
  @EmptyAsAbsent() @IsOptional() @IsIn(['draft', 'withheld'], { message: 'status 只能是 draft 或 withheld' })
  status: 'draft' | 'withheld' = 'draft';
}
