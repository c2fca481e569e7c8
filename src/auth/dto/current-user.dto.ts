import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../role';

/** The signed-in account as it is now (not as its token was signed). */
export class CurrentUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ type: String, nullable: true, description: '所属科室' }) officeCode: string | null;
  @ApiProperty({ type: String, nullable: true, description: '机构账号所属机构的统一社会信用代码' }) uscc: string | null;
  @ApiProperty({ enum: ['password_change', 'totp_enrolment'], isArray: true, description: '须先完成的账号安全事项' }) requirements: string[];
  @ApiProperty({ description: '是否已绑定动态口令' }) totpEnrolled: boolean;
}
