import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { maskIdNumbersIn } from '../crypto/mask';
import { DomainException } from './domain.exception';
import { unavailableDependency } from './unavailable';
import { CaseErrorCode } from '../../cases/case.errors';
import { CommonErrorCode } from './common.errors';

interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

const GENERIC: Record<number, ErrorBody> = {
  400: { code: CommonErrorCode.BAD_REQUEST, message: '请求格式不正确' },
  401: { code: CommonErrorCode.UNAUTHENTICATED, message: '请先登录' },
  403: { code: CommonErrorCode.FORBIDDEN, message: '无权访问该资源' },
  404: { code: CommonErrorCode.NOT_FOUND, message: '请求的资源不存在' },
  405: { code: CommonErrorCode.METHOD_NOT_ALLOWED, message: '不支持该请求方法' },
  409: { code: CommonErrorCode.CONFLICT, message: '数据冲突，请刷新后重试' },
  413: { code: CommonErrorCode.PAYLOAD_TOO_LARGE, message: '上传内容过大' },
  415: { code: CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, message: '不支持的内容类型' },
  429: { code: CommonErrorCode.TOO_MANY_REQUESTS, message: '请求过于频繁，请稍后再试' },
};

/** Seconds a client should wait before retrying after an outage of a service we depend on. */
const RETRY_AFTER_S = 5;
/** An update that timed out may still take effect: the user must look before trying again. */
const CASE_BUSY: ErrorBody = { code: CommonErrorCode.CASE_BUSY, message: '案件处理暂未完成，操作可能已经生效，请稍后刷新页面确认结果后再操作' };
const UNAVAILABLE: ErrorBody = { code: CommonErrorCode.SERVICE_UNAVAILABLE, message: '系统暂时无法处理请求，请稍后重试；如已提交，请先刷新确认结果' };

/** The workflow's refusals (workflows/contracts.ts RejectCode) as HTTP statuses; the rest are conflicts with the case's state. */
const FAILURE_STATUS: Record<string, number> = {
  FORBIDDEN: 403, WRONG_PARTY: 403, TASK_NOT_CANDIDATE: 403, OUTCOME_INVALID: 400, SAME_PERSON: 403, MEASURE_NOT_IN_CATALOGUE: 400,
};

/** One place that turns every failure into `{code, message, details}`; 5xx only for our own faults. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    const [status, body] = this.map(exception);
    if (status === 503) {
      this.logger.warn({ err: exception, path: maskIdNumbersIn(req.url), unavailable: body.details }, 'dependency unavailable');
      res.setHeader('Retry-After', String(RETRY_AFTER_S));
    } else if (status >= 500) {
      this.logger.error({ err: exception, path: maskIdNumbersIn(req.url) }, 'unhandled error');
    }
    res.status(status).json(body);
  }

  private map(e: unknown): [number, ErrorBody] {
    if (e instanceof DomainException) return [e.status, { code: e.code, message: e.message, details: e.details }];
    if (e instanceof WorkflowUpdateFailedError) return this.fromFailure(e.cause);
    // the workflow's own rules (workflows/task-rules.ts) run in the API too, for the worklist's writes (issue #20)
    if (e instanceof ApplicationFailure && e.type) return this.fromFailure(e);
    if (e instanceof WorkflowNotFoundError) return [404, { code: CaseErrorCode.CASE_NOT_FOUND, message: '案件流程不存在' }];
    if (e instanceof ThrottlerException) return [429, GENERIC[429]];
    const unavailable = unavailableDependency(e);
    if (unavailable === 'case-busy') return [503, CASE_BUSY];
    if (unavailable) return [503, { ...UNAVAILABLE, details: { service: unavailable } }];
    if (e instanceof HttpException) return this.fromHttp(e);
    if (e instanceof QueryFailedError && (e as QueryFailedError & { code?: string }).code === '23505') {
      return [409, { code: CommonErrorCode.DUPLICATE, message: '记录已存在' }];
    }
    return [500, { code: CommonErrorCode.INTERNAL_ERROR, message: '系统内部错误，请联系管理员' }];
  }

  /** Update validators and activities reject with ApplicationFailure(type = our code). */
  private fromFailure(cause: unknown): [number, ErrorBody] {
    if (cause instanceof ApplicationFailure && cause.type) {
      return [FAILURE_STATUS[cause.type] ?? (cause.type.endsWith('NOT_FOUND') ? 404 : 409), { code: cause.type, message: cause.message, details: cause.details?.[0] }];
    }
    return [500, { code: CommonErrorCode.INTERNAL_ERROR, message: '系统内部错误，请联系管理员' }];
  }

  private fromHttp(e: HttpException): [number, ErrorBody] {
    const status = e.getStatus();
    const generic = GENERIC[status] ?? { code: HttpStatus[status] ?? 'HTTP_ERROR', message: e.message };
    const response = e.getResponse();
    const details = typeof response === 'object' && response && 'details' in response ? response.details : undefined;
    return [status, details ? { ...generic, details } : generic];
  }
}
