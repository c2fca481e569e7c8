import { createTestApp, TestApp } from '../support/app';
import { createInstitution } from '../support/factories';
import { penaltyBody } from './credit/helpers';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Inputs the API fuzzer (scripts/test-fuzz.sh) found answering 500: each is the caller's mistake, a 400 with a code. */
describe('malformed input found by the fuzzer', () => {
  let t: TestApp;
  let officer: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    admin = (await t.loginAs('admin')).token;
  });
  afterAll(() => t.close());

  it('refuses a NUL character or a lone surrogate in a query or a JSON body, naming the field', async () => {
    const query = await t.http().get('/api/early-warnings?officeCode=XW%00PX').set(auth(officer)).expect(400);
    expect(query.body).toMatchObject({
      code: 'VALIDATION_FAILED', message: '请求中含有无法保存的字符（空字符 U+0000 或残缺的 Unicode 代理字符），请删除后重试',
      details: { fields: [{ field: 'officeCode', constraint: 'storableText' }] },
    });
    const nul = await t.http().post('/api/policies').set(auth(admin)).send({ changes: { note: 'a\u0000b' }, note: '含空字符的说明' }).expect(400);
    expect(nul.body.details.fields[0].field).toBe('changes.note');
    const surrogate = await t.http().post('/api/policies').set('content-type', 'application/json').set(auth(admin))
      .send('{"changes": {"zz\\ud899": 1}, "note": "含残缺代理字符的键"}').expect(400);
    expect(surrogate.body.details.fields[0].field).toBe('changes.zz\ud899');
    await t.http().get('/api/integrity-education/report?uscc=%C3%96%00').set(auth(admin)).expect(400);
    await t.http().get('/api/platform/submissions?recordRef=x%00y').set(auth(admin)).expect(400);
  });

  it('refuses a path USCC that cannot be one before looking it up, and still finds a lower-case one', async () => {
    const long = await t.http().get(`/api/institutions/${encodeURIComponent('𝕿𝖍𝖊 𝖖𝖚𝖎𝖈𝖐 𝖇𝖗𝖔𝖜𝖓 𝖋𝖔𝖝 and more')}`).set(auth(officer)).expect(400);
    expect(long.body).toMatchObject({ code: 'USCC_INVALID', message: '统一社会信用代码应为 18 位数字或大写字母' });
    await t.http().get('/api/public/institutions/123').expect(400);
    const { uscc } = await createInstitution(t.ds);
    await t.http().get(`/api/institutions/${uscc}/credit-file`).set(auth(officer)).expect(200);
    await t.http().get(`/api/institutions/${uscc.toLowerCase()}/credit-file/verify`).set(auth(officer)).expect(200);
  });

  it('refuses numbers beyond what the database stores', async () => {
    const version = await t.http().get('/api/catalogue?version=3.566373002860161e%2B34').set(auth(officer)).expect(400);
    expect(version.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '清单版本号过大' });
    await t.http().get('/api/catalogue/EDU-001?version=8e307').set(auth(officer)).expect(400);
    const page = await t.http().get('/api/cases?page=100000000000000000000').set(auth(officer)).expect(400);
    expect(page.body.message).toBe('页码不能超过 100000');
    await t.http().get('/api/tasks?page=100001').set(auth(officer)).expect(400);
    await t.http().get('/api/institutions?page=100001').set(auth(officer)).expect(400);
    await t.http().get('/api/platform/submissions?offset=10000001').set(auth(admin)).expect(400);
  });

  it('refuses a penalty whose categories are not a list', async () => {
    const { uscc } = await createInstitution(t.ds);
    const res = await t.http().post('/api/publicity/penalties').set(auth(officer)).send(penaltyBody(uscc, { penaltyCategory: {} })).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: expect.arrayContaining([expect.objectContaining({ field: 'penaltyCategory', message: '处罚类别（penaltyCategory）必须是列表' })]) } });
  });
});
