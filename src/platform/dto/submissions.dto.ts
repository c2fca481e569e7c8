import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { SubmissionType } from '../outbox.service';
import { SUBMISSION_TYPES } from '../platform.config';

export class ListSubmissionsQuery {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'needs_fix'], description: 'needs_fix = 待修改清单' })
  @IsOptional() @IsIn(['pending', 'delivered', 'needs_fix']) status?: 'pending' | 'delivered' | 'needs_fix';
  @ApiPropertyOptional({ enum: SUBMISSION_TYPES }) @IsOptional() @IsIn(SUBMISSION_TYPES) recordType?: SubmissionType;
  @IsOptional() @IsString() @Length(18, 18) uscc?: string;
  @IsOptional() @IsString() @Length(1, 40) officeCode?: string;
  @IsOptional() @IsString() @Length(1, 200) recordRef?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000_000, { message: '偏移量（offset）不能超过 10000000' }) offset?: number;
}

export class FixSubmissionDto {
  @ApiPropertyOptional({ description: 'JSON Merge Patch（RFC 7396）应用于报送数据：null 表示删除该字段', type: Object })
  @IsOptional() @IsObject() payload?: Record<string, unknown>;
  @ApiPropertyOptional({ description: '更正后的统一社会信用代码' })
  @IsOptional() @IsString() uscc?: string;
  @IsString() @Length(2, 500, { message: '请填写修改原因（2–500 字）' }) reason: string;
}
