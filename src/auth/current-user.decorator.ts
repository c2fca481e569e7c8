import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthUser } from './role';
import type { Authenticated } from './session-check';

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user;
});

/** The session the request's token belongs to (AccessGuard sets it beside the user). */
export const CurrentSession = createParamDecorator((_: unknown, ctx: ExecutionContext): Authenticated['session'] => {
  return ctx.switchToHttp().getRequest().session;
});
