import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, Length, ValidateIf, ValidateNested } from 'class-validator';
import { EmptyAsAbsent } from '../../common/validation/query';
import { IsUscc } from '../../common/validation/uscc';

export class EvidenceDto {
  @ApiProperty() @IsString() @Length(1, 200, { message: '证据名称（name）应为 1–200 个字符' }) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000) reference?: string;
}

export class RaiseObjectionDto {
  @ApiProperty({ enum: ['objection', 'correction'], description: '异议 / 申请更正' })
  @IsIn(['objection', 'correction'], { message: '类型（type）只能是 objection（异议）或 correction（申请更正）' })
  type: 'objection' | 'correction';

  @ApiProperty() @IsString() @Length(10, 5000, { message: '理由（reason）应为 10–5000 个字符' }) reason: string;

  @ApiPropertyOptional({ type: [EvidenceDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => EvidenceDto) evidence?: EvidenceDto[];
}

export class ObjectionListQueryDto {
  @EmptyAsAbsent() @IsOptional() @IsIn(['submitted', 'upheld', 'rejected', 'referred'], { message: '状态（status）只能是 submitted、upheld、rejected 或 referred' })
  status?: 'submitted' | 'upheld' | 'rejected' | 'referred';

  @EmptyAsAbsent() @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value)) @IsOptional() @IsUscc()
  uscc?: string;
}

export class DecideObjectionDto {
  @ApiProperty({ enum: ['upheld', 'rejected'] })
  @IsIn(['upheld', 'rejected'], { message: '处理结果（outcome）只能是 upheld（成立）或 rejected（不成立）' })
  outcome: 'upheld' | 'rejected';

  @ApiProperty() @IsString() @Length(4, 5000, { message: '处理理由（reason）应为 4–5000 个字符' }) reason: string;

  @ApiPropertyOptional({ enum: ['correct', 'withdraw'], description: '成立时：更正内容（correct）或撤下该记录（withdraw）' })
  @ValidateIf((o: DecideObjectionDto) => o.outcome === 'upheld')
  @IsIn(['correct', 'withdraw'], { message: '异议成立时须指明 action：correct（更正）或 withdraw（撤下）' })
  action?: 'correct' | 'withdraw';

  @ApiPropertyOptional({ description: '更正后的内容（action = correct 时必填）' })
  @ValidateIf((o: DecideObjectionDto) => o.action === 'correct')
  @IsObject({ message: '更正内容（corrected）必须是对象' })
  corrected?: Record<string, unknown>;
}

export class ReferObjectionDto {
  @ApiProperty({ description: '转交说明（告知机构向原认定部门提出）' })
  @IsString() @Length(4, 2000, { message: '转交说明（reason）应为 4–2000 个字符' }) reason: string;
}
