import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';

export enum CreditRecordErrorCode {
  CREDIT_RECORD_NOT_FOUND = 'CREDIT_RECORD_NOT_FOUND',
  CREDIT_RECORD_INVALID = 'CREDIT_RECORD_INVALID',
  SOURCE_REF_CONFLICT = 'SOURCE_REF_CONFLICT',
}

/** Also what an institution hears about another institution's record. */
export const creditRecordNotFound = (message = '信用记录不存在') =>
  new DomainException(CreditRecordErrorCode.CREDIT_RECORD_NOT_FOUND, message, HttpStatus.NOT_FOUND);
