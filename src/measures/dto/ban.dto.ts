import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIdNumber } from '../../common/validation/id-number';
import { EmptyAsAbsent } from '../../common/validation/query';

/** In a JSON body, never a query string: see IndustryBansController.search. */
export class BanSearchDto {
  @ApiPropertyOptional({ description: '按被禁入人员身份证号查询' }) @EmptyAsAbsent() @IsOptional() @IsIdNumber() idNumber?: string;
}

/** The list takes no filter: `?idNumber=` (a stale link) is refused as an unknown field rather than ignored. */
export class BanListQueryDto {}
