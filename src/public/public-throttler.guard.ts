import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainException } from '../common/errors/domain.exception';
import { CommonErrorCode } from '../common/errors/common.errors';

/**
 * Counts anonymous requests per client address (behind a proxy TRUST_PROXY names, the real client's), across all
 * public routes together: a scraper does not get a fresh allowance for each lookup it alternates between. The
 * counters are in Redis (src/redis/redis-throttler.storage.ts), shared by every API process.
 */
@Injectable()
export class PublicThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    return `public:${req.ip}`;
  }

  protected override generateKey(_: ExecutionContext, tracker: string, throttler: string): string {
    return `${throttler}:${tracker}`;
  }

  protected override async throwThrottlingException(_: unknown, limit: ThrottlerLimitDetail): Promise<void> {
    throw new DomainException(CommonErrorCode.TOO_MANY_REQUESTS, `查询过于频繁，请 ${limit.timeToBlockExpire} 秒后再试`, 429,
      { retryAfterSeconds: limit.timeToBlockExpire });
  }
}

// Read per request (validated at start-up by src/config/env.schema.ts), so a test can lower them on a running app.
export const publicLimit = () => Number(process.env.PUBLIC_THROTTLE_LIMIT ?? 60);
export const publicTtlMs = () => Number(process.env.PUBLIC_THROTTLE_TTL_MS ?? 60_000);
