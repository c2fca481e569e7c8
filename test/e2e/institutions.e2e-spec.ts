import { randomBytes } from 'node:crypto';
import { createTestApp, TestApp } from '../support/app';
import { makeIdNumber, makeUscc } from '../support/factories';

const CHINESE = /[\u4e00-\u9fff]/;

function institutionBody(overrides: Record<string, unknown> = {}) {
  return {
    uscc: makeUscc(),
    name: `海州区测试培训学校${randomBytes(3).toString('hex')}`,
    type: 'off_campus_training',
    legalRepresentative: { name: '张三', idNumber: makeIdNumber() },
    address: '连云港市海州区朝阳路 1 号',
    officeCode: 'XWPX',
    ...overrides,
  };
}

/** Same first 17 characters, wrong check character. */
function corruptUscc(valid: string): string {
  return valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
}

/** The audit row is written after the response is produced; give it a moment instead of racing it. */
async function eventually<T>(probe: () => Promise<T | undefined>, ms = 3000): Promise<T | undefined> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const found = await probe();
    if (found !== undefined) return found;
  }
  return undefined;
}

describe('Institutions (e2e)', () => {
  let t: TestApp;
  let officer: string;
  let officerId: string;
  let existing: ReturnType<typeof institutionBody>;

  beforeAll(async () => {
    t = await createTestApp();
    ({ token: officer, user: { id: officerId } } = await t.loginAs('officer'));
    existing = institutionBody();
    await t.http().post('/api/institutions').auth(officer, { type: 'bearer' }).send(existing).expect(201);
  });

  afterAll(async () => {
    await t?.close();
  });

  const post = (body: unknown, token = officer) =>
    t.http().post('/api/institutions').auth(token, { type: 'bearer' }).send(body as object);

  describe('POST /institutions', () => {
    it('creates an institution and only ever shows the ID number masked', async () => {
      const body = institutionBody();
      const plainId = body.legalRepresentative.idNumber;

      const res = await post(body).expect(201);

      expect(res.body).toMatchObject({ uscc: body.uscc, type: 'off_campus_training', typeLabel: '校外培训机构', version: 1 });
      expect(res.body.legalRepresentative.idNumberMasked).toBe(`${plainId.slice(0, 4)}**********${plainId.slice(-4)}`);
      expect(JSON.stringify(res.body)).not.toContain(plainId);
      const [row] = await t.ds.query('SELECT legal_rep_id_enc, legal_rep_id_hmac FROM institutions WHERE uscc = $1', [body.uscc]);
      expect(row.legal_rep_id_enc).not.toContain(plainId);
      expect(row.legal_rep_id_hmac).not.toContain(plainId);
    });

    it('rejects a USCC with a wrong check character with USCC_INVALID and a Chinese message', async () => {
      const res = await post(institutionBody({ uscc: corruptUscc(makeUscc()) })).expect(400);

      expect(res.body.code).toBe('USCC_INVALID');
      expect(res.body.message).toMatch(CHINESE);
    });

    it('refuses a second institution with the same USCC with 409 INSTITUTION_EXISTS', async () => {
      const res = await post(institutionBody({ uscc: existing.uscc })).expect(409);

      expect(res.body.code).toBe('INSTITUTION_EXISTS');
    });

    it('answers 401 without a token', async () => {
      await t.http().post('/api/institutions').send(institutionBody()).expect(401);
    });

    it('answers 403 when an institution account tries to register one', async () => {
      const { token } = await t.loginAs('institution', { uscc: existing.uscc });

      const res = await post(institutionBody(), token).expect(403);

      expect(res.body.code).toBe('FORBIDDEN');
    });
  });

  describe('GET /institutions/:uscc', () => {
    it('lets an institution read itself, answers 404 for another one, and audits the read', async () => {
      const other = institutionBody();
      await post(other).expect(201);
      const { token, user } = await t.loginAs('institution', { uscc: existing.uscc });
      const get = (uscc: string) => t.http().get(`/api/institutions/${uscc}`).auth(token, { type: 'bearer' });

      const own = await get(existing.uscc).expect(200);
      const foreign = await get(other.uscc).expect(404);

      expect(own.body.uscc).toBe(existing.uscc);
      expect(JSON.stringify(own.body)).not.toContain(existing.legalRepresentative.idNumber);
      expect(foreign.body.code).toBe('INSTITUTION_NOT_FOUND');
      const audit = await eventually(async () => {
        const rows = await t.ds.query(
          `SELECT outcome FROM audit_log WHERE action = 'institution.read' AND resource_id = $1 AND actor_id = $2`,
          [existing.uscc, user.id],
        );
        return rows.length ? rows : undefined;
      });
      expect(audit).toEqual([{ outcome: 'ok' }]);
    });
  });

  describe('PATCH /institutions/:uscc', () => {
    it('saves with the current version and refuses a stale one', async () => {
      const body = institutionBody();
      await post(body).expect(201);
      const patch = (change: object) =>
        t.http().patch(`/api/institutions/${body.uscc}`).auth(officer, { type: 'bearer' }).send(change);

      const saved = await patch({ name: `${body.name}（更名）`, version: 1 }).expect(200);
      const stale = await patch({ address: '灌云县', version: 1 }).expect(409);
      const unknown = await patch({ uscc: makeUscc() }).expect(400); // the USCC is the identity: not editable

      expect(saved.body).toMatchObject({ name: `${body.name}（更名）`, version: 2 });
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
      expect(unknown.body.details.fields).toEqual([expect.objectContaining({ field: 'uscc' })]);
    });
  });

  describe('GET /institutions', () => {
    it('pages and searches by name, by USCC prefix and by type', async () => {
      const tag = `列表${randomBytes(4).toString('hex')}`;
      const bodies = [
        institutionBody({ name: `${tag}-1`, type: 'kindergarten' }),
        institutionBody({ name: `${tag}-2`, type: 'kindergarten' }),
        institutionBody({ name: `${tag}-3`, type: 'primary_school' }),
      ];
      for (const b of bodies) await post(b).expect(201);
      const list = (query: Record<string, string | number>) =>
        t.http().get('/api/institutions').query(query).auth(officer, { type: 'bearer' }).expect(200);

      const page1 = await list({ q: tag, pageSize: 2 });
      const page2 = await list({ q: tag, pageSize: 2, page: 2 });
      const byPrefix = await list({ q: bodies[2].uscc.slice(0, 16).toLowerCase() });
      const byType = await list({ q: tag, type: 'kindergarten' });

      expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(page1.body.items).toHaveLength(2);
      expect(page2.body.items.map((i: { name: string }) => i.name)).toEqual([`${tag}-3`]);
      expect(byPrefix.body.items.map((i: { uscc: string }) => i.uscc)).toContain(bodies[2].uscc);
      expect(byType.body.total).toBe(2);
    });

    it('refuses a page size above 100 and a request without a token', async () => {
      await t.http().get('/api/institutions').query({ pageSize: 101 }).auth(officer, { type: 'bearer' }).expect(400);
      await t.http().get('/api/institutions').expect(401);
    });
  });
});
