import { HttpStatus } from '@nestjs/common';
import { DomainException } from './domain.exception';

/**
 * Codes any domain answers with: a malformed request, an identifier that fails its check (the validation pipe's
 * own codes, common/http/validation.pipe.ts), an id in the wrong format.
 */
export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** A USCC failing the GB 32100-2015 check digit. */
  USCC_INVALID = 'USCC_INVALID',
  ID_NUMBER_INVALID = 'ID_NUMBER_INVALID',
  ID_INVALID = 'ID_INVALID',
}

/** 400 with the offending fields in `details` (`{ fields: [{ field, message }] }`) when there are any. */
export const validationFailed = (message: string, details?: unknown) =>
  new DomainException(CommonErrorCode.VALIDATION_FAILED, message, HttpStatus.BAD_REQUEST, details);

/** One field's mistake, in the shape the validation pipe gives every field error. */
export const fieldInvalid = (field: string, message: string) => validationFailed(message, { fields: [{ field, message }] });

export const idInvalid = (message = '编号格式不正确') => new DomainException(CommonErrorCode.ID_INVALID, message);
