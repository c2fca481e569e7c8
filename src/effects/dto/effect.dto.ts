import { ApiProperty } from '@nestjs/swagger';
import { EFFECT_KINDS, EFFECT_TYPES, ENDED_BY } from '../effect-rules';

/** One effect of a decision (docs/effects.md): issue #16's shape, plus the measure and departments. */
export class EffectDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: '所依据的信用记录' }) recordId: string;
  @ApiProperty({ type: String, nullable: true }) caseNo: string | null;
  @ApiProperty({ enum: EFFECT_TYPES, description: 'credit-measure 失信惩戒措施（修复即解除）；penalty 行政处罚（不因修复解除）' }) type: string;
  @ApiProperty({ enum: EFFECT_KINDS }) kind: string;
  @ApiProperty({ type: String, nullable: true, description: '具体措施（联合惩戒措施名称、限制从业）' }) measure: string | null;
  @ApiProperty({ type: [String], description: '实施该措施的成员单位' }) departments: string[];
  @ApiProperty({ description: '法律依据' }) basis: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '终止日（已终止的为实际终止日）' }) endsOn: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ENDED_BY }) endedBy: string | null;
  @ApiProperty({ enum: ['active', 'ended'] }) status: string;
}
