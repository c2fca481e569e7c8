import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';
import { InstitutionErrorCode } from '../institutions/institution.errors';

/**
 * The refusals of 限制从业 and its penalty procedure (docs/industry-bans.md). The same-person refusals are the
 * four-eyes guard's `SAME_PERSON` (common/four-eyes/four-eyes.errors.ts); an unknown institution is the
 * institutions' `INSTITUTION_NOT_FOUND`, answered here as a 400 because it is a field of the request.
 */
export enum IndustryBanErrorCode {
  BAN_PROPOSAL_NOT_FOUND = 'BAN_PROPOSAL_NOT_FOUND',
  /** A step taken while the proposal stands elsewhere; `details.status` says where. */
  BAN_STEP_OUT_OF_ORDER = 'BAN_STEP_OUT_OF_ORDER',
  BAN_NOT_FOUND = 'BAN_NOT_FOUND',
  BAN_ENDED = 'BAN_ENDED',
  BAN_TERM_INVALID = 'BAN_TERM_INVALID',
  /** 行政处罚法 art. 42: two officers with certificates, the second an officer of the same office. */
  SECOND_OFFICER_INVALID = 'SECOND_OFFICER_INVALID',
  ENFORCEMENT_CERT_MISSING = 'ENFORCEMENT_CERT_MISSING',
  NOT_SECOND_OFFICER = 'NOT_SECOND_OFFICER',
  STATEMENT_PERIOD_PENDING = 'STATEMENT_PERIOD_PENDING',
  HEARING_ALREADY_REQUESTED = 'HEARING_ALREADY_REQUESTED',
  /** 行政处罚法 art. 64: requested within 5 working days of the notice's service. */
  HEARING_REQUEST_LATE = 'HEARING_REQUEST_LATE',
  HEARING_NOTICED = 'HEARING_NOTICED',
  /** 行政处罚法 art. 64: the hearing notice is served 7 working days before the hearing. */
  HEARING_NOTICE_TOO_LATE = 'HEARING_NOTICE_TOO_LATE',
  HEARING_NOT_NOTICED = 'HEARING_NOT_NOTICED',
  /** 行政处罚法 art. 64(2): the hearing is held on the day its notice gave, so its record cannot be dated earlier. */
  HEARING_BEFORE_NOTICED_DAY = 'HEARING_BEFORE_NOTICED_DAY',
  NEW_CHAIR_REQUIRED = 'NEW_CHAIR_REQUIRED',
  NOT_HEARING_CHAIR = 'NOT_HEARING_CHAIR',
  /** 行政处罚法 art. 64: the chair is not one of the case's investigators. */
  CHAIR_INVESTIGATED = 'CHAIR_INVESTIGATED',
  CHAIR_INVALID = 'CHAIR_INVALID',
  /** 行政处罚法 art. 57: a heavier penalty is decided by the heads' collective discussion. */
  COLLECTIVE_DISCUSSION_REQUIRED = 'COLLECTIVE_DISCUSSION_REQUIRED',
  DECISION_SERVED = 'DECISION_SERVED',
  SERVED_BEFORE_DECISION = 'SERVED_BEFORE_DECISION',
  DATE_IN_FUTURE = 'DATE_IN_FUTURE',
}

/** 400: the request, or the step it asks for, breaks a rule of the procedure. */
export const banRefused = (code: IndustryBanErrorCode, message: string, details?: unknown) =>
  new DomainException(code, message, HttpStatus.BAD_REQUEST, details);

/** 403: the step is someone else's to take (the second officer's, the hearing chair's). */
export const notYourStep = (code: IndustryBanErrorCode, message: string) => new DomainException(code, message, HttpStatus.FORBIDDEN);

export const banProposalNotFound = () =>
  new DomainException(IndustryBanErrorCode.BAN_PROPOSAL_NOT_FOUND, '限制从业案件不存在', HttpStatus.NOT_FOUND);

export const banStepOutOfOrder = (status: string, label: string) =>
  new DomainException(IndustryBanErrorCode.BAN_STEP_OUT_OF_ORDER, `该案件当前处于“${label}”阶段，不能办理此步骤`, HttpStatus.CONFLICT, { status });

export const banNotFound = () =>
  new DomainException(IndustryBanErrorCode.BAN_NOT_FOUND, '该限制从业处罚不存在或尚未作出决定', HttpStatus.NOT_FOUND);

export const servedBeforeDecision = () => banRefused(IndustryBanErrorCode.SERVED_BEFORE_DECISION, '送达日期不能早于决定日期');

/** The institution the ban names is a field of the request, so its absence is a 400 rather than the institutions' 404. */
export const institutionUnknown = () => new DomainException(InstitutionErrorCode.INSTITUTION_NOT_FOUND, '机构不存在', HttpStatus.BAD_REQUEST);
