import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';

export enum InstitutionErrorCode {
  INSTITUTION_NOT_FOUND = 'INSTITUTION_NOT_FOUND',
  INSTITUTION_EXISTS = 'INSTITUTION_EXISTS',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  OFFICE_UNKNOWN = 'OFFICE_UNKNOWN',
  IMPORT_FILE_MISSING = 'IMPORT_FILE_MISSING',
  IMPORT_EMPTY = 'IMPORT_EMPTY',
  IMPORT_TOO_MANY_ROWS = 'IMPORT_TOO_MANY_ROWS',
  IMPORT_HEADER_INVALID = 'IMPORT_HEADER_INVALID',
  IMPORT_FILE_TYPE = 'IMPORT_FILE_TYPE',
  IMPORT_FILE_UNREADABLE = 'IMPORT_FILE_UNREADABLE',
  IMPORT_FILE_ENCODING = 'IMPORT_FILE_ENCODING',
  /** An .xlsx whose parts declare more than MAX_UNPACKED_BYTES unpacked (institution-sheet.reader.ts). */
  IMPORT_FILE_TOO_LARGE_UNPACKED = 'IMPORT_FILE_TOO_LARGE_UNPACKED',
  IMPORT_CELL_TOO_LONG = 'IMPORT_CELL_TOO_LONG',
  /** An import job that does not exist, or that another user submitted. */
  IMPORT_NOT_FOUND = 'IMPORT_NOT_FOUND',
  /** An import job that failed on the worker for a reason that is not the file's (its report says so). */
  IMPORT_FAILED = 'IMPORT_FAILED',
}

export const institutionNotFound = (message = '机构不存在') =>
  new DomainException(InstitutionErrorCode.INSTITUTION_NOT_FOUND, message, HttpStatus.NOT_FOUND);

export const institutionExists = (uscc: string) =>
  new DomainException(InstitutionErrorCode.INSTITUTION_EXISTS, `统一社会信用代码为 ${uscc} 的机构已存在`, HttpStatus.CONFLICT, { uscc });

/** Edited by someone else since it was read (optimistic locking on `version`). */
export const institutionVersionConflict = (currentVersion: number) =>
  new DomainException(InstitutionErrorCode.VERSION_CONFLICT, '该机构信息已被他人修改，请刷新后重试', HttpStatus.CONFLICT, { currentVersion });

export const officeUnknown = (message: string) => new DomainException(InstitutionErrorCode.OFFICE_UNKNOWN, message, HttpStatus.BAD_REQUEST);
