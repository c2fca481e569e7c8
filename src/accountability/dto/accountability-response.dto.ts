import { ApiProperty } from '@nestjs/swagger';

/** One office's failings in the period, ranked by their total. */
export class OfficeAccountabilityDto {
  @ApiProperty({ type: 'integer', description: '名次；合计相同的科室名次相同' }) rank: number;
  @ApiProperty() officeCode: string;
  @ApiProperty() officeName: string;
  @ApiProperty({ type: 'integer', description: '双公示逾期' }) latePublications: number;
  @ApiProperty({ type: 'integer', description: '报送共享被平台退回待更正（平台故障造成的积压不计）' }) notShared: number;
  @ApiProperty({ type: 'integer', description: '逾期任务' }) overdueTasks: number;
  @ApiProperty({ type: 'integer', description: '逾期未答复异议' }) lateObjections: number;
  @ApiProperty({ type: 'integer' }) total: number;
}

export class AccountabilityReportDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ format: 'date' }) generatedOn: string;
  @ApiProperty({ type: [OfficeAccountabilityDto] }) offices: OfficeAccountabilityDto[];
}
