import { ApiProperty } from '@nestjs/swagger';

/** A signed commitment; the signer's name is masked. */
export class CommitmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() uscc: string;
  @ApiProperty({ enum: ['licence_notice', 'repair', 'annual', 'other'] }) purpose: string;
  @ApiProperty({ description: '告知承诺制审批、信用修复、年度信用、其他' }) purposeLabel: string;
  @ApiProperty() content: string;
  @ApiProperty({ example: '陈*' }) signerName: string;
  @ApiProperty({ format: 'date' }) signedOn: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ format: 'uuid', description: '承诺记入信用档案的记录' }) recordId: string;
  @ApiProperty({ enum: ['active', 'awaiting_verification', 'kept', 'broken'] }) status: string;
  @ApiProperty({ description: '履约中、待核实、已核实履约、已违约' }) statusLabel: string;
  @ApiProperty({ type: String, nullable: true, enum: ['kept', 'not_kept'], description: '教育局的核实结果，未核实为空' })
  verification: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '核实日期；已履约的加分自此日起计' }) verifiedOn: string | null;
  @ApiProperty({ type: String, nullable: true, description: '核实意见' }) verificationNote: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) brokenOn: string | null;
  @ApiProperty({ type: String, nullable: true }) brokenReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: '违约后立案的案件编号' }) caseNo: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CommitmentListDto {
  @ApiProperty({ type: [CommitmentDto] }) items: CommitmentDto[];
}
