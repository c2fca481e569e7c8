import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The 双公示 field sets name each field in Chinese as the national standard does; a missing one is refused
 * with that name and the JSON key, e.g. “缺少必填字段：决定书文号（decisionNo）”.
 */
export const RequiredText = (label: string, key: string, max = 2000) =>
  applyDecorators(
    ApiProperty({ description: label }),
    IsNotEmpty({ message: `缺少必填字段：${label}（${key}）` }),
    IsString({ message: `${label}（${key}）必须是文本` }),
    MaxLength(max, { message: `${label}（${key}）不能超过 ${max} 个字符` }),
  );

export const OptionalText = (label: string, key: string, max: number) =>
  applyDecorators(
    IsOptional(),
    IsString({ message: `${label}（${key}）必须是文本` }),
    MaxLength(max, { message: `${label}（${key}）不能超过 ${max} 个字符` }),
  );

export const RequiredDate = (label: string, key: string) =>
  applyDecorators(
    ApiProperty({ description: label, example: '2026-03-02' }),
    IsNotEmpty({ message: `缺少必填字段：${label}（${key}）` }),
    Matches(DATE, { message: `${label}（${key}）应为 YYYY-MM-DD 格式的日期` }),
  );

export const RequiredChoice = (label: string, key: string, choices: readonly string[]) =>
  applyDecorators(
    ApiProperty({ description: label, enum: choices }),
    IsNotEmpty({ message: `缺少必填字段：${label}（${key}）` }),
    IsIn(choices, { message: `${label}（${key}）只能是：${choices.join('、')}` }),
  );

export const SUBJECT_CATEGORIES = ['法人及非法人组织', '自然人', '个体工商户'] as const;

/**
 * A field the system computes, which the clerk used to type: absent is fine, any value is refused with `message`
 * (rather than the whitelist's bare "不允许的字段"), so a client still sending it learns why.
 */
export const ComputedBySystem = (message: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, readOnly: true, description: message }),
    IsOptional(),
    Equals(undefined, { message }),
  );
