import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { DomainException } from '../common/errors/domain.exception';
import { validateEnv } from '../config/env.schema';
import { REDIS } from '../redis/redis.module';
import { AuthErrorCode } from './auth.errors';
import { CommonErrorCode } from '../common/errors/common.errors';

// one round trip each, atomic: a count and its expiry cannot drift apart when two API processes count at once
const COUNT = `local n = redis.call('INCR', KEYS[1])
if n == 1 or ARGV[2] == 'slide' then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;
const READ = `return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]),
  tonumber(redis.call('GET', KEYS[2]) or '0'), redis.call('PTTL', KEYS[2])}`;

/**
 * Failed sign-ins, counted in Redis so every API process sees the same numbers (issue #14 point 7):
 * - per username: LOGIN_LOCKOUT_THRESHOLD failures in a row lock it for LOGIN_LOCKOUT_MINUTES after the last one,
 *   whether the account exists or not, so a lock-out does not tell which usernames are real
 *   (GB/T 22239-2019 8.1.4.1 b: 登录失败处理功能);
 * - per client address: LOGIN_ADDRESS_LIMIT failures per LOGIN_ADDRESS_WINDOW_MINUTES, against one address trying
 *   many usernames. Only failures count: an office signing in together behind one address is never held up.
 * The address is Express's `req.ip`, which honours X-Forwarded-For only from the proxies TRUST_PROXY names.
 */
@Injectable()
export class LoginLimiter {
  private readonly prefix: string;
  private readonly threshold: number;
  private readonly lockMs: number;
  private readonly addressLimit: number;
  private readonly windowMs: number;

  // the environment as this process started, read once (like the platform and notification settings)
  constructor(@Inject(REDIS) private readonly redis: Redis) {
    const env = validateEnv(process.env);
    this.prefix = `${env.QUEUE_PREFIX}:login`;
    this.threshold = env.LOGIN_LOCKOUT_THRESHOLD;
    this.lockMs = env.LOGIN_LOCKOUT_MINUTES * 60_000;
    this.addressLimit = env.LOGIN_ADDRESS_LIMIT;
    this.windowMs = env.LOGIN_ADDRESS_WINDOW_MINUTES * 60_000;
  }

  /** Refuses before the password is even checked: a locked username, or an address over its limit. */
  async assertAllowed(username: string, ip: string | undefined): Promise<void> {
    const [userFails, userTtl, addressFails, addressTtl] = (await this.redis.eval(READ, 2, this.userKey(username), this.addressKey(ip))) as number[];
    if (userFails >= this.threshold) {
      const wait = Math.ceil(Math.max(userTtl, 1000) / 60_000);
      throw new DomainException(AuthErrorCode.ACCOUNT_LOCKED, `连续登录失败次数过多，账号已锁定，请 ${wait} 分钟后再试`, 423,
        { retryAfterSeconds: Math.ceil(Math.max(userTtl, 1000) / 1000) });
    }
    if (addressFails >= this.addressLimit) {
      const seconds = Math.ceil(Math.max(addressTtl, 1000) / 1000);
      throw new DomainException(CommonErrorCode.TOO_MANY_REQUESTS, `登录尝试过于频繁，请 ${seconds} 秒后再试`, 429, { retryAfterSeconds: seconds });
    }
  }

  async failed(username: string, ip: string | undefined): Promise<void> {
    await this.redis.eval(COUNT, 1, this.userKey(username), this.lockMs, 'slide');
    await this.redis.eval(COUNT, 1, this.addressKey(ip), this.windowMs, 'fixed');
  }

  async succeeded(username: string): Promise<void> {
    await this.redis.del(this.userKey(username));
  }

  /** An administrator's password reset also lifts a lock-out. */
  unlock(username: string): Promise<number> {
    return this.redis.del(this.userKey(username));
  }

  private userKey(username: string): string {
    return `${this.prefix}:user:${username.trim().toLowerCase()}`;
  }

  private addressKey(ip: string | undefined): string {
    return `${this.prefix}:address:${ip ?? 'unknown'}`;
  }
}
