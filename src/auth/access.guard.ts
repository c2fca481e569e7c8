import { CanActivate, ExecutionContext, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AUDIT_KEY, AuditSpec } from '../audit/audited.decorator';
import { auditEntry, AuditedRequest } from '../audit/audit.interceptor';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { ACCESS_KEY, AccessRule, DURING_SETUP_KEY, OWN_DATA_KEY } from './access.decorator';
import type { AuthUser } from './role';
import { Authenticated, SessionCheck } from './session-check';
import { institutionNotFound } from '../institutions/institution.errors';
import { AuthErrorCode } from './auth.errors';
import { CommonErrorCode, forbidden } from '../common/errors/common.errors';

type GuardedRequest = Request & { user?: AuthUser; session?: Authenticated['session'] };

/** Global guard: authenticates the bearer token against the live session, then checks the route's declared roles. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionCheck,
    @Optional() private readonly audit?: AuditService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [ctx.getHandler(), ctx.getClass()]);
    const req = ctx.switchToHttp().getRequest<GuardedRequest>();
    if (!rule) {
      this.logger.error(`route ${req.method} ${req.path} declares no @Access rule; refused`);
      throw forbidden();
    }
    if ('public' in rule) return true;
    const { user, session } = await this.authenticate(req);
    req.user = user;
    req.session = session;
    const refusal = this.refusal(ctx, rule.roles, user, req);
    if (!refusal) return true;
    // a signed-in user reaching for credit information they may not see is on record, like a refusal further in
    const spec = this.reflector.get<AuditSpec | undefined>(AUDIT_KEY, ctx.getHandler());
    if (spec && this.audit) await this.audit.record(auditEntry(spec, req as AuditedRequest, `refused:${refusal.code}`));
    throw refusal;
  }

  private refusal(ctx: ExecutionContext, roles: string[], user: AuthUser, req: GuardedRequest): DomainException | null {
    if (req.session?.scope === 'setup' && !this.reflector.get<boolean>(DURING_SETUP_KEY, ctx.getHandler())) {
      return new DomainException(AuthErrorCode.SETUP_REQUIRED, '请先完成账号安全设置（修改初始密码、绑定动态口令）', 403);
    }
    if (!roles.includes(user.role)) return forbidden('当前角色无权执行此操作');
    const own = this.reflector.get<string | undefined>(OWN_DATA_KEY, ctx.getHandler());
    if (own === 'uscc' && user.role === 'institution' && String(req.params.uscc).trim().toUpperCase() !== user.uscc?.toUpperCase()) {
      return institutionNotFound();
    }
    return null;
  }

  private authenticate(req: Request): Promise<Authenticated> {
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new DomainException(CommonErrorCode.UNAUTHENTICATED, '请先登录', 401);
    return this.sessions.authenticate(token);
  }
}
