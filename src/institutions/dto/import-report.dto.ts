import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ImportRowResultDto {
  @ApiProperty({ description: '表格中的行号（表头为第 1 行），便于用户回到文件中定位' }) row: number;
  @ApiProperty({ description: '该行填写的统一社会信用代码（可能为空或不合法）' }) uscc: string;
  @ApiProperty({ enum: ['created', 'failed'] }) status: 'created' | 'failed';
  @ApiPropertyOptional({ description: '失败原因代码，如 USCC_INVALID、INSTITUTION_EXISTS、DUPLICATE_IN_FILE' }) code?: string;
  @ApiPropertyOptional({ description: '失败原因（中文）' }) message?: string;
}

export class ImportReportDto {
  @ApiProperty({ description: '数据行数（不含表头和空行）' }) total: number;
  @ApiProperty() created: number;
  @ApiProperty() failed: number;
  @ApiProperty({ type: [ImportRowResultDto] }) rows: ImportRowResultDto[];
}
