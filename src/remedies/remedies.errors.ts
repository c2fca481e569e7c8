import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';

/** 行政复议 / 行政诉讼 records against a decision document (docs/effects.md). */
export enum RemedyErrorCode {
  REMEDY_NOT_FOUND = 'REMEDY_NOT_FOUND',
  /** The same remedy type against the same document is recorded once. */
  REMEDY_EXISTS = 'REMEDY_EXISTS',
  /** An outcome is recorded once; a changed or revoked decision is not decided again. */
  REMEDY_DECIDED = 'REMEDY_DECIDED',
}

export const remedyNotFound = () => new DomainException(RemedyErrorCode.REMEDY_NOT_FOUND, '复议或诉讼登记不存在', HttpStatus.NOT_FOUND);

export const remedyExists = () => new DomainException(RemedyErrorCode.REMEDY_EXISTS, '该文书的这一复议或诉讼已登记', HttpStatus.CONFLICT);

export const remedyDecided = () => new DomainException(RemedyErrorCode.REMEDY_DECIDED, '该复议或诉讼的结果已登记', HttpStatus.CONFLICT);
