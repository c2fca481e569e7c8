import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { concatMap, from, map, Observable, tap } from 'rxjs';
import type { AuthUser } from '../auth/role';
import { AUDIT_KEY, AuditSpec } from './audited.decorator';
import { AuditEntry, AuditService } from './audit.service';

/** Writes one audit row per call of an `@Audited` route, whether it succeeded or was refused. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditSpec | undefined>(AUDIT_KEY, ctx.getHandler());
    if (!spec) return next.handle();
    const req = ctx.switchToHttp().getRequest<AuditedRequest>();
    const entry = (outcome: string, body?: unknown) =>
      auditEntry(spec, req, outcome, body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined);
    const refused = tap({ error: (err: { code?: string; name?: string }) => void this.audit.record(entry(`refused:${err?.code ?? err?.name ?? 'error'}`)) });
    // A read answers only once it is on record (an audit failure fails the read); a write is already made, so its
    // row is best effort and a failure is logged for reconciliation.
    if (req.method === 'GET') {
      return next.handle().pipe(refused, concatMap((body) => from(this.audit.recordOrFail(entry('ok', body))).pipe(map(() => body))));
    }
    return next.handle().pipe(refused, tap((body) => void this.audit.record(entry('ok', body))));
  }
}

/** `id` is ours (src/common/logging/logging.module.ts); `clientRequestId` what the caller sent as X-Request-Id. */
export type AuditedRequest = Request & { user?: AuthUser; id?: string; clientRequestId?: string };

/** One audit row for a call of an `@Audited` route: who, what, about which institution, why, and how it ended. */
export function auditEntry(spec: AuditSpec, req: AuditedRequest, outcome: string, response?: Record<string, unknown>): AuditEntry {
  return {
    actor: req.user,
    action: `${spec.resource}.${spec.action}`,
    resource: spec.resource,
    resourceId: (spec.idParam ? String(req.params[spec.idParam]) : undefined) ?? pickId(response),
    uscc: str(req.params.uscc) ?? str(response?.uscc) ?? str(req.body?.uscc) ?? req.user?.uscc ?? undefined,
    reason: accessReason(req.header('x-access-reason')),
    requestId: req.id ? String(req.id) : undefined,
    clientRequestId: req.clientRequestId,
    ip: req.ip,
    outcome,
  };
}

/** Where a request came from, for audit rows written outside the interceptor (sign-in, account security). */
export const requestMeta = (req: AuditedRequest) => ({ ip: req.ip, requestId: req.id ? String(req.id) : undefined, clientRequestId: req.clientRequestId });

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** HTTP headers carry ASCII only, so the console percent-encodes the Chinese purpose; keep what a person typed. */
export function accessReason(header: string | undefined): string | undefined {
  if (!header) return undefined;
  try {
    return decodeURIComponent(header).slice(0, 500);
  } catch {
    return header.slice(0, 500);
  }
}

function pickId(body?: Record<string, unknown>): string | undefined {
  return body ? str(body.caseNo) ?? str(body.uscc) ?? str(body.id) : undefined;
}
