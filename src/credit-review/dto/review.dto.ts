import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { ID_TYPES } from '../../subjects/id-types';
import { IsIdNumber } from '../../common/validation/id-number';
import { IsUscc } from '../../common/validation/uscc';

export class ReviewRequestDto {
  @ApiPropertyOptional({ description: '机构统一社会信用代码；只审查自然人时不填，改填 idNumber' })
  @ValidateIf((o: ReviewRequestDto) => o.idNumber === undefined || o.uscc !== undefined) @IsUscc() uscc?: string;

  @ApiProperty({ enum: ['licence', 'award'] })
  @IsIn(['licence', 'award'], { message: '审查用途（purpose）只能是 licence（办学许可审批）或 award（评先评优）' })
  purpose: 'licence' | 'award';

  @ApiPropertyOptional({ enum: ID_TYPES, description: '被审查人员的证件类型（默认身份证）' })
  @IsOptional() @IsIn(ID_TYPES, { message: `证件类型（idType）只能是：${ID_TYPES.join('、')}` }) idType?: string;

  @ApiPropertyOptional({ description: '被审查人员证件号码（按盲索引比对，不落库明文）；不填 uscc 时审查该自然人本人' })
  // a 居民身份证号码 is checked here; another document's number by its shape in the service (idNumberFits)
  @ValidateIf((o: ReviewRequestDto) => o.idNumber !== undefined && (o.idType ?? '身份证') === '身份证') @IsIdNumber()
  idNumber?: string;

  @ApiPropertyOptional({ description: '所审查的审批或评选事项编号；决定该事项前必须有审查记录' })
  @IsOptional() @IsUUID('all', { message: '事项编号（matterId）格式不正确' }) matterId?: string;
}

export class PersonDto {
  @ApiProperty() @IsString() @Length(2, 50, { message: '人员姓名（name）应为 2–50 个字符' }) name: string;
  @ApiProperty() @IsIdNumber() idNumber: string;
  @ApiPropertyOptional({ example: '举办者' }) @IsOptional() @IsString() @Length(1, 50) role?: string;
}

export class RegisterMatterDto {
  @ApiProperty({ enum: ['licence', 'award'], description: '校外培训机构办学许可审批 / 评先评优推荐' })
  @IsIn(['licence', 'award'], { message: '事项类型（type）只能是 licence 或 award' })
  type: 'licence' | 'award';

  @ApiProperty() @IsUscc() uscc: string;

  @ApiProperty({ example: '设立审批：海州区启明星培训学校' })
  @IsString() @Length(2, 200, { message: '事项名称（title）应为 2–200 个字符' }) title: string;

  @ApiPropertyOptional({ type: [PersonDto], description: '事项涉及的人员（举办者、负责人、推荐对象等）' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PersonDto) persons?: PersonDto[];
}

export class DecideMatterDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'], { message: '决定（decision）只能是 approve 或 reject' }) decision: 'approve' | 'reject';

  @ApiProperty() @IsString() @Length(2, 2000, { message: '理由（reason）应为 2–2000 个字符' }) reason: string;
}

export class PeriodQuery {
  @ApiProperty({ example: '2026-01-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '开始日期（from）应为 YYYY-MM-DD' }) from: string;
  @ApiProperty({ example: '2026-12-31' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '结束日期（to）应为 YYYY-MM-DD' }) to: string;
}
