import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import Redis from 'ioredis';
import type { AppEnv } from '../config/env.schema';
import { REDIS } from '../redis/redis.module';
import { RedisThrottlerStorage } from '../redis/redis-throttler.storage';
import { AccessGuard } from './access.guard';
import { AccountRepository } from './account.repository';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { SessionCheck } from './session-check';
import { SessionService } from './session.service';
import { TotpController } from './totp.controller';
import { UserSecurityController } from './user-security/user-security.controller';
import { UserSecurityService } from './user-security/user-security.service';

/** Sign-in, sessions and account security; global so the queue board and the directory check sessions the same way. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      global: true,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppEnv, true>) => {
        const secret = config.get('JWT_SECRET', { infer: true });
        if (!secret) throw new Error('JWT_SECRET is not set: `npm run up` generates var/secrets.env; a deployment sets its own (docs/identity.md)');
        return {
          // A key object, not the string: jsonwebtoken otherwise first tries the string as a PEM public key on every
          // verification and builds a thrown error each time (a tenth of the API's CPU under load).
          secret: createSecretKey(secret, 'utf8'),
          signOptions: { expiresIn: config.get('JWT_EXPIRES_IN'), issuer: 'edu-credit', algorithm: 'HS256' },
          verifyOptions: { issuer: 'edu-credit', algorithms: ['HS256'] },
        };
      },
    }),
    // the public pages' limits (src/public/public-throttler.guard.ts) are per route; the counters live in Redis
    ThrottlerModule.forRootAsync({
      inject: [ConfigService, REDIS],
      useFactory: (config: ConfigService<AppEnv, true>, redis: Redis) => ({
        throttlers: [{ ttl: config.get('PUBLIC_THROTTLE_TTL_MS'), limit: config.get('PUBLIC_THROTTLE_LIMIT') }],
        storage: new RedisThrottlerStorage(redis, config.get('QUEUE_PREFIX', { infer: true })),
      }),
    }),
  ],
  controllers: [AuthController, TotpController, UserSecurityController],
  providers: [
    AccountRepository, AuthService, AccountService, SessionService, SessionCheck, LoginLimiter, UserSecurityService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, SessionCheck, SessionService],
})
export class AuthModule {}
