import { Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainException } from '../common/errors/domain.exception';

/** Counts attempts per client address and username, so one clerk's typos do not lock out a whole office. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    return `${req.ip}:${String(req.body?.username ?? '').toLowerCase()}`;
  }

  protected override async throwThrottlingException(_: unknown, limit: ThrottlerLimitDetail): Promise<void> {
    throw new DomainException('TOO_MANY_REQUESTS', `登录尝试过于频繁，请 ${limit.timeToBlockExpire} 秒后再试`, 429,
      { retryAfterSeconds: limit.timeToBlockExpire });
  }
}
