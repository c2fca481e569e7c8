import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

/** JSON logs; every request carries an id (the caller's X-Request-Id or a new one) echoed in the response. */
@Module({
  imports: [
    LoggerModule.forRoot({
      pinoHttp: {
        level: process.env.LOG_LEVEL ?? 'info',
        genReqId: (req, res) => {
          const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
          res.setHeader('X-Request-Id', id);
          return id;
        },
        redact: ['req.headers.authorization', 'req.body.password', '*.idNumber'],
        customProps: (req) => ({ userId: (req as { user?: { id: string } }).user?.id }),
        autoLogging: { ignore: (req) => req.url === '/api/health' },
      },
    }),
  ],
})
export class LoggingModule {}
