import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsIdNumber } from '../../common/validation/id-number';
import { IsUscc } from '../../common/validation/uscc';
import { INSTITUTION_TYPE_LABELS, InstitutionType } from '../institution-type';

/** Spreadsheets and forms bring stray spaces; identifiers are compared upper-case. */
export const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
export const trimUpper = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

export const TYPE_DESCRIPTION = `机构类型（英文取值，中文含义）：${Object.entries(INSTITUTION_TYPE_LABELS)
  .map(([value, label]) => `${value}=${label}`)
  .join('，')}`;

// class-validator reports a property's constraints bottom-up, and the pipe shows the first one: the most basic
// check (present, then text) sits lowest so a missing value says so rather than quoting a length limit.
export class LegalRepresentativeDto {
  @ApiProperty({ description: '法定代表人姓名', example: '张三' })
  @trim()
  @MaxLength(50, { message: '法定代表人姓名不能超过 50 个字符' })
  @IsString({ message: '法定代表人姓名必须是文本' })
  @IsNotEmpty({ message: '法定代表人姓名不能为空' })
  name: string;

  @ApiProperty({ description: '法定代表人身份证号（GB 11643，18 位）；加密存储，响应中只返回脱敏值', example: '320703198001011234' })
  @trimUpper()
  @IsIdNumber()
  idNumber: string;
}

/** Body of POST /institutions; the import reuses it row by row, so both paths enforce the same rules. */
export class CreateInstitutionDto {
  // Declared first so that a bad USCC is the first reported error and sets the code USCC_INVALID.
  @ApiProperty({ description: '统一社会信用代码（GB 32100-2015，18 位）', example: '52320700MJ1234567G' })
  @trimUpper()
  @IsUscc()
  uscc: string;

  @ApiProperty({ description: '机构名称', example: '连云港市某某培训学校' })
  @trim()
  @MaxLength(200, { message: '机构名称不能超过 200 个字符' })
  @IsString({ message: '机构名称必须是文本' })
  @IsNotEmpty({ message: '机构名称不能为空' })
  name: string;

  @ApiProperty({ enum: InstitutionType, description: TYPE_DESCRIPTION })
  @IsEnum(InstitutionType, { message: `机构类型不正确，可选：${Object.values(INSTITUTION_TYPE_LABELS).join('、')}` })
  type: InstitutionType;

  @ApiProperty({ type: LegalRepresentativeDto })
  @IsDefined({ message: '法定代表人信息不能为空' })
  @ValidateNested()
  @Type(() => LegalRepresentativeDto)
  legalRepresentative: LegalRepresentativeDto;

  @ApiPropertyOptional({ description: '地址' })
  @IsOptional()
  @trim()
  @MaxLength(300, { message: '地址不能超过 300 个字符' })
  @IsString({ message: '地址必须是文本' })
  address?: string;

  @ApiPropertyOptional({ description: '主管科室代码', example: 'XWPX' })
  @IsOptional()
  @trim()
  @MaxLength(50, { message: '主管科室代码不能超过 50 个字符' })
  @IsString({ message: '主管科室必须是文本' })
  officeCode?: string;

  @ApiPropertyOptional({ description: '办学许可证编号' })
  @IsOptional()
  @trim()
  @MaxLength(100, { message: '办学许可证编号不能超过 100 个字符' })
  @IsString({ message: '办学许可证编号必须是文本' })
  licenceNo?: string;

  @ApiPropertyOptional({ description: '办学许可范围' })
  @IsOptional()
  @trim()
  @MaxLength(1000, { message: '办学许可范围不能超过 1000 个字符' })
  @IsString({ message: '办学许可范围必须是文本' })
  licenceScope?: string;
}
