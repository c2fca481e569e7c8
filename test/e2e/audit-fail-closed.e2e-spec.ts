import { createTestApp, TestApp } from '../support/app';
import { createInstitution } from '../support/factories';

/**
 * Every read of credit information is on record: when the audit row cannot be written, the read is refused
 * rather than answered off the record. (A write is already made by then: its row is best effort and logged.)
 */
describe('audit of reads fails closed', () => {
  let t: TestApp;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.ds.query(`ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS test_refuse_rows`);
    await t?.close();
  });

  it('answers a read only once its audit row is written, and refuses it when the row cannot be', async () => {
    const inst = await createInstitution(t.ds);
    const { token, user } = await t.loginAs('officer', { officeCode: 'XWPX' });
    const read = () => t.http().get(`/api/institutions/${inst.uscc}`).set(auth(token)).set('x-access-reason', encodeURIComponent('日常监管核查'));

    await read().expect(200);
    // no waiting: the row is there when the answer is
    const rows = await t.ds.query(`SELECT outcome, reason FROM audit_log WHERE action = 'institution.read' AND resource_id = $1 AND actor_id = $2`, [inst.uscc, user.id]);
    expect(rows).toEqual([{ outcome: 'ok', reason: '日常监管核查' }]);

    // the audit table stops taking rows (a full disk, a broken migration…): NOT VALID leaves old rows alone
    await t.ds.query(`ALTER TABLE audit_log ADD CONSTRAINT test_refuse_rows CHECK (false) NOT VALID`);
    const refused = await read();
    await t.ds.query(`ALTER TABLE audit_log DROP CONSTRAINT test_refuse_rows`);
    expect(refused.status).toBeGreaterThanOrEqual(500);
    expect(JSON.stringify(refused.body)).not.toContain(inst.uscc);
    expect(refused.body.code).toEqual(expect.any(String));

    await read().expect(200);
  });
});
