import { ApiProperty } from '@nestjs/swagger';

export class OpsAlertDto {
  @ApiProperty({ description: 'CALENDAR_NEXT_YEAR_MISSING, CASES_BLOCKED, OUTBOX_BACKLOG, ESCALATIONS_LATE, PLATFORM_FAILING, CREDIT_CHAIN_BROKEN, DECISION_NOT_SERVED, …' })
  code: string;
  @ApiProperty({ enum: ['critical', 'warning'] }) severity: 'critical' | 'warning';
  @ApiProperty() title: string;
  @ApiProperty() detail: string;
  @ApiProperty({ description: '处置建议' }) action: string;
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: [String], description: '涉及的案件、文书或机构（至多 20 项）' }) items: string[];
}
