import { createTestApp, TestApp } from '../support/app';
import { createInstitution } from '../support/factories';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Filters typed into list pages: a repeated or malformed parameter (`?uscc=a&uscc=b`, found by the API fuzzer,
 * used to answer 500) is the caller's mistake and answers 400 with a code; an empty one still means "no filter".
 */
describe('list query parameters', () => {
  let t: TestApp;
  let officer: string;
  let manager: string;
  let uscc: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    manager = (await t.loginAs('manager')).token;
    uscc = (await createInstitution(t.ds)).uscc;
  });
  afterAll(() => t.close());

  it.each([
    ['/api/credit-objections', 'uscc'],
    ['/api/early-warnings', 'uscc'],
    ['/api/commitments', 'uscc'],
  ])('refuses a repeated %s filter with USCC_INVALID instead of failing', async (path) => {
    const res = await t.http().get(`${path}?uscc=${uscc}&uscc=${uscc}`).set(auth(officer)).expect(400);
    expect(res.body).toMatchObject({ code: 'USCC_INVALID', message: expect.any(String), details: { fields: [expect.objectContaining({ field: 'uscc' })] } });
  });

  it('filters objections by status and institution, and treats empty filters as none', async () => {
    const res = await t.http().get(`/api/credit-objections?status=submitted&uscc=${uscc.toLowerCase()}`).set(auth(officer)).expect(200);
    expect(res.body.items).toEqual([]);
    await t.http().get('/api/credit-objections?status=&uscc=').set(auth(officer)).expect(200);
    const bad = await t.http().get('/api/credit-objections?status=open').set(auth(officer)).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('checks report dates and limits with a Chinese message', async () => {
    const date = await t.http().get('/api/reports/overdue-rectifications?asOf=30-06-2026').set(auth(manager)).expect(400);
    expect(date.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '统计日（asOf）应为 YYYY-MM-DD' });
    await t.http().get('/api/reports/overdue-rectifications?asOf=2026-06-30').set(auth(manager)).expect(200);
    const limit = await t.http().get('/api/publicity/overdue?limit=0').set(auth(officer)).expect(400);
    expect(limit.body.message).toBe('limit 必须是 1–1000 的整数');
    const ok = await t.http().get('/api/publicity/overdue?limit=5&asOf=2026-06-30').set(auth(officer)).expect(200);
    expect(ok.body.asOf).toBe('2026-06-30');
  });

  it('pages the public publicity list and refuses a page out of range', async () => {
    const res = await t.http().get('/api/public/publicity?page=2&pageSize=5').expect(200);
    expect(res.body).toEqual({ total: expect.any(Number), items: expect.any(Array) });
    expect(res.body.items.length).toBeLessThanOrEqual(5);
    const bad = await t.http().get('/api/public/publicity?pageSize=101').expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'pageSize 必须是 1–100 的整数' });
    const search = await t.http().get('/api/public/institutions?q=%20a%20').expect(400);
    expect(search.body.message).toBe('请输入至少 2 个字的机构名称或统一社会信用代码');
  });
});
