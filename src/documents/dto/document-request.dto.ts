import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsInt, IsObject, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, Max, Min, ValidateIf,
} from 'class-validator';
import { ISO_DATE } from '../../common/validation/query';
import { IsUscc } from '../../common/validation/uscc';
import { DOCUMENT_KINDS, DocumentKind, SERVICE_METHODS, ServiceMethod } from '../document-kinds';
import { CODE_PATTERN, normaliseCode } from '../verification-code';

const dateMessage = (label: string, field: string) => ({ message: `${label}（${field}）应为 YYYY-MM-DD` });

export class DraftDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS, description: '文书种类' })
  @IsIn(DOCUMENT_KINDS, { message: `文书种类（kind）只能是 ${DOCUMENT_KINDS.join('、')}` })
  kind: DocumentKind;

  @ApiPropertyOptional({ type: Object, description: '本环节的文书内容（各种类所需字段见 docs/documents.md），如 measures、objectionDays' })
  @IsOptional() @IsObject({ message: '文书内容（data）应为对象' })
  data?: Record<string, unknown>;

  @ApiPropertyOptional({ description: '模板版本（默认最新版）' })
  @IsOptional() @IsInt() @Min(1) @Max(1000)
  templateVersion?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '更正：被替代的已签发文书' })
  @IsOptional() @IsUUID('all', { message: '被更正文书（replaces）应为文书编号（UUID）' })
  replaces?: string;

  @ApiPropertyOptional({ description: '更正理由（replaces 时必填）' })
  @ValidateIf((o: DraftDocumentDto) => o.replaces !== undefined)
  @IsString() @Length(4, 500, { message: '更正理由（correctionReason）应为 4–500 个字符' })
  correctionReason?: string;
}

export class VoidDocumentDto {
  @ApiProperty({ description: '作废理由（文号登记作废，不再使用）' })
  @IsString() @Length(4, 500, { message: '作废理由（reason）应为 4–500 个字符' })
  reason: string;
}

export class RecordServiceDto {
  @ApiProperty({ enum: SERVICE_METHODS, description: '电子送达（须已签署确认书）、直接送达、邮寄送达、留置送达、公告送达' })
  @IsIn(SERVICE_METHODS, { message: `送达方式（method）只能是 ${SERVICE_METHODS.join('、')}` })
  method: ServiceMethod;

  @ApiPropertyOptional({ format: 'date', description: '送达日期：直接送达为签收日期，邮寄送达为回执签收日期，留置送达为留置日期' })
  @IsOptional() @Matches(ISO_DATE, dateMessage('送达日期', 'servedOn'))
  servedOn?: string;

  @ApiPropertyOptional({ description: '签收人（直接送达必填）' }) @IsOptional() @IsString() @Length(2, 50) recipient?: string;

  @ApiPropertyOptional({ type: [String], description: '送达人（直接、留置送达必填）' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @IsString({ each: true }) @Length(2, 50, { each: true })
  servers?: string[];

  @ApiPropertyOptional({ description: '送达地点或邮寄地址' }) @IsOptional() @IsString() @Length(2, 200) place?: string;
  @ApiPropertyOptional({ description: '邮件号码（邮寄送达必填）' }) @IsOptional() @IsString() @Length(4, 40) trackingNo?: string;
  @ApiPropertyOptional({ description: '见证人（留置送达：见证人或录像二者至少其一）' }) @IsOptional() @IsString() @Length(2, 50) witness?: string;
  @ApiPropertyOptional({ format: 'uuid', description: '留置送达录像文件' }) @IsOptional() @IsUUID() videoFileId?: string;

  @ApiPropertyOptional({ format: 'date', description: '公告日期（公告送达：自公告之日起经过三十日视为送达）' })
  @IsOptional() @Matches(ISO_DATE, dateMessage('公告日期', 'announcedOn'))
  announcedOn?: string;

  @ApiPropertyOptional({ description: '公告载体（公告送达必填）' }) @IsOptional() @IsString() @Length(2, 200) announcedIn?: string;

  @ApiPropertyOptional({ type: [String], description: '送达证明扫描件（已上传文件）' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true })
  proofFileIds?: string[];
}

export class ConsentDto {
  @ApiProperty({ format: 'date', description: '确认书签署日期' })
  @Matches(ISO_DATE, dateMessage('签署日期', 'signedOn'))
  signedOn: string;

  @ApiProperty({ description: '代表机构签署确认书的人' })
  @IsString() @Length(2, 50, { message: '签署人（signatory）应为 2–50 个字符' })
  signatory: string;

  @ApiPropertyOptional({ description: '确认的电子邮箱（加密存储，显示时脱敏）' })
  @IsOptional() @IsEmail({}, { message: '电子邮箱（email）格式不正确' }) @Length(3, 200)
  email?: string;

  @ApiPropertyOptional({ description: '确认的手机号码（加密存储，显示时脱敏）' })
  @IsOptional() @Matches(/^1\d{10}$/, { message: '手机号码（mobile）应为 11 位数字' })
  mobile?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '确认书扫描件（已上传文件）' }) @IsOptional() @IsUUID() evidenceFileId?: string;
}

export class RevokeConsentDto {
  @ApiProperty({ format: 'date' }) @Matches(ISO_DATE, dateMessage('撤回日期', 'revokedOn')) revokedOn: string;
  @ApiProperty() @IsString() @Length(4, 500, { message: '撤回原因（reason）应为 4–500 个字符' }) reason: string;
}

export class DocumentSettingsDto {
  @ApiProperty({ example: '连云港市连云区教育局' }) @IsString() @Length(4, 60) issuerName: string;
  @ApiProperty({ description: '发文机关统一社会信用代码' }) @IsUscc() issuerCode: string;
  @ApiProperty({ example: '320703' }) @Matches(/^\d{6}$/, { message: '行政区划代码（areaCode）应为 6 位数字' }) areaCode: string;

  @ApiPropertyOptional({ type: Object, description: '各文书种类的文号前缀，如 {"notice-of-determination": "连区教信告"}；未列出的用默认值' })
  @IsOptional() @IsObject() numberPrefixes?: Record<string, string>;

  @ApiProperty({ example: '连云港市连云区人民政府', description: '行政复议机关' }) @IsString() @Length(4, 60) reviewBody: string;
  @ApiProperty({ example: '连云港市连云区人民法院', description: '行政诉讼管辖法院' }) @IsString() @Length(4, 60) court: string;
  @ApiProperty() @IsString() @Length(4, 200) contactAddress: string;
  @ApiProperty() @IsString() @Length(4, 40) contactPhone: string;

  @ApiProperty({ description: '公开验证地址（二维码内容为该地址加 ?code=验证码）' })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: '公开验证地址（verifyBaseUrl）应为 http(s) 地址' })
  @Length(10, 300)
  verifyBaseUrl: string;

  @ApiPropertyOptional({ type: Object, description: '各类档案保管期限（年），键为 case-file 或文书种类' })
  @IsOptional() @IsObject() retentionYears?: Record<string, number>;
}

export class VerifyQueryDto {
  @ApiProperty({ description: '文书上的验证码（26 位，大小写、空格和连字符不计）' })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? normaliseCode(value) : value))
  @Matches(CODE_PATTERN, { message: '验证码（code）应为文书上印制的 26 位字母数字' })
  code: string;
}

