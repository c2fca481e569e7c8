import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsIdNumber } from '../../common/validation/id-number';
import { EmptyAsAbsent } from '../../common/validation/query';
import { IsUscc } from '../../common/validation/uscc';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateBanDto {
  @ApiProperty({ description: '被禁入人员姓名' }) @IsString() @Length(2, 50, { message: '姓名（personName）应为 2–50 个字符' }) personName: string;
  @ApiProperty({ description: '被禁入人员身份证号（加密存储）' }) @IsIdNumber() personIdNumber: string;
  @ApiPropertyOptional({ description: '相关机构（记入其信用档案）' }) @IsOptional() @IsUscc() uscc?: string;
  @ApiProperty({ example: '2026-05-01' }) @Matches(DATE, { message: '禁入开始日期（fromDate）应为 YYYY-MM-DD' }) fromDate: string;
  @ApiProperty({ example: '2031-04-30' }) @Matches(DATE, { message: '禁入截止日期（untilDate）应为 YYYY-MM-DD' }) untilDate: string;
  @ApiProperty() @IsString() @Length(4, 2000, { message: '理由及依据（reason）应为 4–2000 个字符' }) reason: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^LY-\d{4}-\d{6}$/, { message: '案件编号（caseNo）格式不正确' }) caseNo?: string;
}

/** In a JSON body, never a query string: see MeasuresController.search. */
export class BanSearchDto {
  @ApiPropertyOptional({ description: '按被禁入人员身份证号查询' }) @EmptyAsAbsent() @IsOptional() @IsIdNumber() idNumber?: string;
}

/** The list takes no filter: `?idNumber=` (a stale link) is refused as an unknown field rather than ignored. */
export class BanListQueryDto {}
