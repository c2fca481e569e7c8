import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsIdNumber } from '../../common/validation/id-number';
import { INSTITUTION_TYPE_LABELS, InstitutionType } from '../institution-type';
import { TYPE_DESCRIPTION, trim, trimUpper } from './create-institution.dto';

/** Optional, but when sent it must hold a value: null would blank a NOT NULL column. */
const IfPresent = () => ValidateIf((_, value) => value !== undefined);

export class UpdateLegalRepresentativeDto {
  @ApiPropertyOptional({ description: '法定代表人姓名' })
  @IfPresent()
  @trim()
  @MaxLength(50, { message: '法定代表人姓名不能超过 50 个字符' })
  @IsString({ message: '法定代表人姓名必须是文本' })
  @IsNotEmpty({ message: '法定代表人姓名不能为空' })
  name?: string;

  @ApiPropertyOptional({ description: '法定代表人身份证号（18 位）' })
  @IfPresent()
  @trimUpper()
  @IsIdNumber()
  idNumber?: string;
}

/** Body of PATCH /institutions/:uscc. The USCC is the identity and cannot change; null clears an optional field. */
export class UpdateInstitutionDto {
  @ApiPropertyOptional({ description: '机构名称' })
  @IfPresent()
  @trim()
  @MaxLength(200, { message: '机构名称不能超过 200 个字符' })
  @IsString({ message: '机构名称必须是文本' })
  @IsNotEmpty({ message: '机构名称不能为空' })
  name?: string;

  @ApiPropertyOptional({ enum: InstitutionType, description: TYPE_DESCRIPTION })
  @IfPresent()
  @IsEnum(InstitutionType, { message: `机构类型不正确，可选：${Object.values(INSTITUTION_TYPE_LABELS).join('、')}` })
  type?: InstitutionType;

  @ApiPropertyOptional({ type: UpdateLegalRepresentativeDto })
  @IfPresent()
  @ValidateNested()
  @Type(() => UpdateLegalRepresentativeDto)
  legalRepresentative?: UpdateLegalRepresentativeDto;

  @ApiPropertyOptional({ description: '地址；传 null 清空', nullable: true })
  @IsOptional()
  @trim()
  @MaxLength(300, { message: '地址不能超过 300 个字符' })
  @IsString({ message: '地址必须是文本' })
  address?: string | null;

  @ApiPropertyOptional({ description: '主管科室代码；传 null 清空', nullable: true })
  @IsOptional()
  @trim()
  @MaxLength(50, { message: '主管科室代码不能超过 50 个字符' })
  @IsString({ message: '主管科室必须是文本' })
  officeCode?: string | null;

  @ApiPropertyOptional({ description: '办学许可证编号；传 null 清空', nullable: true })
  @IsOptional()
  @trim()
  @MaxLength(100, { message: '办学许可证编号不能超过 100 个字符' })
  @IsString({ message: '办学许可证编号必须是文本' })
  licenceNo?: string | null;

  @ApiPropertyOptional({ description: '办学许可范围；传 null 清空', nullable: true })
  @IsOptional()
  @trim()
  @MaxLength(1000, { message: '办学许可范围不能超过 1000 个字符' })
  @IsString({ message: '办学许可范围必须是文本' })
  licenceScope?: string | null;

  @ApiPropertyOptional({ description: '读取时得到的版本号；传入则仅当未被他人修改时才保存（乐观锁）' })
  @IsOptional()
  @IsInt({ message: '版本号必须是整数' })
  @Min(1, { message: '版本号必须大于 0' })
  @Max(2_147_483_647, { message: '版本号过大' })
  version?: number;
}
