import { createTestApp, TestApp } from '../support/app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** JSON bodies the API refuses before any handler sees them (issue #14 point 8): each a 4xx in the house shape. */
describe('JSON body bounds', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).token;
  });
  afterAll(() => t.close());

  const postRaw = (text: string) =>
    t.http().post('/api/policies').set(auth(admin)).set('content-type', 'application/json').send(text);

  it('answers 413 PAYLOAD_TOO_LARGE with a Chinese message for a body over 100 KB', async () => {
    const res = await postRaw(JSON.stringify({ note: 'x'.repeat(101 * 1024), changes: {} })).expect(413);

    expect(res.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '请求内容超过 100 KB 的上限', details: { maxBytes: 102400 } });
  });

  it('answers 400 for 5,000-deep nesting instead of overflowing the stack', async () => {
    const deep = `{"note":"深层嵌套","changes":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    const res = await postRaw(deep).expect(400);

    expect(res.body).toMatchObject({ code: 'BODY_TOO_DEEP', message: '请求内容嵌套层级过深（最多 32 层）' });
    const arrays = await postRaw(`{"note":"x","changes":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}`).expect(400);
    expect(arrays.body.code).toBe('BODY_TOO_DEEP');
  });

  it('does not count brackets inside strings as nesting', async () => {
    // a valid body whose text holds many brackets: it reaches validation, which answers on its own terms
    const res = await postRaw(JSON.stringify({ note: '{'.repeat(200) + '\\"[['.repeat(50), changes: 'not an object' }));

    expect(res.body.code).not.toBe('BODY_TOO_DEEP');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('answers 400 for a %s key, naming where it was', async (key) => {
    const res = await postRaw(`{"note":"原型键","changes":{"maxUploadMb":1,"${key}":{"isAdmin":true}}}`).expect(400);

    expect(res.body).toEqual({
      code: 'BODY_KEY_FORBIDDEN', message: `请求内容含有不允许的字段名（$.changes.${key}）`, details: { path: `$.changes.${key}` },
    });
  });

  it('answers 400 BODY_INVALID_JSON for a body that is not JSON', async () => {
    const res = await postRaw('{"note": ').expect(400);

    expect(res.body).toEqual({ code: 'BODY_INVALID_JSON', message: '请求内容不是有效的 JSON' });
  });
});
