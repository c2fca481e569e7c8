import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Counts anonymous requests per client address (behind the loopback proxy, the real client's). */
@Injectable()
export class PublicThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    return `public:${req.ip}`;
  }
}

/** Requests per minute per address (PUBLIC_THROTTLE_LIMIT, default 60); read per request so tests can lower it. */
export const publicLimit = () => Number(process.env.PUBLIC_THROTTLE_LIMIT ?? 60);
export const PUBLIC_TTL_MS = 60_000;
