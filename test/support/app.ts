import { INestApplication } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/bootstrap-app';
import type { Role } from '../../src/auth/role';
import { createUser, TestUser } from './factories';

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  ds: DataSource;
  /** Creates a user with that role and returns a bearer token for it. */
  loginAs(role: Role, opts?: { officeCode?: string | null; uscc?: string }): Promise<{ user: TestUser; token: string }>;
  close(): Promise<void>;
}

/** The real AppModule on the test database, Redis and Temporal server that scripts/test.sh started. */
export async function createTestApp(): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule, DiscoveryModule] }).compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.init();
  const ds = app.get(DataSource);
  const http = () => request(app.getHttpServer());
  return {
    app,
    http,
    ds,
    async loginAs(role, opts) {
      const user = await createUser(ds, role, opts);
      const res = await http().post('/api/auth/login').send({ username: user.username, password: user.password }).expect(200);
      return { user, token: res.body.accessToken as string };
    },
    close: () => app.close(),
  };
}
