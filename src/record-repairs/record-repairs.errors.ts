import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';

/** Repair of a record outside a case (issue #19): every refusal names why, in Chinese, with one of these codes. */
export enum RecordRepairErrorCode {
  RECORD_REPAIR_NOT_FOUND = 'RECORD_REPAIR_NOT_FOUND',
  /** A licence, an honour, a commitment…: nothing a credit repair applies to. */
  RECORD_NOT_REPAIRABLE = 'RECORD_NOT_REPAIRABLE',
  /** A case's determination is repaired through its case (the workflow's repair application). */
  REPAIR_VIA_CASE = 'REPAIR_VIA_CASE',
  /** A penalty naming no 处罚机关代码: who determined it (谁认定谁修复) is unknown, so it is neither decided nor referred. */
  RECORD_DETERMINER_UNKNOWN = 'RECORD_DETERMINER_UNKNOWN',
  REPAIR_ALREADY_OPEN = 'REPAIR_ALREADY_OPEN',
  RECORD_ALREADY_ENDED = 'RECORD_ALREADY_ENDED',
  /** Acceptance or decision asked of an application not at that step. */
  REPAIR_NOT_AT_STEP = 'REPAIR_NOT_AT_STEP',
  REPAIR_PERIOD_NOT_REACHED = 'REPAIR_PERIOD_NOT_REACHED',
  REPAIR_FINE_UNPAID = 'REPAIR_FINE_UNPAID',
  REPAIR_COMMITMENT_MISSING = 'REPAIR_COMMITMENT_MISSING',
  /** A fine payment recorded for a penalty that imposed no fine. */
  NO_FINE_IMPOSED = 'NO_FINE_IMPOSED',
  FINE_PAYMENT_EXISTS = 'FINE_PAYMENT_EXISTS',
}

export const recordRepairNotFound = () =>
  new DomainException(RecordRepairErrorCode.RECORD_REPAIR_NOT_FOUND, '信用修复申请不存在', HttpStatus.NOT_FOUND);

export const repairError = (code: RecordRepairErrorCode, message: string, status: HttpStatus, details?: unknown) =>
  new DomainException(code, message, status, details);
