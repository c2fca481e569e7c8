import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Observable, tap } from 'rxjs';
import type { AuthUser } from '../auth/role';
import { AUDIT_KEY, AuditSpec } from './audited.decorator';
import { AuditService } from './audit.service';

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
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser; id?: string }>();
    const write = (outcome: string, resourceId?: string) =>
      this.audit.record({
        actor: req.user,
        action: `${spec.resource}.${spec.action}`,
        resource: spec.resource,
        resourceId: resourceId ?? (spec.idParam ? String(req.params[spec.idParam]) : undefined),
        uscc: (req.params.uscc as string | undefined) ?? req.user?.uscc ?? undefined,
        reason: req.header('x-access-reason') ?? undefined,
        requestId: req.id ? String(req.id) : undefined,
        ip: req.ip,
        outcome,
      });
    return next.handle().pipe(
      tap({
        next: (body) => void write('ok', pickId(body)),
        error: (err: { code?: string; name?: string }) => void write(`refused:${err?.code ?? err?.name ?? 'error'}`),
      }),
    );
  }
}

function pickId(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const id = b.caseNo ?? b.uscc ?? b.id;
  return typeof id === 'string' ? id : undefined;
}
