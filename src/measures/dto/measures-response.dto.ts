import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A supervision measure of the active policy (激励或约束措施) and what triggers it. */
export class MeasureDto {
  @ApiProperty({ example: 'MORE-INSPECTIONS' }) code: string;
  @ApiProperty({ example: 'inspection' }) matterType: string;
  @ApiProperty({ description: '事项类别中文名' }) matterLabel: string;
  @ApiProperty({ enum: ['incentive', 'constraint'] }) kind: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ type: [String], description: '适用的信用等级' }) grades?: string[];
  @ApiPropertyOptional({ type: [String], description: '公示中即适用的记录类型' }) recordKinds?: string[];
}

export class MeasureCatalogueDto {
  @ApiProperty({ type: 'integer' }) policyVersion: number;
  @ApiProperty({ type: [MeasureDto] }) items: MeasureDto[];
}

export class ApplicableMeasureDto extends MeasureDto {
  @ApiProperty({ description: '适用原因' }) because: string;
}

export class IndustryBanSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '陈*' }) personName: string;
  @ApiProperty({ format: 'date' }) fromDate: string;
  @ApiProperty({ format: 'date' }) untilDate: string;
  @ApiProperty() reason: string;
}

export class ApplicableMeasuresDto {
  @ApiProperty() uscc: string;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D', 'E'] }) grade: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: [ApplicableMeasureDto] }) measures: ApplicableMeasureDto[];
  @ApiProperty({ type: [IndustryBanSummaryDto] }) industryBans: IndustryBanSummaryDto[];
}

/** An industry ban; the person's name is masked and the ID number never leaves the database. */
/** A measure of 全国失信惩戒措施基础清单 as this bureau applies it. */
export class CatalogueMeasureDto {
  @ApiProperty({ example: 'M-XZCY' }) id: string;
  @ApiProperty({ example: '限制从业（一定期限内禁止从事校外培训及相关工作）' }) name: string;
  @ApiProperty({ enum: ['penalty', 'joint_sanction'], description: '行政处罚（经处罚程序决定）或联合惩戒措施（仅适用于严重失信主体）' }) category: string;
  @ApiProperty({ description: '设定依据' }) legalBasis: string;
  @ApiProperty({ type: [String], description: '实施部门' }) departments: string[];
  @ApiProperty({ type: [String], description: '可适用的失信行为清单事项编号' }) itemCodes: string[];
  @ApiProperty({ type: [String], description: '可适用的严重程度' }) severities: string[];
}

export class CatalogueMeasureListDto {
  @ApiProperty({ type: [CatalogueMeasureDto] }) items: CatalogueMeasureDto[];
}
