import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppEnv } from '../config/env.schema';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { UserEntity } from './user.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      global: true,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppEnv, true>) => ({
        // A key object, not the string: jsonwebtoken otherwise first tries the string as a PEM public key on every
        // verification and builds a thrown error each time (a tenth of the API's CPU under load).
        secret: createSecretKey(config.get<string>('JWT_SECRET'), 'utf8'),
        signOptions: { expiresIn: config.get('JWT_EXPIRES_IN'), issuer: 'edu-credit', algorithm: 'HS256' },
        verifyOptions: { issuer: 'edu-credit', algorithms: ['HS256'] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppEnv, true>) => [
        { ttl: config.get('LOGIN_THROTTLE_TTL_MS'), limit: config.get('LOGIN_THROTTLE_LIMIT') },
      ],
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService],
})
export class AuthModule {}
