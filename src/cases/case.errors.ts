import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';

/**
 * The API's own refusals about cases and their tasks. The workflow's refusals (stage, party, deadline) are its
 * RejectCode (workflows/contracts.ts), which the error filter answers as they come.
 */
export enum CaseErrorCode {
  CASE_NOT_FOUND = 'CASE_NOT_FOUND',
  TASK_NOT_FOUND = 'TASK_NOT_FOUND',
  TASK_CLOSED = 'TASK_CLOSED',
  TASK_ID_INVALID = 'TASK_ID_INVALID',
  /** Someone claimed, released, reassigned or completed the task between reading and writing it (issue #20). */
  TASK_CHANGED = 'TASK_CHANGED',
  /** Resuming a case that is not blocked (or already closed). */
  CASE_NOT_BLOCKED = 'CASE_NOT_BLOCKED',
  /** The behaviour's date lies in the future. */
  OCCURRED_IN_FUTURE = 'OCCURRED_IN_FUTURE',
}

/** Also what an institution hears about another institution's case: it must not learn that the case exists. */
export const caseNotFound = (message = '案件不存在') => new DomainException(CaseErrorCode.CASE_NOT_FOUND, message, HttpStatus.NOT_FOUND);

export const taskNotFound = () => new DomainException(CaseErrorCode.TASK_NOT_FOUND, '任务不存在', HttpStatus.NOT_FOUND);

export const taskClosed = () => new DomainException(CaseErrorCode.TASK_CLOSED, '任务已办结或已取消', HttpStatus.CONFLICT);

export const taskChanged = () => new DomainException(CaseErrorCode.TASK_CHANGED, '任务刚被他人处理，请刷新后重试', HttpStatus.CONFLICT);

export const taskIdInvalid = () => new DomainException(CaseErrorCode.TASK_ID_INVALID, '任务编号格式不正确');

export const occurredInFuture = (today: string) =>
  new DomainException(CaseErrorCode.OCCURRED_IN_FUTURE, `失信行为发生日期不能晚于今天（${today}）`, HttpStatus.BAD_REQUEST);
