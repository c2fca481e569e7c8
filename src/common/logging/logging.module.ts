import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { maskIdNumbersIn } from '../crypto/mask';
import { errSerializer } from './error-redaction';

/**
 * The caller's X-Request-Id, kept beside our own id (audit_log.client_request_id, the log's clientRequestId) and
 * never used as it: a client could otherwise file its requests under another's id. Printable ASCII, 64 characters.
 */
function clientRequestId(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\x20-\x7e]{1,64}$/.test(value) ? value : undefined;
}

function maskQuery(query: unknown): unknown {
  if (typeof query === 'string') return maskIdNumbersIn(query);
  if (Array.isArray(query)) return query.map(maskQuery);
  if (query && typeof query === 'object') return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, maskQuery(v)]));
  return query;
}

/** JSON request logs; every request gets an id of our own (a UUID), echoed in the response as X-Request-Id. */
export function httpLoggerOptions(level = process.env.LOG_LEVEL ?? 'info'): Options {
  return {
    level,
    genReqId: (req, res) => {
      const id = randomUUID();
      (req as { clientRequestId?: string }).clientRequestId = clientRequestId(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    redact: ['req.headers.authorization', 'req.body.password', '*.idNumber', '*.*.idNumber'],
    serializers: {
      // a failed query's SQL, bound values and driver detail never reach the log (error-redaction.ts)
      err: errSerializer,
      // pino-http hands over the standard serialization of the request; the URL keeps its query string
      req: (req: { url?: string; query?: unknown; params?: unknown }) => ({
        ...req, url: req.url && maskIdNumbersIn(req.url), query: maskQuery(req.query), params: maskQuery(req.params),
      }),
    },
    customProps: (req) => ({
      userId: (req as { user?: { id: string } }).user?.id,
      clientRequestId: (req as { clientRequestId?: string }).clientRequestId,
    }),
    autoLogging: { ignore: (req) => req.url === '/api/health' },
  };
}

@Module({ imports: [LoggerModule.forRoot({ pinoHttp: httpLoggerOptions() })] })
export class LoggingModule {}
