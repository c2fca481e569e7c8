import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsUscc } from '../../common/validation/uscc';
import { EmptyAsAbsent } from '../../common/validation/query';

export class WatchlistQueryDto {
  @EmptyAsAbsent() @IsOptional() @IsString({ message: '科室代码（officeCode）必须是文本' }) @Length(1, 50, { message: '科室代码（officeCode）不正确' })
  officeCode?: string;

  @EmptyAsAbsent() @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value)) @IsOptional() @IsUscc()
  uscc?: string;
}
