import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../role';

/** The signed-in account as its token names it. */
export class CurrentUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ type: String, nullable: true, description: '所属科室' }) officeCode: string | null;
  @ApiProperty({ type: String, nullable: true, description: '机构账号所属机构的统一社会信用代码' }) uscc: string | null;
}
