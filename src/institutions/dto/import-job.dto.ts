import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ImportReportDto } from './import-report.dto';

export class ImportErrorDto {
  @ApiProperty({ description: '原因代码，如 IMPORT_TOO_MANY_ROWS、IMPORT_CELL_TOO_LONG、IMPORT_HEADER_INVALID' }) code: string;
  @ApiProperty({ description: '原因（中文）' }) message: string;
}

/** An import as its submitter sees it: queued, running (with progress), done (with the report) or failed. */
export class ImportJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: 'queued' | 'running' | 'done' | 'failed';
  @ApiProperty({ description: '已处理的数据行数' }) processed: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '数据行总数（读完文件后才知道）' }) total: number | null;
  @ApiPropertyOptional({ type: ImportReportDto, description: '导入完成后逐行的结果' }) report?: ImportReportDto;
  @ApiPropertyOptional({ type: ImportErrorDto, description: '整个文件被拒绝时的原因' }) error?: ImportErrorDto;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) finishedAt: string | null;
}
