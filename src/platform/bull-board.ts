import { Controller, Delete, HttpCode, Injectable, OnModuleInit, Post, Req, Res } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { Access } from '../auth/access.decorator';
import type { AuthUser, Role } from '../auth/role';
import { SessionCheck } from '../auth/session-check';
import { accessReason } from '../audit/audit.interceptor';
import { AuditService } from '../audit/audit.service';
import { NotificationQueue } from '../notifications/notification-queue';
import { QueueSessionClosedDto, QueueSessionDto } from './dto/platform-response.dto';
import { PlatformQueues } from './platform-queues';
import { AuthErrorCode, TOKEN_INVALID_MESSAGE } from '../auth/auth.errors';
import { CommonErrorCode } from '../common/errors/common.errors';

export const BOARD_PATH = '/api/admin/queues';
/** Who may open the board, declared like a route's `@Access` (the access matrix test reads it). */
export const BOARD_ROLES: Role[] = ['admin'];
const COOKIE = 'edu_queues';

// Bull Board's page pulls its fonts from Google and styles inline; everything else stays as strict as helmet's default.
const BOARD_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com",
  "font-src 'self' data: https://fonts.gstatic.com", "img-src 'self' data:", "connect-src 'self'", "frame-ancestors 'none'",
].join('; ');

/**
 * Mounts Bull Board on the API's express instance. Its router is plain express, so Nest's guards never see its
 * requests: this mount authenticates first, against the live session as AccessGuard does, and lets admins
 * only. A browser cannot send a bearer header when it navigates, so POST /api/admin/queue-session turns the
 * admin's token into an HttpOnly, SameSite=Strict cookie scoped to the board's path.
 */
@Injectable()
export class BullBoardMount implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly sessions: SessionCheck,
    private readonly audit: AuditService,
    private readonly platform: PlatformQueues,
    private readonly notifications: NotificationQueue,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http) return; // the worker is an application context without HTTP
    const board = new ExpressAdapter().setBasePath(BOARD_PATH);
    createBullBoard({
      queues: [...this.platform.all(), this.notifications.queue].map((q) => new BullMQAdapter(q)),
      // @bull-board/express pins its own copy of @bull-board/api; the two copies differ only in private members
      serverAdapter: board as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
      options: { uiConfig: { boardTitle: '教育信用 · 队列' } },
    });
    // runs after Nest registered its routes and before its not-found handler (NestApplication.init)
    http.getInstance().use(BOARD_PATH, (req: Request, res: Response, next: NextFunction) => void this.guard(req, res, next), board.getRouter());
  }

  private async guard(req: Request, res: Response, next: NextFunction): Promise<void> {
    const [scheme, bearer] = (req.headers.authorization ?? '').split(' ');
    const token = scheme === 'Bearer' && bearer ? bearer : readCookie(req, COOKIE);
    if (!token) {
      res.status(401).json({ code: CommonErrorCode.UNAUTHENTICATED, message: '请先登录' });
      return;
    }
    let user: AuthUser;
    try {
      const signedIn = await this.sessions.authenticate(token);
      if (signedIn.session.scope !== 'full') throw new Error('session still in setup');
      user = signedIn.user;
    } catch {
      res.status(401).json({ code: AuthErrorCode.TOKEN_INVALID, message: TOKEN_INVALID_MESSAGE });
      return;
    }
    if (!BOARD_ROLES.includes(user.role)) {
      res.status(403).json({ code: CommonErrorCode.FORBIDDEN, message: '当前角色无权执行此操作' });
      return;
    }
    if (req.method !== 'GET') {
      // retrying, removing or cleaning jobs changes what reaches the platform: who did it is on record
      void this.audit.record({ actor: user, action: `admin_queues.${req.method.toLowerCase()}`, resource: 'admin_queues',
        resourceId: req.path, reason: accessReason(req.header('x-access-reason')), ip: req.ip, outcome: 'ok' });
    }
    res.setHeader('Content-Security-Policy', BOARD_CSP);
    next();
  }
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/queue-session')
export class QueueSessionController {
  /** Lets an admin's browser open the board: the same token, as a cookie only the board's path receives. */
  @Post()
  @HttpCode(200)
  @Access('admin')
  @ApiOkResponse({ type: QueueSessionDto })
  open(@Req() req: Request, @Res({ passthrough: true }) res: Response): { url: string } {
    const token = (req.headers.authorization ?? '').split(' ')[1];
    res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: BOARD_PATH, maxAge: 8 * 3600_000 });
    return { url: `${BOARD_PATH}/` };
  }

  @Delete()
  @HttpCode(200)
  @Access('admin')
  @ApiOkResponse({ type: QueueSessionClosedDto })
  close(@Res({ passthrough: true }) res: Response): { ok: true } {
    res.clearCookie(COOKIE, { path: BOARD_PATH });
    return { ok: true };
  }
}
