import { HttpStatus } from '@nestjs/common';
import { DomainException } from './domain.exception';

/**
 * Codes any domain answers with: a malformed request, an identifier that fails its check (the validation pipe's
 * own codes, common/http/validation.pipe.ts), an id in the wrong format, and the codes the error filter gives a
 * failure that carries none (all-exceptions.filter.ts).
 */
export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** A USCC failing the GB 32100-2015 check digit. */
  USCC_INVALID = 'USCC_INVALID',
  ID_NUMBER_INVALID = 'ID_NUMBER_INVALID',
  ID_INVALID = 'ID_INVALID',
  BAD_REQUEST = 'BAD_REQUEST',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  CONFLICT = 'CONFLICT',
  /** A unique constraint refused a second copy of a record. */
  DUPLICATE = 'DUPLICATE',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** A JSON body nested deeper than MAX_JSON_DEPTH, refused before parsing (common/http/json-body.ts). */
  BODY_TOO_DEEP = 'BODY_TOO_DEEP',
  /** A JSON body with a prototype key (`__proto__`, `constructor`, `prototype`). */
  BODY_KEY_FORBIDDEN = 'BODY_KEY_FORBIDDEN',
  BODY_INVALID_JSON = 'BODY_INVALID_JSON',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The case's workflow did not answer in time; the action may still take effect. */
  CASE_BUSY = 'CASE_BUSY',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

/** 400 with the offending fields in `details` (`{ fields: [{ field, message }] }`) when there are any. */
export const validationFailed = (message: string, details?: unknown) =>
  new DomainException(CommonErrorCode.VALIDATION_FAILED, message, HttpStatus.BAD_REQUEST, details);

/** One field's mistake, in the shape the validation pipe gives every field error. */
export const fieldInvalid = (field: string, message: string) => validationFailed(message, { fields: [{ field, message }] });

export const forbidden = (message = '无权访问该资源') => new DomainException(CommonErrorCode.FORBIDDEN, message, HttpStatus.FORBIDDEN);

export const idInvalid = (message = '编号格式不正确') => new DomainException(CommonErrorCode.ID_INVALID, message);
