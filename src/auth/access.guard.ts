import { CanActivate, ExecutionContext, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { AUDIT_KEY, AuditSpec } from '../audit/audited.decorator';
import { auditEntry, AuditedRequest } from '../audit/audit.interceptor';
import { AuditService } from '../audit/audit.service';
import { DomainException, forbidden, notFound } from '../common/errors/domain.exception';
import { ACCESS_KEY, AccessRule, OWN_DATA_KEY } from './access.decorator';
import type { AuthUser } from './role';

/** Global guard: authenticates the bearer token, then checks the route's declared roles. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Optional() private readonly audit?: AuditService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [ctx.getHandler(), ctx.getClass()]);
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    if (!rule) {
      this.logger.error(`route ${req.method} ${req.path} declares no @Access rule; refused`);
      throw forbidden();
    }
    if ('public' in rule) return true;
    req.user = await this.authenticate(req);
    const refusal = this.refusal(ctx, rule.roles, req.user, req);
    if (!refusal) return true;
    // a signed-in user reaching for credit information they may not see is on record, like a refusal further in
    const spec = this.reflector.get<AuditSpec | undefined>(AUDIT_KEY, ctx.getHandler());
    if (spec && this.audit) await this.audit.record(auditEntry(spec, req as AuditedRequest, `refused:${refusal.code}`));
    throw refusal;
  }

  private refusal(ctx: ExecutionContext, roles: string[], user: AuthUser, req: Request): DomainException | null {
    if (!roles.includes(user.role)) return forbidden('当前角色无权执行此操作');
    const own = this.reflector.get<string | undefined>(OWN_DATA_KEY, ctx.getHandler());
    if (own === 'uscc' && user.role === 'institution' && String(req.params.uscc).trim().toUpperCase() !== user.uscc?.toUpperCase()) {
      return notFound('INSTITUTION_NOT_FOUND', '机构不存在');
    }
    return null;
  }

  private async authenticate(req: Request): Promise<AuthUser> {
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new DomainException('UNAUTHENTICATED', '请先登录', 401);
    try {
      const claims = await this.jwt.verifyAsync<AuthUser & { sub: string }>(token);
      return { id: claims.sub, username: claims.username, role: claims.role, officeCode: claims.officeCode, uscc: claims.uscc };
    } catch {
      throw new DomainException('TOKEN_INVALID', '登录已失效，请重新登录', 401);
    }
  }
}
