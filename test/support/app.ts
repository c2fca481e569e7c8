import { INestApplication } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { insertDemoDocumentSettings } from '../../scripts/demo-data';
import { AppModule } from '../../src/app.module';
import { httpLoggerOptions, LoggingModule } from '../../src/common/logging/logging.module';
import { configureApp } from '../../src/bootstrap-app';
import type { Role } from '../../src/auth/role';
import { createUser, TestUser, totpOf } from './factories';

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  ds: DataSource;
  /** Creates a user with that role (staff with a second factor) and returns a bearer token for it. */
  loginAs(role: Role, opts?: { officeCode?: string | null; uscc?: string }): Promise<{ user: TestUser; token: string; refreshToken: string }>;
  /** Signs an existing test user in, with the current code of its authenticator when it has one. */
  login(user: TestUser, stepsAhead?: number): Promise<{ token: string; refreshToken: string }>;
  close(): Promise<void>;
}

/**
 * The real AppModule on the test database, Redis and Temporal server that scripts/test.sh started. `logTo` receives
 * the request log (the production options at level info) instead of the silence the test command sets.
 */
export async function createTestApp(opts: { logTo?: DestinationStream } = {}): Promise<TestApp> {
  const builder = Test.createTestingModule({ imports: [AppModule, DiscoveryModule] });
  if (opts.logTo) {
    builder.overrideModule(LoggingModule).useModule(LoggerModule.forRoot({ pinoHttp: [httpLoggerOptions('info'), opts.logTo] }));
  }
  const moduleRef = await builder.compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.init();
  const ds = app.get(DataSource);
  // the bureau's document settings, an administrator's first task in production: without them a case blocks at its
  // first document, so a suite must not depend on another having set them first (none are overwritten here; suites
  // that count document numbers set their own issuer: useFreshSettings in test/support/documents.ts)
  await insertDemoDocumentSettings(ds);
  const http = () => request(app.getHttpServer());
  const login: TestApp['login'] = async (user, stepsAhead = 0) => {
    const res = await http().post('/api/auth/login').send({ username: user.username, password: user.password, totp: totpOf(user, stepsAhead) });
    if (res.status !== 200) throw new Error(`login of ${user.username}: ${res.status} ${JSON.stringify(res.body)}`);
    return { token: res.body.accessToken as string, refreshToken: res.body.refreshToken as string };
  };
  return {
    app,
    http,
    ds,
    login,
    async loginAs(role, opts) {
      const user = await createUser(ds, role, opts);
      return { user, ...(await login(user)) };
    },
    close: () => app.close(),
  };
}
