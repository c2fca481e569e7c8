import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { Worker } from '@temporalio/worker';
import type { Response } from 'supertest';
import { ROLES, type Role } from '../../src/auth/role';
import { BOARD_PATH, BOARD_ROLES } from '../../src/platform/bull-board';
import { createCaseWorker } from '../../src/temporal/create-case-worker';
import { AccessFixtures, buildAccessFixtures, InstitutionRows } from '../support/access-fixtures';
import { createTestApp, TestApp } from '../support/app';
import { auth, TINY_PDF } from '../support/http-case';
import { AppRoute, paramsOf, routesOf } from '../support/routes';
import { quietTemporalRuntime, workerContext } from '../support/temporal';

type Caller = Role | 'anonymous';
const CALLERS: Caller[] = ['anonymous', ...ROLES];

/** `:id` of these routes names a row an institution owns; every other `:id` is a staff-side row (fixtures.ids). */
const INSTITUTION_IDS: Record<string, keyof InstitutionRows> = {
  '/api/commitments/:id': 'commitmentId',
  '/api/credit-objections/:id': 'objectionId',
  '/api/inbox/:id': 'messageId',
  '/api/documents/:id': 'documentId',
  '/api/portal/documents/:id': 'documentId',
};
const OWNED_PARAMS: Record<string, keyof InstitutionRows> = { uscc: 'uscc', caseNo: 'caseNo', recordId: 'recordId' };
const namesOwnedRow = (r: AppRoute) => (p: string) => !!OWNED_PARAMS[p] || (p === 'id' && Object.keys(INSTITUTION_IDS).some((k) => r.path.startsWith(k)));

/**
 * Valid bodies for the routes an institution may write to: with them the ownership check, not the validation
 * pipe, is what answers a call on another institution's data. A new such route must add one here.
 */
const INSTITUTION_BODIES: Record<string, (r: InstitutionRows) => object> = {
  'POST /api/commitments': (r) => ({ uscc: r.uscc, purpose: 'other', reference: `CN-${randomBytes(3).toString('hex')}`,
    content: '本机构承诺如实报送办学信息，接受社会监督', signerName: '陈明远', dueDate: '2027-06-30' }),
  'POST /api/institutions/:uscc/credit-file/:recordId/objections': () => ({ type: 'objection', reason: '该记录与本机构无关，请予核实' }),
  'POST /api/integrity-education/activities': (r) => ({ uscc: r.uscc, theme: '诚信主题班会', date: '2026-11-20', participants: 30, evidenceFileIds: [r.uploadId] }),
  'POST /api/portal/cases/:caseNo/objection': (r) => ({ reason: '我机构已取得办学许可证，认定事实有误', fileIds: [r.uploadId] }),
  'POST /api/portal/cases/:caseNo/statement': (r) => ({ reason: '我机构已停止违规行为，申请不列入名单', fileIds: [r.uploadId] }),
  'POST /api/portal/cases/:caseNo/rectification-report': (r) => ({ summary: '已停止招生并办理许可证续期', fileIds: [r.uploadId] }),
  'POST /api/portal/cases/:caseNo/repair-application': (r) => ({ routes: ['commitment'], commitment: '本机构承诺今后依法依规办学', fileIds: [r.uploadId] }),
  'POST /api/portal/record-repairs': (r) => ({ recordId: r.recordId, correction: '已停止违规行为并完成整改', commitment: '本机构承诺今后依法依规办学' }),
  'POST /api/portal/uploads': () => ({}), // multipart: see send()
  'POST /api/inbox/:id/read': () => ({}),
  // the account's own security: no other institution's row can be named
  'POST /api/auth/password': () => ({ currentPassword: 'not-the-password', newPassword: 'Quanxian#Juzhen-2026' }),
  'POST /api/auth/totp/enroll': () => ({}),
  'POST /api/auth/totp/confirm': () => ({ code: '000000' }),
  'POST /api/portal/documents/:id/opened': () => ({}),
};

const key = (r: AppRoute) => `${r.method} ${r.path}`;
const isRead = (r: AppRoute) => r.method === 'GET';

/**
 * Proof that deny-by-default holds: every route, every role, no token, and one institution reaching for another's data.
 * The expectations are the routes' own declarations (`@Access`, `@Public`, `@OwnDataOnly`); the matrix is written to
 * test-output/access-matrix*.txt on every run.
 */
describe('access matrix', () => {
  let t: TestApp;
  let ctx: INestApplicationContext;
  let worker: Worker;
  let running: Promise<void>;
  let f: AccessFixtures;
  let routes: AppRoute[];

  beforeAll(async () => {
    quietTemporalRuntime();
    [t, ctx] = await Promise.all([createTestApp(), workerContext()]);
    worker = await createCaseWorker(ctx);
    running = worker.run();
    // Bull Board is plain Express mounted beside Nest's routes, with its rule declared at the mount
    routes = [...routesOf(t.app), { method: 'GET', path: `${BOARD_PATH}/api/queues`, handler: 'BullBoardMount', rule: { roles: BOARD_ROLES }, ownData: undefined }];
    f = await buildAccessFixtures(t);
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await t?.close();
    await ctx?.close();
  });

  /** A real path for the route with the rows of `rows`' institution; a parameter no fixture provides fails the test by name. */
  function pathFor(route: AppRoute, rows: InstitutionRows, caller: Caller): string {
    return route.path.replace(/:(\w+)/g, (_, p: string) => {
      const at = route.path.slice(0, route.path.indexOf(`:${p}`) + p.length + 1);
      // a row only its creator may read: the caller's own if it has one, else any (the caller is refused anyway)
      const own = f.ownByCaller[at] && (f.ownByCaller[at][caller as Role] ?? Object.values(f.ownByCaller[at])[0]);
      const value = own ? own : p === 'id' ? (INSTITUTION_IDS[at] ? rows[INSTITUTION_IDS[at]] : f.ids[at])
        : OWNED_PARAMS[p] ? rows[OWNED_PARAMS[p]] : f.shared[p];
      if (!value) throw new Error(`no fixture row for :${p} of ${key(route)}: add one to test/support/access-fixtures.ts`);
      return encodeURIComponent(value);
    });
  }

  function send(route: AppRoute, caller: Caller, rows: InstitutionRows, query: Record<string, string> = {}): Promise<Response> {
    const req = t.http()[route.method.toLowerCase() as 'get'](pathFor(route, rows, caller)).query(query);
    if (caller !== 'anonymous') req.set(auth(caller === 'institution' ? f.own.token : f.tokens[caller]));
    if (key(route) === 'POST /api/portal/uploads') return req.attach('file', TINY_PDF, '材料.pdf');
    if (isRead(route)) return req;
    return req.send(caller === 'institution' ? INSTITUTION_BODIES[key(route)]?.(rows) ?? {} : {});
  }

  /** What the declaration promises: 401 without a token, 403 for a role outside the rule, anything but 401/403/5xx inside it. */
  function verdict(route: AppRoute, caller: Caller, status: number): string | null {
    const rule = route.rule;
    if (!rule) return 'no @Access/@Public rule';
    const allowed = 'public' in rule || (caller !== 'anonymous' && rule.roles.includes(caller));
    if (allowed && (status === 401 || status === 403 || status >= 500)) return `permitted, got ${status}`;
    // the path names real rows, so a permitted read must really succeed (a 404 here is an over-eager ownership check)
    if (allowed && isRead(route) && paramsOf(route.path).length && status >= 300) return `permitted read of a real row, got ${status}`;
    if (allowed) return null;
    const want = caller === 'anonymous' ? 401 : 403;
    return status === want ? null : `expected ${want}, got ${status}`;
  }

  /** Any identifier of the other institution in an institution's answer is a leak. */
  const leaks = (res: Response) => {
    const text = JSON.stringify(res.body ?? '') + (res.text ?? '');
    const { token: _secret, ...ids } = f.other;
    return Object.values(ids).filter((v) => text.includes(v));
  };

  /** Keys of stored personal data (issue #14 point 2): no answer, to anyone, may carry `…Enc` or `…Hmac`. */
  const sealedKeys = (body: unknown, path = ''): string[] => {
    if (Array.isArray(body)) return body.flatMap((v, i) => sealedKeys(v, `${path}[${i}]`));
    if (!body || typeof body !== 'object') return [];
    return Object.entries(body).flatMap(([k, v]) => (/(Enc|Hmac)$/.test(k) ? [`${path}.${k}`] : sealedKeys(v, `${path}.${k}`)));
  };

  it('declares who may call every route of the running app', () => {
    expect(routes.length).toBeGreaterThan(90);
    expect(routes.filter((r) => !r.rule).map(key)).toEqual([]);
  });

  it('answers every route for every role and without a token exactly as its rule declares', async () => {
    const auditBefore = await auditDigest();
    const ordered = [...routes.filter(isRead), ...routes.filter((r) => !isRead(r))]; // reads before writes change the rows
    const rows: string[] = [];
    const unexpected: string[] = [];
    for (const route of ordered) {
      const cells: string[] = [];
      for (const caller of CALLERS) {
        const res = await send(route, caller, f.own);
        const wrong = verdict(route, caller, res.status) ?? (caller === 'institution' && leaks(res).length ? `leaks ${leaks(res).join(', ')}` : null)
          ?? (isRead(route) && sealedKeys(res.body).length ? `answers ciphertext or a blind index: ${sealedKeys(res.body).join(', ')}` : null);
        if (wrong) unexpected.push(`${key(route)} as ${caller}: ${wrong} ${JSON.stringify(res.body).slice(0, 160)}`);
        cells.push(`${res.status}${wrong ? '!' : ''}`);
      }
      rows.push(`${key(route).padEnd(72)} ${cells.map((c) => c.padStart(5)).join(' ')}  ${describeRule(route)}`);
    }
    const table = [`${'route'.padEnd(72)} ${CALLERS.map((c) => c.slice(0, 5).padStart(5)).join(' ')}  rule`, ...rows].join('\n');
    attach('access-matrix.txt', table);
    if (unexpected.length) throw new Error(`${unexpected.length} unexpected answers:\n${unexpected.join('\n')}\n\n${table}`);
    // every call above went through the audit interceptor; none of them may have changed or removed an audit row
    const auditAfter = await auditDigest();
    expect(auditAfter.count).toBeGreaterThan(auditBefore.count);
    expect(await auditDigest(auditBefore.maxId)).toEqual(auditBefore);
  }, 120_000);

  it("never gives an institution another institution's case, file, upload, evaluation or deadlines", async () => {
    const reachable = routes.filter((r) => r.rule && 'roles' in r.rule && r.rule.roles.includes('institution'));
    // a route that lets institutions name a row in its path must declare whose row it has to be
    const undeclared = reachable.filter((r) => !r.ownData && paramsOf(r.path).some(namesOwnedRow(r))).map(key);
    expect(undeclared).toEqual([]);
    expect(reachable.filter((r) => !isRead(r) && !INSTITUTION_BODIES[key(r)]).map(key)).toEqual([]);
    const unexpected: string[] = [];
    const rows: string[] = [];
    for (const route of reachable) {
      // the other institution's rows in the path and the body; lists also get its USCC or case number as a filter
      const variants: Record<string, string>[] = route.ownData || !isRead(route) ? [{}] : [{}, { uscc: f.other.uscc }, { caseNo: f.other.caseNo }];
      for (const query of variants) {
        const res = await send(route, 'institution', f.other, query);
        let wrong: string | null = null;
        if (route.ownData && res.status !== 404) wrong = `declares @OwnDataOnly('${route.ownData}') but answered ${res.status}, not 404`;
        else if (res.status < 300 && leaks(res).length) wrong = `response names ${leaks(res).join(', ')}`;
        if (wrong) unexpected.push(`${key(route)} ${JSON.stringify(query)}: ${wrong} ${JSON.stringify(res.body).slice(0, 160)}`);
        rows.push(`${`${key(route)} ${Object.keys(query).join('')}`.padEnd(80)} ${String(res.status).padStart(4)}${wrong ? '!' : ''} ${res.body?.code ?? ''}`);
      }
    }
    attach('access-matrix-other-institution.txt', rows.join('\n'));
    if (unexpected.length) throw new Error(`${unexpected.length} reached another institution's data:\n${unexpected.join('\n')}\n\n${rows.join('\n')}`);
    expect(reachable.filter((r) => r.ownData).length).toBeGreaterThanOrEqual(14);
  }, 60_000);

  it("refuses a submission that attaches another institution's upload, and serves no upload back", async () => {
    const own = f.own;
    const res = await t.http().post('/api/integrity-education/activities').set(auth(own.token))
      .send({ theme: '诚信主题班会', date: '2026-11-20', participants: 30, evidenceFileIds: [f.other.uploadId] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('UPLOAD_NOT_FOUND');
    const report = await t.http().post(`/api/portal/cases/${own.caseNo}/rectification-report`).set(auth(own.token))
      .send({ summary: '整改材料见附件', fileIds: [f.other.uploadId] });
    expect(report.status).toBe(400);
    expect(report.body.code).toBe('UPLOAD_NOT_FOUND');
    // uploads are stored by content hash outside any web root: no path under the API's origin returns the file
    // (a built console answers unknown paths with its index.html, so look at what comes back, not at the status)
    const [{ sha256 }] = await t.ds.query(`SELECT sha256 FROM uploads WHERE id = $1`, [f.other.uploadId]);
    for (const path of [`/${sha256.slice(0, 2)}/${sha256}`, `/uploads/${sha256.slice(0, 2)}/${sha256}`, `/api/uploads/${f.other.uploadId}`]) {
      const got = await t.http().get(path).set(auth(own.token)).buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect({ path, served: (got.body as Buffer).includes(TINY_PDF) }).toEqual({ path, served: false });
    }
  });

  async function auditDigest(uptoId?: string) {
    const [row] = await t.ds.query(
      `SELECT count(*)::int AS count, max(id)::text AS "maxId", md5(string_agg(a::text, '|' ORDER BY id)) AS digest
         FROM audit_log a WHERE $1::bigint IS NULL OR id <= $1`, [uptoId ?? null]);
    return row as { count: number; maxId: string; digest: string };
  }
});

function describeRule(route: AppRoute): string {
  if (!route.rule) return 'UNDECLARED';
  if ('public' in route.rule) return 'public';
  return route.rule.roles.join(',') + (route.ownData ? ` (institution: own :${route.ownData} only)` : '');
}

/** Kept next to the screenshots so a reviewer can read who may call what without running anything. */
function attach(name: string, text: string): void {
  mkdirSync('test-output', { recursive: true });
  writeFileSync(`test-output/${name}`, `${text}\n`);
}
