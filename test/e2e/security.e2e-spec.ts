import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { formatBytes } from '../../src/common/http/single-file-upload';
import { createTestApp, TestApp } from '../support/app';
import { auth, TINY_PDF } from '../support/http-case';
import { withPublicLimit } from '../support/throttle';
import { registerInstitution } from './credit/helpers';

const CONSOLE = 'https://credit.jyj.example.gov.cn';

/** What a browser, an attacker's page, a scraper and an auditor would each notice about the API's defences. */
describe('security hygiene', () => {
  let t: TestApp;
  let officer: { token: string; id: string };
  let institution: { token: string; uscc: string; id: string };

  beforeAll(async () => {
    process.env.CORS_ORIGINS = CONSOLE;
    process.env.TRUST_PROXY = 'loopback'; // as behind the TLS-terminating proxy of a deployment
    t = await createTestApp();
    const o = await t.loginAs('officer', { officeCode: 'XWPX' });
    officer = { token: o.token, id: o.user.id };
    const { uscc } = await registerInstitution(t, officer.token);
    const account = await t.loginAs('institution', { uscc, officeCode: null });
    institution = { token: account.token, uscc, id: account.user.id };
  });
  afterAll(async () => {
    delete process.env.CORS_ORIGINS;
    delete process.env.TRUST_PROXY;
    await t?.close();
  });

  describe('headers', () => {
    it('sends a strict content security policy and the other helmet headers', async () => {
      const res = await t.http().get('/api/health');
      const csp = Object.fromEntries(String(res.headers['content-security-policy']).split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }));
      expect(csp).toMatchObject({
        'default-src': "'self'", 'script-src': "'self'", 'script-src-attr': "'none'", 'object-src': "'none'",
        'frame-ancestors': "'none'", 'connect-src': "'self'", 'base-uri': "'self'", 'form-action': "'self'",
      });
      expect(csp['style-src']).not.toMatch(/https:|\*/); // no stylesheet (or font) from anywhere else
      expect(csp['font-src']).not.toMatch(/https:|\*/);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer',
        'strict-transport-security': expect.stringMatching(/max-age=\d{7,}/), 'cross-origin-opener-policy': 'same-origin',
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('asks browsers to upgrade requests only when the console was reached over HTTPS', async () => {
      // over plain HTTP (an intranet address, docker-compose's port) upgrading would cut the console off its scripts
      const plain = await t.http().get('/api/health');
      expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      const tls = await t.http().get('/api/health').set('X-Forwarded-Proto', 'https'); // from the proxy TRUST_PROXY names
      expect(tls.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    });
  });

  describe('CORS', () => {
    it("lets the console's origin read answers, preflight included", async () => {
      const res = await t.http().get('/api/health').set('Origin', CONSOLE);
      expect(res.headers['access-control-allow-origin']).toBe(CONSOLE);
      const preflight = await t.http().options('/api/cases').set('Origin', CONSOLE)
        .set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'authorization,content-type');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(CONSOLE);
      expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
    });

    it('gives a foreign origin no Access-Control-Allow-Origin, so its page cannot read the answer', async () => {
      for (const origin of ['https://evil.example.com', `${CONSOLE}.evil.example.com`, 'null']) {
        const res = await t.http().get('/api/auth/me').set('Origin', origin).set(auth(officer.token));
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        const preflight = await t.http().options('/api/cases').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
        expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      }
    });
  });

  describe('rate limits', () => {
    it('answers a public scraper with 429, a Chinese message saying how long to wait, and Retry-After', async () => {
      await withPublicLimit(t, 2, async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await t.http().get(`/api/public/institutions/${institution.uscc}`)).status);
        expect(statuses.slice(2)).toEqual([429, 429]);
        const res = await t.http().get('/api/public/publicity');
        expect(res.status).toBe(429);
        expect(res.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^查询过于频繁，请 \d+ 秒后再试$/) });
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      });
    });

    it('answers a password guesser with a lock-out, a Chinese message and Retry-After (LOGIN_LOCKOUT_THRESHOLD: 5)', async () => {
      let res = await t.http().post('/api/auth/login').send({ username: 'admin-guess', password: 'x' });
      for (let i = 0; i < 5; i++) res = await t.http().post('/api/auth/login').send({ username: 'admin-guess', password: `x${i}` });
      expect(res.status).toBe(423);
      expect(res.body).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/^连续登录失败次数过多，账号已锁定，请 \d+ 分钟后再试$/) });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('uploads', () => {
    const upload = (buffer: Buffer, name: string) => t.http().post('/api/portal/uploads').set(auth(institution.token)).attach('file', buffer, name);

    it('refuses a file whose content is not what its name says, or a kind it does not accept', async () => {
      const html = Buffer.from('<html><script>alert(1)</script></html>');
      for (const [buffer, name] of [[html, '整改报告.pdf'], [html, 'report.html'], [Buffer.from('MZ\x90\x00'), '材料.exe'], [TINY_PDF, '材料.svg']] as const) {
        const res = await upload(buffer, name);
        expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status: 415, code: 'UPLOAD_TYPE' });
        expect(res.body.message).toMatch(/只接受 PDF/);
      }
    });

    it('refuses a file over the size limit with 413 and a Chinese message that states the limit', async () => {
      const limit = Number(process.env.UPLOAD_MAX_BYTES ?? 10 * 1024 * 1024);
      const big = Buffer.concat([TINY_PDF, Buffer.alloc(limit)]);
      const res = await upload(big, '超大材料.pdf');
      expect(res.status).toBe(413);
      expect(res.body).toEqual({
        code: 'PAYLOAD_TOO_LARGE', message: `文件超过 ${formatBytes(limit)} 的上限，请压缩或拆分后重新上传`, details: { maxBytes: limit },
      });
      expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB'); // the default limit, as a person reads it
    });

    it('stores an accepted file by its hash outside the web root, where no URL reaches it', async () => {
      const res = await upload(TINY_PDF, '办学许可证.pdf').expect(201);
      const sha = createHash('sha256').update(TINY_PDF).digest('hex');
      expect(res.body.sha256).toBe(sha);
      const dir = resolve(process.env.UPLOAD_DIR ?? 'var/uploads');
      const stored = join(dir, sha.slice(0, 2), sha);
      expect(readFileSync(stored)).toEqual(TINY_PDF);
      const webRoot = resolve(process.env.WEB_DIST_DIR ?? 'web/dist');
      expect(relative(webRoot, stored).startsWith('..')).toBe(true);
      expect(existsSync(join(webRoot, sha))).toBe(false);
      for (const path of [`/${relative(process.cwd(), stored)}`, `/uploads/${sha.slice(0, 2)}/${sha}`, `/api/uploads/${res.body.id}`]) {
        // a built console answers unknown paths with its index.html; what matters is that the file never comes back
        const got = await t.http().get(path).set(auth(institution.token)).buffer(true).parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done(null, Buffer.concat(chunks)));
        });
        expect({ path, served: (got.body as Buffer).includes(TINY_PDF) }).toEqual({ path, served: false });
      }
    });
  });

  describe('audit log', () => {
    /** The interceptor writes its row once the answer has gone out, so give it a moment under load. */
    async function auditRow(sql: string, params: unknown[]) {
      for (let i = 0; i < 50; i++) {
        const [row] = await t.ds.query(sql, params);
        if (row) return row;
        await new Promise((r) => setTimeout(r, 100));
      }
      return undefined;
    }

    it('records who read a credit file and why', async () => {
      const reason = '信用审查：办学许可延续（海教许〔2026〕12号）';
      await t.http().get(`/api/institutions/${institution.uscc}/credit-file`).set(auth(officer.token))
        .set('X-Access-Reason', encodeURIComponent(reason)).expect(200);
      const row = await auditRow(
        `SELECT actor_id, actor_role, action, resource_id, uscc, reason, outcome, request_id FROM audit_log
          WHERE action = 'credit-file.read' AND resource_id = $1 ORDER BY id DESC LIMIT 1`, [institution.uscc]);
      expect(row).toMatchObject({ actor_id: officer.id, actor_role: 'officer', uscc: institution.uscc, reason, outcome: 'ok' });
      expect(row.request_id).toBeTruthy();
    });

    it('records a write of credit information with its author', async () => {
      const res = await t.http().post(`/api/institutions/${institution.uscc}/credit-file`).set(auth(officer.token))
        .set('X-Access-Reason', encodeURIComponent('录入表彰决定')).send({
          kind: 'honour', title: '诚信办学示范单位', decisionDate: '2026-03-01', documentNo: `HZ-JYJ-${Date.now()}`,
        }).expect(201);
      const row = await auditRow(
        `SELECT actor_id, reason, outcome FROM audit_log WHERE action = 'credit-record.create' AND uscc = $1 ORDER BY id DESC LIMIT 1`,
        [institution.uscc]);
      expect(res.body.id).toBeTruthy();
      expect(row).toEqual({ actor_id: officer.id, reason: '录入表彰决定', outcome: 'ok' });
    });

    it('records who reached for credit information the access rules refused them', async () => {
      const other = await registerInstitution(t, officer.token);
      await t.http().get(`/api/institutions/${other.uscc}/credit-file`).set(auth(institution.token)).expect(404);
      const auditor = await t.loginAs('auditor', { officeCode: null });
      await t.http().post(`/api/institutions/${other.uscc}/credit-file`).set(auth(auditor.token)).send({}).expect(403);
      const rows = await t.ds.query(
        `SELECT actor_id, action, outcome FROM audit_log WHERE uscc = $1 AND actor_id <> $2 ORDER BY id`, [other.uscc, officer.id]);
      expect(rows).toEqual([
        { actor_id: institution.id, action: 'credit-file.read', outcome: 'refused:INSTITUTION_NOT_FOUND' },
        { actor_id: auditor.user.id, action: 'credit-record.create', outcome: 'refused:FORBIDDEN' },
      ]);
    });

    it('cannot be changed or deleted, not even by the database user the API runs as', async () => {
      const [{ id }] = await t.ds.query(`SELECT max(id)::text AS id FROM audit_log`);
      await expect(t.ds.query(`UPDATE audit_log SET reason = '篡改' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(t.ds.query(`DELETE FROM audit_log WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    });
  });
});
