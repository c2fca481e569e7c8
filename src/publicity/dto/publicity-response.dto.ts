import { ApiProperty } from '@nestjs/swagger';

/** A licence or penalty decision in the 双公示 register, with its publication due date. */
export class PublicityDecisionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['licence', 'penalty'] }) kind: string;
  @ApiProperty() uscc: string;
  @ApiProperty({ type: String, nullable: true }) officeCode: string | null;
  @ApiProperty({ description: '决定文书号' }) documentNo: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiProperty({ format: 'date', description: '公示截止日（决定日 + 工作日）' }) dueDate: string;
  @ApiProperty({ enum: ['pending', 'published'] }) status: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) publishedOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: '公示后的信用记录' }) recordId: string | null;
  @ApiProperty({ description: '逾期公示' }) late: boolean;
}

export class OverdueOfficeDto {
  @ApiProperty({ type: String, nullable: true }) officeCode: string | null;
  @ApiProperty({ type: 'integer' }) late: number;
  @ApiProperty({ type: 'integer' }) dueSoon: number;
}

export class OverdueDecisionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['licence', 'penalty'] }) kind: string;
  @ApiProperty() uscc: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ type: String, nullable: true }) officeCode: string | null;
  @ApiProperty() documentNo: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: ['late', 'due_soon'] }) state: string;
}

export class PublicityOverdueReportDto {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ format: 'date', description: '“即将到期”统计到此日' }) dueSoonUntil: string;
  @ApiProperty({ type: [OverdueOfficeDto] }) byOffice: OverdueOfficeDto[];
  @ApiProperty({ type: [OverdueDecisionDto] }) items: OverdueDecisionDto[];
}
