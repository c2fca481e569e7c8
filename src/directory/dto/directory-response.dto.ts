import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../../auth/role';

export class OfficeDto {
  @ApiProperty({ example: 'XWPX' }) code: string;
  @ApiProperty({ example: '校外培训监管科' }) name: string;
}

/** An account as the directory shows it; never its password hash. */
export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) officeCode: string | null;
  @ApiProperty({ type: String, nullable: true, description: '机构账号所属机构' }) uscc: string | null;
  @ApiProperty({ type: String, nullable: true, description: '执法证号' }) enforcementCertNo: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: '已绑定动态口令' }) totpEnrolled: boolean;
  @ApiProperty({ description: '下次登录须修改密码' }) mustChangePassword: boolean;
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
}
