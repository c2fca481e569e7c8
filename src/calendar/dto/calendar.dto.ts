import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, MaxLength } from 'class-validator';

// Dates are only required to be present here: the service checks their shape and reality, so a bad
// date yields DATE_INVALID whether it arrives through HTTP or from an activity.

export class AddWorkingDaysQuery {
  @ApiProperty({ example: '2026-02-13', format: 'date', description: '起算日（YYYY-MM-DD），当日不计入' })
  @IsString({ message: '起算日必须是 YYYY-MM-DD 格式的日期' })
  @IsNotEmpty({ message: '起算日不能为空' })
  from: string;

  @ApiProperty({ example: 10, description: '工作日天数（0–366）' })
  @Type(() => Number)
  @Min(0, { message: '工作日天数不能为负数' })
  @Max(366, { message: '工作日天数不能超过 366' })
  @IsInt({ message: '工作日天数必须是整数' }) // listed last so it is reported first (decorators apply bottom-up)
  days: number;
}

export class DateQuery {
  @ApiProperty({ example: '2026-02-14', format: 'date', description: '日期（YYYY-MM-DD）' })
  @IsString({ message: '日期必须是 YYYY-MM-DD 格式' })
  @IsNotEmpty({ message: '日期不能为空' })
  date: string;
}

export class OverridesQuery {
  @ApiPropertyOptional({ example: 2026, description: '只看某一年' })
  @IsOptional()
  @Type(() => Number)
  @Min(1900, { message: '年份不能早于 1900' })
  @Max(2100, { message: '年份不能晚于 2100' })
  @IsInt({ message: '年份必须是整数' })
  year?: number;
}

export class SetOverrideDto {
  @ApiProperty({ description: '该日是否为工作日' })
  @IsBoolean({ message: 'workingDay 必须是 true 或 false' })
  workingDay: boolean;

  @ApiProperty({ example: '国办发明电〔2026〕X号 调休安排', description: '调整原因或依据' })
  @IsString({ message: '调整原因必须是文本' })
  @IsNotEmpty({ message: '调整原因不能为空' })
  @MaxLength(200, { message: '调整原因不能超过 200 个字符' })
  reason: string;
}

export class WorkingDayAddedDto {
  @ApiProperty({ example: '2026-02-13' }) from: string;
  @ApiProperty({ example: 1 }) days: number;
  @ApiProperty({ example: '2026-02-14', description: '第 N 个工作日' }) date: string;
  @ApiProperty({ description: '暂定：涉及尚未发布节假日安排的年度，按法定节假日计算（不含调休）' }) provisional: boolean;
}

export class WorkingDayCheckDto {
  @ApiProperty({ example: '2026-02-14' }) date: string;
  @ApiProperty({ example: true }) workingDay: boolean;
  @ApiProperty({ description: '暂定：涉及尚未发布节假日安排的年度，按法定节假日计算（不含调休）' }) provisional: boolean;
}

export class CalendarOverrideDto {
  @ApiProperty({ example: '2026-02-14' }) date: string;
  @ApiProperty() workingDay: boolean;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) createdBy: string | null;
  @ApiProperty() createdAt: Date;
}
