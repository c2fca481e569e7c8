import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { setupOpenApi } from './common/http/openapi';
import { bodyParsers, jsonBodyErrors } from './common/http/json-body';
import { createValidationPipe } from './common/http/validation.pipe';
import { writeLane } from './common/db/write-lane';
import { allowConsoleOrigins, securityHeaders, trustedProxies } from './http-security';
import { GATED_PATHS, reportGate } from './reports/report-gate';
import { serveWebConsole } from './web-console';

/** Everything main.ts does to the app, shared with the end-to-end tests so they test the real thing. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  // first of all: a report turned away costs one pre-built answer and nothing else (src/reports/report-gate.ts)
  app.use(GATED_PATHS, reportGate());
  app.use(securityHeaders());
  // our parsers take the names Nest looks for (jsonParser, urlencodedParser), so Nest adds none of its own
  app.use(...bodyParsers(), jsonBodyErrors);
  app.use(writeLane()); // a person's action takes the next free database connection (src/common/db/write-lane.ts)
  allowConsoleOrigins(app);
  serveWebConsole(app as NestExpressApplication);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  (app.getHttpAdapter().getInstance() as { set: (k: string, v: unknown) => void }).set('trust proxy', trustedProxies());
  setupOpenApi(app);
  return app;
}
