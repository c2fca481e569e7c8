import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';

/** The statistics domain's error codes: each typed once here, thrown through DomainException with its Chinese message. */
export enum StatisticsErrorCode {
  /** A period that is not a month, quarter or year in range, or ends before it starts. */
  STATISTICS_PERIOD_INVALID = 'STATISTICS_PERIOD_INVALID',
}

export const periodInvalid = (field: string, message: string) =>
  new DomainException(StatisticsErrorCode.STATISTICS_PERIOD_INVALID, message, HttpStatus.BAD_REQUEST, { fields: [{ field, message }] });
