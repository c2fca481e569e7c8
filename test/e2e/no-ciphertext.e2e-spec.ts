import { createTestApp, TestApp } from '../support/app';
import { makeIdNumber } from '../support/factories';
import { auth, registerInstitution } from './credit/helpers';

/**
 * Issue #14 point 2: stored payloads hold sealed ID numbers (`…IdEnc`) and blind indexes (`…IdHmac`). No answer
 * carries either: the relay's operators read them masked, every other role reads a submission's state only. The
 * access matrix (access-rules.e2e-spec.ts) scans every GET answer of every role for the same keys.
 */
describe('no ciphertext in answers', () => {
  let t: TestApp;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.loginAs('officer')).token;
  });
  afterAll(() => t.close());

  const sealed = (body: unknown) => JSON.stringify(body).match(/"\w*(Enc|Hmac)"\s*:/g) ?? [];

  it('shows a submission payload masked to the relay operators and not at all to other staff', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const signerId = makeIdNumber();
    const inst = (await t.loginAs('institution', { uscc })).token;
    const commitment = await t.http().post('/api/commitments').set(auth(inst)).send({
      uscc, purpose: 'annual', reference: `CN-${uscc.slice(-6)}`, content: '本机构承诺依法依规诚信办学，接受社会监督', signerName: '陈明远',
      signerIdNumber: signerId,
    }).expect(201);
    const [stored] = await t.ds.query(`SELECT id, payload FROM platform_submissions WHERE record_ref = $1`, [commitment.body.recordId]);
    expect(sealed(stored.payload)).toEqual(['"signerIdEnc":', '"signerIdHmac":']); // what is stored, in the record it carries

    for (const role of ['officer', 'admin'] as const) {
      const token = (await t.loginAs(role, { officeCode: role === 'admin' ? null : 'XWPX' })).token;
      const one = await t.http().get(`/api/platform/submissions/${stored.id}`).set(auth(token)).expect(200);
      expect(sealed(one.body)).toEqual([]);
      expect(JSON.stringify(one.body.payload)).toContain(`"signerIdMasked":"${signerId.slice(0, 4)}**********${signerId.slice(-4)}"`);
      expect(JSON.stringify(one.body)).not.toContain(signerId);
      const list = await t.http().get('/api/platform/submissions').query({ uscc }).set(auth(token)).expect(200);
      expect(sealed(list.body)).toEqual([]);
    }
    for (const role of ['auditor', 'manager', 'approver'] as const) {
      const token = (await t.loginAs(role, { officeCode: role === 'auditor' ? null : 'XWPX' })).token;
      const one = await t.http().get(`/api/platform/submissions/${stored.id}`).set(auth(token)).expect(200);
      expect(one.body).toMatchObject({ id: stored.id, state: expect.any(String) });
      expect(one.body).not.toHaveProperty('payload');
      expect(sealed(one.body)).toEqual([]);
    }
    const file = await t.http().get(`/api/institutions/${uscc}/credit-file`).set(auth(officer)).expect(200);
    expect(sealed(file.body)).toEqual([]);
  });

  it('refuses a fix that writes ciphertext, a blind index or a masked value into a payload', async () => {
    const [row] = await t.ds.query(
      `INSERT INTO platform_submissions (idempotency_key, record_type, record_ref, uscc, payload, status)
       VALUES ('no-ciphertext-' || gen_random_uuid(), 'commitment', 'no-ciphertext', NULL, '{}', 'needs_fix') RETURNING id`);
    const res = await t.http().patch(`/api/platform/submissions/${row.id}`).set(auth(officer))
      .send({ reason: '补正签署人证件号', payload: { signerIdEnc: 'forged' } }).expect(400);
    expect(res.body.details.fields).toEqual([expect.objectContaining({ field: 'payload.signerIdEnc' })]);
    const idNumber = makeIdNumber();
    const fixed = await t.http().patch(`/api/platform/submissions/${row.id}`).set(auth(officer))
      .send({ reason: '补正签署人证件号', payload: { signerIdNumber: idNumber } }).expect(200);
    expect(fixed.body.payload).toEqual({ signerIdMasked: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/) });
    const [after] = await t.ds.query(`SELECT payload FROM platform_submissions WHERE id = $1`, [row.id]);
    expect(Object.keys(after.payload).sort()).toEqual(['signerIdEnc', 'signerIdHmac']);
  });
});
