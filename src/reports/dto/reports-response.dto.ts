import { ApiProperty } from '@nestjs/swagger';

export class OverdueRectificationDto {
  @ApiProperty() caseNo: string;
  @ApiProperty() uscc: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ type: String, nullable: true }) officeCode: string | null;
  @ApiProperty({ format: 'date', description: '最早错过的整改期限' }) dueDate: string;
  @ApiProperty({ type: 'integer', description: '整改轮次' }) round: number;
  @ApiProperty({ type: 'integer', description: '逾期工作日' }) overdueWorkingDays: number;
}

export class OverdueRectificationsDto {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: [OverdueRectificationDto] }) items: OverdueRectificationDto[];
}

export class GradeCountDto {
  @ApiProperty({ enum: ['A', 'B', 'C', 'D', 'E'] }) grade: string;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class GradeDistributionDto {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: [GradeCountDto] }) grades: GradeCountDto[];
}
