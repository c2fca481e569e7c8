import { ApiProperty } from '@nestjs/swagger';

/** One office's failings in the period, ranked by their total. */
export class OfficeAccountabilityDto {
  @ApiProperty({ type: 'integer' }) rank: number;
  @ApiProperty() officeCode: string;
  @ApiProperty() officeName: string;
  @ApiProperty({ type: 'integer', description: '双公示逾期' }) latePublications: number;
  @ApiProperty({ type: 'integer', description: '未报送共享' }) notShared: number;
  @ApiProperty({ type: 'integer', description: '无信用审查即作出决定' }) decidedWithoutReview: number;
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
