import { createTestApp, TestApp } from '../support/app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Officers look up the policy version an older case runs under. */
describe('policy versions', () => {
  let t: TestApp;
  let officer: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.loginAs('officer')).token;
    admin = (await t.loginAs('admin')).token;
  });
  afterAll(() => t.close());

  it('shows a published version and says which version does not exist', async () => {
    const first = await t.http().get('/api/policies/1').set(auth(officer)).expect(200);
    expect(first.body).toMatchObject({ version: 1, document: expect.any(Object) });
    const missing = await t.http().get('/api/policies/99999').set(auth(officer)).expect(404);
    expect(missing.body).toMatchObject({ code: 'POLICY_NOT_FOUND', message: '监管政策第 99999 版不存在' });
  });

  // the API fuzzer found a version beyond PostgreSQL's integer answering 500
  it.each(['56608075845435580', '0', '-1', '1.5', 'abc'])('refuses version %s as a malformed number', async (version) => {
    const res = await t.http().get(`/api/policies/${version}`).set(auth(officer)).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '政策版本号必须是正整数' });
  });

  // the fuzzer published versions carrying made-up keys
  it('refuses to publish a change to a policy item that does not exist, and publishes nothing', async () => {
    const before = (await t.http().get('/api/policies/active').set(auth(officer)).expect(200)).body;
    const res = await t.http().post('/api/policies').set(auth(admin)).send({ changes: { investigationDay: 10 }, note: '拼错了政策项名称' }).expect(400);
    expect(res.body).toMatchObject({ code: 'POLICY_INVALID', message: '没有名为“investigationDay”的政策项', details: { fields: [{ field: 'changes.investigationDay' }] } });
    expect((await t.http().get('/api/policies/active').set(auth(officer)).expect(200)).body.version).toBe(before.version);
  });
});
