import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

export class CreatePlanDto {
  @ApiProperty({ example: '2026 年第二季度校外培训机构双随机抽查' })
  @IsString({ message: '计划名称（title）必须是文本' }) @Length(4, 200, { message: '计划名称（title）应为 4–200 个字符' })
  title: string;

  @ApiPropertyOptional({ description: '随机种子（公开）；不填由系统生成' })
  @IsOptional() @IsString() @Matches(/^[\x21-\x7e]{8,128}$/, { message: '随机种子（seed）应为 8–128 个可见 ASCII 字符' })
  seed?: string;

  @ApiPropertyOptional({ description: '年度（频次上限按年度计算），默认今年' })
  @IsOptional() @IsInt({ message: '年度（year）必须是整数' }) @Min(2020) @Max(2100) year?: number;

  @ApiPropertyOptional({ description: '只抽本科室主管的机构和本科室检查人员' }) @IsOptional() @IsString() officeCode?: string;

  @ApiPropertyOptional({ description: '机构类型，如 off_campus_training' }) @IsOptional() @IsString() institutionType?: string;

  @ApiPropertyOptional({ description: '每个对象的检查人员数，默认 2' })
  @IsOptional() @IsInt({ message: '检查人员数（inspectorsPerTarget）必须是整数' }) @Min(1) @Max(5) inspectorsPerTarget?: number;
}

export class CaseLeadDto {
  @ApiProperty({ example: 'EDU-008' })
  @Matches(/^[A-Z]{2,5}-\d{3}$/, { message: '失信行为编码（behaviourCode）格式不正确，例如 EDU-001' }) behaviourCode: string;

  @ApiProperty() @IsString() @Length(10, 5000, { message: '事实描述（facts）应为 10–5000 个字符' }) facts: string;
}

export class InspectionResultDto {
  @ApiProperty({ enum: ['pass', 'fail'] }) @IsIn(['pass', 'fail'], { message: '检查结果（result）只能是 pass 或 fail' }) result: 'pass' | 'fail';

  @ApiProperty({ description: '检查情况（内部记录）' }) @IsString() @Length(2, 5000, { message: '检查情况（findings）应为 2–5000 个字符' }) findings: string;

  @ApiPropertyOptional({ description: '公开的检查结果说明（一公开；不得含个人信息），不填则只公开合格/不合格' })
  @IsOptional() @IsString({ message: '公开说明（publicFinding）必须是文本' }) @Length(2, 500, { message: '公开说明（publicFinding）应为 2–500 个字符' })
  publicFinding?: string;

  @ApiPropertyOptional({ type: CaseLeadDto, description: '检查不合格时据此立案' })
  @IsOptional() @ValidateNested() @Type(() => CaseLeadDto) openCase?: CaseLeadDto;
}
