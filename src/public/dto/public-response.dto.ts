import { ApiProperty } from '@nestjs/swagger';
import { CREDIT_RECORD_KINDS } from '../../credit-file/credit-record.types';

export class PublicInstitutionHitDto {
  @ApiProperty() uscc: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '机构类型' }) typeLabel: string;
  @ApiProperty({ type: 'integer', description: '公示中的记录数' }) recordsInPublication: number;
}

export class PublicInstitutionHitsDto {
  @ApiProperty({ type: [PublicInstitutionHitDto], description: '最多 20 个' }) items: PublicInstitutionHitDto[];
}

/** A record in publication as anyone may read it: personal data removed or masked. */
export class PublicRecordDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CREDIT_RECORD_KINDS }) kind: string;
  @ApiProperty() kindLabel: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiProperty({ type: String, nullable: true }) severity: string | null;
  @ApiProperty({ format: 'date' }) publicityFrom: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) publicityUntil: string | null;
  @ApiProperty() institutionName: string;
  @ApiProperty() uscc: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '公示内容（个人信息已删除或脱敏）' }) content: Record<string, unknown>;
}

export class PublicInstitutionDto {
  @ApiProperty() uscc: string;
  @ApiProperty() name: string;
  @ApiProperty() typeLabel: string;
  @ApiProperty({ example: '无公示中的失信或处罚信息' }) creditStatus: string;
  @ApiProperty({ type: [PublicRecordDto] }) records: PublicRecordDto[];
}

export class PublicRecordPageDto {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: [PublicRecordDto] }) items: PublicRecordDto[];
}
