import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const CLASSES = ['minor', 'general', 'serious'];
const nullable = (format?: string) => ({ type: String, nullable: true, ...(format ? { format } : {}) });

/** The class of a record by the 36号令 rule, with the reasons an officer sees. */
export class ClassificationDto {
  @ApiProperty({ enum: CLASSES, description: '分类（轻微/一般/严重）' }) class: string;
  @ApiProperty({ example: '一般' }) classLabel: string;
  @ApiProperty({ enum: CLASSES, description: '分类标准给出的分类（不能低于此分类）' }) ruleClass: string;
  @ApiProperty({ description: '经办人是否提高了分类' }) raised: boolean;
  @ApiProperty({ type: [String], description: '分类理由' }) reasons: string[];
}

export class PersonalDataSpanDto {
  @ApiProperty({ enum: ['id_number', 'mobile', 'bank_card', 'person_name'] }) kind: string;
  @ApiProperty({ type: 'integer', description: '起始位置（含，UTF-16 码元）' }) start: number;
  @ApiProperty({ type: 'integer', description: '结束位置（不含）' }) end: number;
  @ApiProperty({ description: '脱敏后的内容' }) masked: string;
}

/** One field of a public text the guard refused, with the words to mark. */
export class PublicTextFindingDto {
  @ApiProperty({ description: '字段（请求中的字段名）' }) field: string;
  @ApiProperty() message: string;
  @ApiProperty({ type: [PersonalDataSpanDto] }) spans: PersonalDataSpanDto[];
}

/** A version of a public text (公示文本): drafted by an officer, signed off by someone else. */
export class PublicTextDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '所属信用记录的来源编号' }) recordRef: string;
  @ApiProperty({ type: String, nullable: true, description: '机构的统一社会信用代码；自然人的记录为 null' }) uscc: string | null;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ enum: ['draft', 'approved', 'withheld'], description: '待审核/已审核/已暂停公示（含个人信息）' }) status: string;
  @ApiProperty({ enum: ['officer', 'transition'] }) origin: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: '公示文本各字段' }) fields: Record<string, string>;
  @ApiProperty({ description: '文本的 SHA-256，审核时须回传' }) hash: string;
  @ApiProperty({ type: [PublicTextFindingDto], nullable: true, description: '暂停公示时自动检查发现的个人信息（位置与类别）' })
  findings: PublicTextFindingDto[] | null;
  @ApiProperty(nullable('uuid')) draftedBy: string | null;
  @ApiProperty({ format: 'date-time' }) draftedAt: string;
  @ApiProperty(nullable('uuid')) approvedBy: string | null;
  @ApiProperty(nullable('date-time')) approvedAt: string | null;
}

/** A licence or penalty decision in the 双公示 register, with its class, periods and public text. */
export class PublicityDecisionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['licence', 'penalty'] }) kind: string;
  @ApiProperty({ type: String, nullable: true, description: '机构的统一社会信用代码；自然人为 null（见 subjectId）' }) uscc: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: '自然人主体编号（仅自然人）' }) subjectId: string | null;
  @ApiProperty(nullable()) officeCode: string | null;
  @ApiProperty({ description: '决定文书号' }) documentNo: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiProperty({ format: 'date', description: '应公示日期（决定日 + 工作日）' }) dueDate: string;
  @ApiProperty({ enum: ['pending', 'published', 'recorded'], description: '待公示/已公示/不予公示（轻微失信）' }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty(nullable('date')) publishedOn: string | null;
  @ApiProperty({ ...nullable('uuid'), description: '信用记录（公示后或不予公示时归档）' }) recordId: string | null;
  @ApiProperty({ description: '逾期公示' }) late: boolean;
  @ApiProperty({ ...nullable(), enum: ['simple', 'general'], description: '处罚程序' }) procedure: string | null;
  @ApiProperty({ type: ClassificationDto, nullable: true }) classification: ClassificationDto | null;
  @ApiProperty({ description: '是否公示（轻微失信未说明必要性的不予公示）' }) publish: boolean;
  @ApiProperty({ ...nullable('date'), description: '公示截止期（分类的最长公示期，民法典第二百零一、二百零二条计算）' }) publicityUntil: string | null;
  @ApiProperty({ ...nullable('date'), description: '可申请信用修复之日（最短公示期届满次日）' }) repairableFrom: string | null;
  @ApiProperty({ ...nullable(), description: '轻微失信确有必要公示的理由' }) minorPublicationReason: string | null;
  @ApiProperty({ type: PublicTextDto, nullable: true, description: '公示文本（最新版本）' }) publicText: PublicTextDto | null;
}

/** The class and periods of a penalty before it is saved, and the guard's marks on its public text. */
export class PenaltyPreviewResultDto {
  @ApiProperty({ type: ClassificationDto }) classification: ClassificationDto;
  @ApiProperty({ description: '是否公示' }) publish: boolean;
  @ApiProperty(nullable('date')) publicityUntil: string | null;
  @ApiProperty({ format: 'date' }) repairableFrom: string;
  @ApiProperty({ example: '不予公示（轻微失信）：记录并报送市级平台，履行义务后可申请信用修复' }) notice: string;
  @ApiProperty({ type: [PublicTextFindingDto], description: '公示文本中的个人信息（不予公示时为空）' }) findings: PublicTextFindingDto[];
}

export class ApprovedPublicTextDto {
  @ApiProperty({ type: PublicTextDto }) text: PublicTextDto;
  @ApiProperty({ type: PublicityDecisionDto, nullable: true, description: '文本所属的双公示决定（审核后如设为自动公示则已公示）' })
  decision: PublicityDecisionDto | null;
}

/** A text waiting for a person, with what it belongs to. */
export class PublicTextQueueItemDto extends PublicTextDto {
  @ApiProperty() institutionName: string;
  @ApiProperty({ description: '所属记录或决定的标题' }) subject: string;
  @ApiProperty(nullable('uuid')) decisionId: string | null;
  @ApiProperty(nullable('uuid')) recordId: string | null;
}

export class PublicTextQueueDto {
  @ApiProperty({ type: [PublicTextQueueItemDto] }) items: PublicTextQueueItemDto[];
}

export class OverdueOfficeDto {
  @ApiProperty(nullable()) officeCode: string | null;
  @ApiProperty({ type: 'integer' }) late: number;
  @ApiProperty({ type: 'integer' }) dueSoon: number;
}

export class OverdueDecisionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['licence', 'penalty'] }) kind: string;
  @ApiProperty({ type: String, nullable: true, description: '自然人的决定为 null' }) uscc: string | null;
  @ApiProperty() institutionName: string;
  @ApiProperty(nullable()) officeCode: string | null;
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

/** One change the 36号令 transition made, as its reclassification record says. */
export class TransitionChangeDto {
  @ApiProperty({ format: 'uuid', description: '重新分类记录' }) id: string;
  @ApiProperty({ format: 'uuid', description: '被重新分类的记录' }) recordId: string;
  @ApiProperty() uscc: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ enum: ['penalty', 'determination'] }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiProperty({ enum: ['withdrawn', 'cut', 'reclassified'], description: '撤下/缩短公示期/仅改分类' }) action: string;
  @ApiProperty({ enum: CLASSES }) fromClass: string;
  @ApiProperty({ enum: CLASSES }) toClass: string;
  @ApiProperty(nullable('date')) previousPublicityUntil: string | null;
  @ApiProperty({ ...nullable('date'), description: '新的公示截止期（撤下时为 null）' }) publicityUntil: string | null;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty({ format: 'date', description: '处理日期' }) changedOn: string;
  @ApiProperty({ enum: ['pending', 'retrying', 'delivered', 'needs_fix'], nullable: true, description: '报送市级平台的状态' })
  platformState: string | null;
}

/** A record the guard withheld from the public until a redrafted public text is signed off. */
export class WithheldRecordDto {
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty() uscc: string;
  @ApiProperty() institutionName: string;
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiProperty({ format: 'uuid' }) publicTextId: string;
  @ApiProperty({ type: [PublicTextFindingDto] }) findings: PublicTextFindingDto[];
}

export class TransitionReportDto {
  @ApiProperty({ description: '依据' }) basis: string;
  @ApiProperty({ type: 'integer' }) withdrawn: number;
  @ApiProperty({ type: 'integer' }) cut: number;
  @ApiProperty({ type: 'integer' }) reclassified: number;
  @ApiProperty({ type: [TransitionChangeDto] }) changes: TransitionChangeDto[];
  @ApiProperty({ type: [WithheldRecordDto], description: '公示文本含个人信息、暂停公示的记录（待重新起草并审核）' }) withheld: WithheldRecordDto[];
}

export class PublicityStatisticsRowDto {
  @ApiProperty({ enum: ['licence', 'penalty'] }) kind: string;
  @ApiPropertyOptional({ enum: CLASSES, nullable: true }) class: string | null;
  @ApiProperty({ enum: ['pending', 'published', 'recorded'] }) status: string;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class PublicityStatisticsDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [PublicityStatisticsRowDto], description: '按类别、分类和状态统计的决定数（不予公示的轻微失信也计入）' })
  rows: PublicityStatisticsRowDto[];
}
