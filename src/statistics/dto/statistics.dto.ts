import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, Max, Min } from 'class-validator';
import { REPORT_PERIODS, type ReportPeriod } from '../periods';

export const GRANULARITIES = ['month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export class StatisticsQueryDto {
  @ApiProperty({ enum: GRANULARITIES, description: '按月、季度或年度分期' })
  @IsIn(GRANULARITIES, { message: '统计周期只能是 month、quarter 或 year' })
  granularity: Granularity;

  @ApiProperty({ example: '2026-01-01', description: '起始日期（北京时间，含），取其所在期间的第一天' })
  @IsDateString({ strict: true }, { message: '起始日期须为 YYYY-MM-DD 格式的日期' })
  from: string;

  @ApiProperty({ example: '2026-12-31', description: '截止日期（北京时间，含），取其所在期间的最后一天' })
  @IsDateString({ strict: true }, { message: '截止日期须为 YYYY-MM-DD 格式的日期' })
  to: string;
}

export class IndicatorDefinitionDto {
  @ApiProperty({ example: 'determinations' }) key: string;
  @ApiProperty({ example: '认定' }) group: string;
  @ApiProperty({ example: '失信行为认定' }) label: string;
  @ApiProperty({ description: '口径：统计什么、以哪一天计、取自哪项记录' }) definition: string;
  @ApiProperty({ enum: ['count', 'days', 'share'] }) unit: string;
}

export class StatisticsPeriodDto {
  @ApiProperty({ example: '2026年第1季度' }) label: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true }, description: '指标 → 数值；比例或平均数无分母时为 null' })
  values: Record<string, number | null>;
}

export class StatisticsDto {
  @ApiProperty({ enum: GRANULARITIES }) granularity: string;
  @ApiProperty({ type: [IndicatorDefinitionDto] }) indicators: IndicatorDefinitionDto[];
  @ApiProperty({ type: [StatisticsPeriodDto] }) periods: StatisticsPeriodDto[];
}

export class StatisticsReportQueryDto {
  @ApiProperty({ enum: REPORT_PERIODS, description: '报表期间：月报、季报、半年报或年报' })
  @IsIn(REPORT_PERIODS, { message: '报表期间只能是 month、quarter、half 或 year' })
  period: ReportPeriod;

  @ApiProperty({ example: 2026, description: '年度' })
  @Type(() => Number)
  @IsInt({ message: '年度须为整数' })
  @Min(2000, { message: '年度不能早于 2000 年' })
  @Max(2100, { message: '年度不能晚于 2100 年' })
  year: number;

  @ApiProperty({ example: 4, description: '第几月、季度或半年（年报填 1）' })
  @Type(() => Number)
  @IsInt({ message: '期次须为整数' })
  @Min(1, { message: '期次至少为 1' })
  @Max(12, { message: '期次至多为 12' })
  number: number;
}

export class StatisticsReportDto {
  @ApiProperty({ example: '2026年第4季度', description: '报表期间' }) title: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ description: '生成时间（ISO 8601）' }) generatedAt: string;
  @ApiProperty({ type: [IndicatorDefinitionDto] }) indicators: IndicatorDefinitionDto[];
  @ApiProperty({ type: [StatisticsPeriodDto], description: '本期、上年同期、本年累计（年报无本年累计）' }) columns: StatisticsPeriodDto[];
}
