import type { ArgumentsHost } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import Redis from 'ioredis';
import { DataSource, QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from '../../src/common/errors/all-exceptions.filter';
import { unavailableDependency } from '../../src/common/errors/unavailable';
import { dataSourceOptions } from '../../src/database/data-source';

/** Real errors from the real client libraries, each against a service that is really not there or going away. */
const CLOSED = '127.0.0.1:1';
const caught = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);

/** What an officer's browser receives for an error: status, headers and body, through the real filter. */
function answer(error: unknown) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const res = {
    status: (s: number) => ((sent.status = s), res),
    setHeader: (k: string, v: string) => { sent.headers[k] = v; },
    json: (b: unknown) => { sent.body = b; },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ url: '/api/tasks' }) }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(error, host);
  return sent;
}

describe('an outage of PostgreSQL, Temporal or Redis', () => {
  it('answers 503 with Retry-After and a Chinese "try again" when PostgreSQL refuses connections', async () => {
    const err = await caught(new DataSource({ type: 'postgres', url: `postgres://postgres@${CLOSED}/educredit`, entities: [] }).initialize());
    expect(unavailableDependency(err)).toBe('network');
    const sent = answer(err);
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe('5');
    expect(sent.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('请稍后重试'), details: { service: 'network' } });
  });

  it('recognises a query cut off by a PostgreSQL shutdown, through TypeORM', async () => {
    const ds = await new DataSource({ ...dataSourceOptions(), entities: [] }).initialize();
    try {
      // what a fast shutdown or crash restart does to every session: 57P01 admin_shutdown
      const err = await caught(ds.query('SELECT pg_terminate_backend(pg_backend_pid())'));
      expect(err).toBeInstanceOf(QueryFailedError);
      expect(unavailableDependency(err)).toBe('database');
      expect(answer(err).status).toBe(503);
    } finally {
      await ds.destroy();
    }
  });

  it('recognises an unreachable Temporal server', async () => {
    const connection = Connection.lazy({ address: CLOSED, connectTimeout: 1000, interceptors: [] }); // no client retries: fail at once
    const err = await caught(new Client({ connection }).workflow.getHandle('LY-2026-000001').describe());
    await connection.close();
    expect(unavailableDependency(err)).toBe('temporal');
    expect(answer(err).body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { service: 'temporal' } });
  });

  it('recognises a Redis connection that is gone', async () => {
    const redis = new Redis({ port: 1, maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: false });
    redis.on('error', () => undefined);
    const err = await caught(redis.get('x'));
    redis.disconnect();
    expect(unavailableDependency(err)).toBe('redis');
  });

  it('still answers 500 for a fault of our own and 409 for a duplicate', async () => {
    expect(answer(new TypeError("Cannot read properties of undefined (reading 'id')")).status).toBe(500);
    const ds = await new DataSource({ ...dataSourceOptions(), entities: [] }).initialize();
    try {
      const dup = await caught(ds.transaction(async (m) => {
        await m.query('CREATE TEMP TABLE t (id int PRIMARY KEY) ON COMMIT DROP');
        await m.query('INSERT INTO t VALUES (1), (1)');
      }));
      expect(unavailableDependency(dup)).toBeNull();
      expect(answer(dup)).toMatchObject({ status: 409, body: { code: 'DUPLICATE' } });
    } finally {
      await ds.destroy();
    }
  });
});
