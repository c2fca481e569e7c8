import { ApiProperty } from '@nestjs/swagger';

/** An integrity-education activity a school recorded (诚信教育活动). */
export class ActivityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() uscc: string;
  @ApiProperty() institutionName: string;
  @ApiProperty() theme: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: '2026-1', description: '学期' }) term: string;
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: [String], description: '佐证材料（上传文件 ID）' }) evidenceFileIds: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ActivityListDto {
  @ApiProperty({ type: [ActivityDto], description: '最多 500 条' }) items: ActivityDto[];
}

export class TermReportRowDto {
  @ApiProperty() uscc: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ type: 'integer' }) activities: number;
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({ type: [String] }) themes: string[];
}

export class TermReportDto {
  @ApiProperty({ example: '2026-1' }) term: string;
  @ApiProperty({ type: [TermReportRowDto] }) rows: TermReportRowDto[];
}
