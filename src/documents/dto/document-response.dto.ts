import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_KINDS, SERVICE_METHODS } from '../document-kinds';

const STATUSES = ['draft', 'issued', 'void'];

/** A case's document as the case page and the portal list it. */
export class DocumentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: string;
  @ApiProperty({ example: '失信行为认定告知书' }) kindLabel: string;
  @ApiProperty({ example: '连区教信告〔2026〕12号' }) docNo: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty({ example: '已签发' }) statusLabel: string;
  @ApiProperty() addresseeName: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) issuedOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) issuedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '送达日期（期限自次日起算）' }) servedOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: '电子送达为到达机构门户的时刻；纸质送达为送达当日零时（北京时间）' })
  servedAt: string | null;
  @ApiProperty({ type: String, nullable: true, enum: SERVICE_METHODS }) serviceMethod: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceMethodLabel: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: '机构首次打开的时间：签收的证明，不是送达日期' }) openedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: '本文书更正并替代的文书' }) replaces: string | null;
  @ApiProperty({ type: String, nullable: true, description: '签发 PDF 的 SHA-256' }) sha256: string | null;
}

export class ServiceBriefDto {
  @ApiProperty({ enum: SERVICE_METHODS }) method: string;
  @ApiProperty() methodLabel: string;
  @ApiProperty({ format: 'date' }) servedOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) servedAt: string | null;
}

/** The answer of draft, issue and void. */
export class IssuedDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: string;
  @ApiProperty() docNo: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true }) sha256: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) issuedOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) issuedAt: string | null;
  @ApiProperty({ type: ServiceBriefDto, nullable: true, description: '签发时已电子送达则有值；为空表示待以其他方式送达' })
  service: ServiceBriefDto | null;
}

export class ServiceRecordDto {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ enum: SERVICE_METHODS }) method: string;
  @ApiProperty() methodLabel: string;
  @ApiProperty({ format: 'date' }) servedOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) servedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: Object, description: '送达证明：签收人、送达人、见证人、邮件号、公告载体、送达回证文号、证明文件' }) proof: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: '直接、留置送达时签发的送达回证' }) receiptDocumentId: string | null;
}

export class DocumentOpenedDto {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ format: 'date-time', description: '首次打开的时间（重复调用不变）' }) openedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: '送达时间，不因打开而改变' }) servedAt: string | null;
}

export class ConsentAddressDto {
  @ApiProperty({ enum: ['portal', 'email', 'mobile'] }) channel: string;
  @ApiProperty({ description: '邮箱、手机号已脱敏' }) address: string;
}

export class ConsentViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() uscc: string;
  @ApiProperty({ format: 'date' }) signedOn: string;
  @ApiProperty() signatory: string;
  @ApiProperty({ type: [ConsentAddressDto] }) addresses: ConsentAddressDto[];
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) evidenceFileId: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class DocumentSettingsViewDto {
  @ApiProperty() issuerName: string;
  @ApiProperty() issuerCode: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ type: Object, description: '文书种类 → 文号前缀' }) numberPrefixes: Record<string, string>;
  @ApiProperty() reviewBody: string;
  @ApiProperty() court: string;
  @ApiProperty() contactAddress: string;
  @ApiProperty() contactPhone: string;
  @ApiProperty() verifyBaseUrl: string;
  @ApiProperty({ type: Object, description: '档案种类 → 保管期限（年）' }) retentionYears: Record<string, number>;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class VerificationResultDto {
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: string;
  @ApiProperty() kindLabel: string;
  @ApiProperty() title: string;
  @ApiProperty() docNo: string;
  @ApiProperty({ format: 'date' }) issuedOn: string;
  @ApiProperty() issuer: string;
  @ApiProperty({ description: '受文单位（已脱敏）' }) addressee: string;
  @ApiProperty({ description: '存档文件与签发时的 SHA-256 一致' }) bytesIntact: boolean;
  @ApiProperty({ description: '电子签名验证通过' }) signatureValid: boolean;
  @ApiProperty({ description: '两项均通过' }) verified: boolean;
  @ApiProperty({ type: String, nullable: true, description: '已被更正文书替代时，更正文书的文号' }) replacedBy: string | null;
}
