import { createTestApp, TestApp } from '../support/app';
import { auth } from '../support/http-case';

/**
 * Issue #22: the 通报 counts what an office controls. Seeded in 2002, a year no other test writes in: a submission the
 * platform sent back for correction is the office's failing, one still waiting through a platform outage is not;
 * offices with the same total share a rank; the always-zero "decided without review" column is gone.
 */
describe('通报 figures an office controls', () => {
  let t: TestApp;
  let manager: string;
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    t = await createTestApp();
    manager = (await t.loginAs('manager')).token;
    const submission = (status: string, n: number) => t.ds.query(
      `INSERT INTO platform_submissions (idempotency_key, record_type, record_ref, payload, status, attempts, office_code, created_at)
       VALUES ($1, 'penalty', $1, '{}', $2, $3, 'XWPX', '2002-05-10T02:00:00Z')`, [`fair-${tag}-${n}`, status, status === 'pending' ? 7 : 1]);
    await submission('needs_fix', 1);
    await submission('pending', 2); // retried seven times while the platform was down
    await submission('pending', 3);
  });

  afterAll(async () => {
    await t?.ds.query(`DELETE FROM platform_submissions WHERE idempotency_key LIKE $1`, [`fair-${tag}-%`]);
    await t?.close();
  });

  it('blames the office only for data sent back to it, ranks ties as ties, and has no always-zero column', async () => {
    const res = await t.http().get('/api/accountability').query({ from: '2002-05-01', to: '2002-05-31' }).set(auth(manager)).expect(200);
    const offices = res.body.offices as { officeCode: string; notShared: number; total: number; rank: number }[];
    const xwpx = offices.find((o) => o.officeCode === 'XWPX');
    expect(xwpx).toMatchObject({ notShared: 1, total: 1, rank: 1 });
    const others = offices.filter((o) => o.officeCode !== 'XWPX');
    expect(others.length).toBeGreaterThan(1);
    expect(others.every((o) => o.total === 0 && o.rank === 2)).toBe(true);
    expect(offices.every((o) => !('decidedWithoutReview' in o))).toBe(true);
  });
});
