import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';

export enum PolicyErrorCode {
  POLICY_NOT_FOUND = 'POLICY_NOT_FOUND',
  POLICY_INVALID = 'POLICY_INVALID',
}

export const policyNotFound = (message: string) => new DomainException(PolicyErrorCode.POLICY_NOT_FOUND, message, HttpStatus.NOT_FOUND);

/** The first problem as the message, all of them as `details.fields`. */
export const policyInvalid = (fields: { field?: string; message: string }[]) =>
  new DomainException(PolicyErrorCode.POLICY_INVALID, fields[0].message, HttpStatus.BAD_REQUEST, { fields });
