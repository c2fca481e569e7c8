import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { CreditRecordDto } from '../../credit-file/dto/credit-record-response.dto';

/** POST body, never a query string: an ID number must stay out of URLs and logs (issue #14 point 6). */
export class SubjectSearchDto {
  @ApiProperty({ description: '自然人证件号码（按盲索引比对，不落库明文，不写入日志）' })
  @IsString({ message: '证件号码（idNumber）必须是文本' })
  @Matches(/^[0-9A-Za-z]{5,20}$/, { message: '证件号码（idNumber）应为 5–20 位字母或数字' })
  idNumber: string;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['person'] }) kind: string;
  @ApiProperty() kindLabel: string;
  @ApiProperty({ description: '证件类型' }) idType: string;
  @ApiProperty({ description: '证件号码（脱敏）', example: '3207**********1234' }) idMasked: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) officeCode: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SubjectSearchResultDto {
  @ApiProperty({ type: [PersonDto] }) items: PersonDto[];
}

export class PersonRecordsDto {
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ type: [CreditRecordDto] }) items: CreditRecordDto[];
}

const CHANNELS = ['counter', 'post'] as const;

/** What a person handed in at the counter (窗口) or sent by post, as the officer enters it. */
export class CounterIntakeDto {
  @ApiProperty({ enum: ['objection', 'statement'], description: 'objection：对信用记录的异议；statement：陈述、申辩等书面材料' })
  @IsIn(['objection', 'statement'], { message: '材料类别（kind）只能是 objection（异议）或 statement（陈述申辩）' })
  kind: 'objection' | 'statement';

  @ApiPropertyOptional({ format: 'uuid', description: '所针对的信用记录；异议必填' })
  @IsOptional() @IsUUID('all', { message: '信用记录编号（recordId）格式不正确' }) recordId?: string;

  @ApiProperty({ enum: CHANNELS, description: 'counter：窗口递交；post：邮寄' })
  @IsIn(CHANNELS, { message: '递交方式（channel）只能是 counter（窗口）或 post（邮寄）' })
  channel: (typeof CHANNELS)[number];

  @ApiProperty({ format: 'date', description: '收到日期（期限自此计算，不是录入日期）' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '收到日期（receivedOn）应为 YYYY-MM-DD 格式的日期' })
  receivedOn: string;

  @ApiPropertyOptional({ format: 'date', description: '异议必填：所针对的决定或告知书送达申请人的日期（送达回证、邮寄签收日期）；异议期自送达次日起算' })
  @ValidateIf((o: CounterIntakeDto) => o.kind === 'objection' || o.servedOn !== undefined)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '送达日期（servedOn）应为 YYYY-MM-DD 格式的日期；异议须填写申请人收到决定或告知书的日期' })
  servedOn?: string;

  @ApiProperty({ description: '材料内容摘要（异议理由、陈述要点）' })
  @IsString() @Length(2, 5000, { message: '内容（content）应为 2–5000 个字符' }) content: string;

  @ApiPropertyOptional({ type: [String], description: '扫描材料（POST /api/subjects/{id}/uploads 上传后的编号）' })
  @IsOptional() @IsArray() @ArrayMaxSize(20, { message: '扫描材料（materialIds）最多 20 个' })
  @IsUUID('all', { each: true, message: '扫描材料编号（materialIds）格式不正确' }) materialIds?: string[];
}

export class DecideIntakeDto {
  @ApiProperty({ enum: ['upheld', 'rejected'] })
  @IsIn(['upheld', 'rejected'], { message: '处理结果（outcome）只能是 upheld（异议成立）或 rejected（异议不成立）' })
  outcome: 'upheld' | 'rejected';

  @ApiProperty() @IsString() @Length(2, 2000, { message: '理由（reasons）应为 2–2000 个字符' }) reasons: string;
}

export class CounterIntakeViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ enum: ['objection', 'statement'] }) kind: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) recordId: string | null;
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiProperty({ format: 'date' }) receivedOn: string;
  @ApiProperty() content: string;
  @ApiProperty({ type: [String] }) material: string[];
  @ApiProperty({ type: String, nullable: true }) officeCode: string | null;
  @ApiProperty({ format: 'uuid' }) enteredBy: string;
  @ApiProperty({ format: 'date-time' }) enteredAt: string;
  @ApiProperty({ enum: ['received', 'upheld', 'rejected'] }) status: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) decidedBy: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: '异议处理结果告知书（纸质送达：POST /api/documents/{id}/service）' }) documentId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '决定或告知书送达申请人的日期（异议）' }) servedOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '异议期的最后一天（送达次日起的工作日）' }) objectionDue: string | null;
  @ApiProperty({ description: '收到日期晚于异议期最后一天' }) late: boolean;
  @ApiProperty({ type: String, nullable: true, description: '逾期的认定依据（期限规则及其来源、各日期）' }) lateBasis: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '受理期限（自收到日起的工作日）' }) acceptDue: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '答复期限（自收到日起的工作日）：经办人复核任务的到期日' }) answerDue: string | null;
  @ApiProperty({ description: '尚未决定且已过答复期限' }) overdue: boolean;
}

export class CounterIntakeListDto {
  @ApiProperty({ type: [CounterIntakeViewDto] }) items: CounterIntakeViewDto[];
}

/** A row of the officers' queue: whom the objection is from (name, masked ID number) and the record it concerns. */
export class OpenIntakeDto extends CounterIntakeViewDto {
  @ApiProperty({ description: '提出异议的自然人姓名' }) subjectName: string;
  @ApiProperty({ description: '证件类型' }) idType: string;
  @ApiProperty({ description: '证件号码（脱敏）', example: '3207**********1234' }) idMasked: string;
  @ApiProperty({ type: String, nullable: true, description: '所针对的信用记录标题' }) recordTitle: string | null;
}

export class OpenIntakeListDto {
  @ApiProperty({ type: [OpenIntakeDto] }) items: OpenIntakeDto[];
}

/** The officers' queue of counter objections still to answer, by answer deadline (what a portal objection's list is). */
export class OpenIntakeQueryDto {
  @ApiPropertyOptional({ description: '只看逾期未答复的' })
  @IsOptional() @IsIn(['true', 'false'], { message: 'overdue 只能是 true 或 false' }) overdue?: 'true' | 'false';
}
