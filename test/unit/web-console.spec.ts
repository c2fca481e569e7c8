import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { serveWebConsole } from '../../src/web-console';

@Module({})
class NoRoutes {}

const SCRIPT = `console.log(${JSON.stringify('教育信用'.repeat(200))});`;

describe('serveWebConsole', () => {
  let base: string;
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    // installed under a dot directory (~/.cache/…, a clone in /tmp/.x/): every page used to answer 404
    base = mkdtempSync(join(tmpdir(), 'web-console-'));
    const dist = join(base, '.cache', 'edu-credit', 'web', 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>教育信用监管系统</title>');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dist, 'assets', 'index-AbC123.js'), SCRIPT);
    writeFileSync(join(dist, 'assets', 'index-AbC123.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(dist, 'assets', 'index-AbC123.js.gz'), gzipSync(SCRIPT));
    app = await NestFactory.create<NestExpressApplication>(NoRoutes, { logger: false });
    expect(serveWebConsole(app, dist)).toBe(true);
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    rmSync(base, { recursive: true, force: true });
  });

  it('serves the login page from a path under a dot directory, never cached stale', async () => {
    const res = await http().get('/login').set('Accept', 'text/html').expect(200);
    expect(res.text).toContain('教育信用监管系统');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('sends a hashed script brotli-compressed to a browser that accepts brotli, cached a year as immutable', async () => {
    // a browser's header, with br last: any of them will do, and the smallest is chosen
    const res = await http().get('/assets/index-AbC123.js').set('Accept-Encoding', 'gzip, deflate, br').expect(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(Number(res.headers['content-length'])).toBe(brotliCompressSync(SCRIPT).length); // on the wire
    expect(res.text).toBe(SCRIPT); // supertest decodes it as a browser would
  });

  it('sends gzip to a browser without brotli (Chromium over plain HTTP), and the plain file to one without either', async () => {
    const gz = await http().get('/assets/index-AbC123.js').set('Accept-Encoding', 'gzip, deflate').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBe(gzipSync(SCRIPT).length);
    expect(gz.text).toBe(SCRIPT);
    const plain = await http().get('/assets/index-AbC123.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(SCRIPT);
  });

  it('answers a missing chunk (an old tab after a new build) with 404, not with index.html', async () => {
    await http().get('/assets/CasePage-OldHash.js').set('Accept', '*/*').expect(404);
  });

  it('leaves /api to the API and non-page requests alone', async () => {
    await http().get('/api/nothing-here').set('Accept', 'text/html').expect(404);
    const favicon = await http().get('/favicon.svg').expect(200);
    expect(favicon.headers['cache-control']).toBe('public, max-age=3600');
  });
});
