import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';

export class NamedDayDto {
  @ApiProperty({ example: '2027-02-05', description: '日期（YYYY-MM-DD）' })
  @IsString({ message: '日期必须是 YYYY-MM-DD 格式' })
  @IsNotEmpty({ message: '日期不能为空' })
  date: string;

  @ApiProperty({ example: '春节' })
  @IsString({ message: '节日名称必须是文本' })
  @IsNotEmpty({ message: '节日名称不能为空' })
  @MaxLength(40, { message: '节日名称不能超过 40 个字符' })
  name: string;
}

export class PublishYearDto {
  @ApiProperty({ type: [NamedDayDto], description: '放假日（含法定假日与调休放假日）' })
  @IsArray({ message: 'holidays 必须是数组' })
  @ArrayMaxSize(60, { message: '放假日不能超过 60 天' })
  @ValidateNested({ each: true })
  @Type(() => NamedDayDto)
  holidays: NamedDayDto[];

  @ApiProperty({ type: [NamedDayDto], description: '调休上班的周末' })
  @IsArray({ message: 'workdays 必须是数组' })
  @ArrayMaxSize(20, { message: '调休上班日不能超过 20 天' })
  @ValidateNested({ each: true })
  @Type(() => NamedDayDto)
  workdays: NamedDayDto[];

  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）' })
  @IsString({ message: '依据必须是文本' })
  @IsNotEmpty({ message: '请填写发布依据（国务院办公厅通知文号）' })
  @MaxLength(200, { message: '依据不能超过 200 个字符' })
  basis: string;
}

export class KnownYearDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: ['official', 'published'], description: 'official：随系统提供；published：管理员按通知录入' }) source: 'official' | 'published';
  @ApiProperty({ nullable: true, type: String }) basis: string | null;
  @ApiProperty({ nullable: true, type: Date }) publishedAt: Date | null;
}

export class CalendarYearsDto {
  @ApiProperty({ type: [KnownYearDto] }) years: KnownYearDto[];
  @ApiProperty({ nullable: true, type: String, description: '缺少本年或下一年度安排时的提醒' }) warning: string | null;
}

export class YearDraftDto {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ type: [NamedDayDto] }) holidays: NamedDayDto[];
  @ApiProperty({ type: [NamedDayDto] }) workdays: NamedDayDto[];
  @ApiProperty() note: string;
}
