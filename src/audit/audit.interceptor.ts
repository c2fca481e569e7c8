import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Observable, tap } from 'rxjs';
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
    const write = (outcome: string, response?: Record<string, unknown>) => this.audit.record(auditEntry(spec, req, outcome, response));
    return next.handle().pipe(
      tap({
        next: (body) => void write('ok', body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined),
        error: (err: { code?: string; name?: string }) => void write(`refused:${err?.code ?? err?.name ?? 'error'}`),
      }),
    );
  }
}

export type AuditedRequest = Request & { user?: AuthUser; id?: string };

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
    ip: req.ip,
    outcome,
  };
}

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
