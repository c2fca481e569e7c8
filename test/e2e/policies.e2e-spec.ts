import { createTestApp, TestApp } from '../support/app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Officers look up the policy version an older case runs under. */
describe('policy versions', () => {
  let t: TestApp;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.loginAs('officer')).token;
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
});
