import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

/**
 * The caller's X-Request-Id, kept beside our own id (audit_log.client_request_id, the log's clientRequestId) and
 * never used as it: a client could otherwise file its requests under another's id. Printable ASCII, 64 characters.
 */
function clientRequestId(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\x20-\x7e]{1,64}$/.test(value) ? value : undefined;
}

/** JSON logs; every request gets an id of our own (a UUID), echoed in the response as X-Request-Id. */
@Module({
  imports: [
    LoggerModule.forRoot({
      pinoHttp: {
        level: process.env.LOG_LEVEL ?? 'info',
        genReqId: (req, res) => {
          const id = randomUUID();
          (req as { clientRequestId?: string }).clientRequestId = clientRequestId(req.headers['x-request-id']);
          res.setHeader('X-Request-Id', id);
          return id;
        },
        redact: ['req.headers.authorization', 'req.body.password', '*.idNumber'],
        customProps: (req) => ({
          userId: (req as { user?: { id: string } }).user?.id,
          clientRequestId: (req as { clientRequestId?: string }).clientRequestId,
        }),
        autoLogging: { ignore: (req) => req.url === '/api/health' },
      },
    }),
  ],
})
export class LoggingModule {}
