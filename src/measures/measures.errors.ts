import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';

/** The measures catalogue's refusals (measure-catalogue.service.ts); `details.measureIds` names the ids refused. */
export enum MeasureErrorCode {
  /** Free text or an id the catalogue (全国失信惩戒措施基础清单) does not hold. */
  MEASURE_NOT_IN_CATALOGUE = 'MEASURE_NOT_IN_CATALOGUE',
  /** A measure of the other kind, or not allowed after the item and severity at hand. */
  MEASURE_NOT_APPLICABLE = 'MEASURE_NOT_APPLICABLE',
}

export const measureRefused = (code: MeasureErrorCode, message: string, measureIds: string[]) =>
  new DomainException(code, message, HttpStatus.BAD_REQUEST, { measureIds });
