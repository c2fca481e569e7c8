import { ApiProperty } from '@nestjs/swagger';
import { InstitutionType } from '../institution-type';

export class LegalRepresentativeView {
  @ApiProperty({ example: '张三' }) name: string;
  /** Only the masked form ever leaves the service. */
  @ApiProperty({ description: '脱敏后的身份证号', example: '3207**********1234' }) idNumberMasked: string;
}

export class InstitutionResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: '统一社会信用代码' }) uscc: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: InstitutionType }) type: InstitutionType;
  @ApiProperty({ description: '机构类型中文名称', example: '校外培训机构' }) typeLabel: string;
  @ApiProperty({ type: LegalRepresentativeView }) legalRepresentative: LegalRepresentativeView;
  // always sent, null when not recorded: a client may rely on the key
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) officeCode: string | null;
  @ApiProperty({ nullable: true, type: String }) licenceNo: string | null;
  @ApiProperty({ nullable: true, type: String }) licenceScope: string | null;
  @ApiProperty({ example: 'active' }) status: string;
  @ApiProperty({ description: '乐观锁版本号，修改时回传' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class InstitutionPageDto {
  @ApiProperty({ type: [InstitutionResponseDto] }) items: InstitutionResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
