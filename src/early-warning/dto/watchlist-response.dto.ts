import { ApiProperty } from '@nestjs/swagger';

export class WarningFlagDto {
  @ApiProperty({ enum: ['NEAR_DOWNGRADE', 'REPEATED_MINOR', 'COMMITMENT_DUE', 'RECTIFICATION_AT_RISK', 'INBOUND_REPORT', 'UNRECTIFIED_AFTER_PUBLICATION'] })
  code: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '原因的数据（得分、案件编号、日期等）' }) detail: Record<string, unknown>;
  @ApiProperty({ description: '中文说明' }) message: string;
}

export class WatchedInstitutionDto {
  @ApiProperty() uscc: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) officeCode: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '最近一次评价得分（未评价时为空）' }) score: number | null;
  @ApiProperty({ type: String, nullable: true }) grade: string | null;
  @ApiProperty({ type: [WarningFlagDto] }) flags: WarningFlagDto[];
}

export class WatchlistDto {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ format: 'date', description: '期限预警看到此日' }) horizon: string;
  @ApiProperty({ type: [WatchedInstitutionDto], description: '最多 500 个' }) items: WatchedInstitutionDto[];
}
