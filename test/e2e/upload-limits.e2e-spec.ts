import { Workbook } from 'exceljs';
import { createTestApp, TestApp } from '../support/app';
import { createInstitution } from '../support/factories';
import { auth, TINY_PDF } from '../support/http-case';
import { waitFor } from '../support/platform';
import { DOCX_LIKE, PLAIN_ZIP } from '../support/zip';

/**
 * Issue #14 point 10: office files are told apart by what their container declares, each institution has a count and
 * a disk quota for its uploads, and reading the worklist or an inbox is on record.
 */
describe('upload limits and audited reads', () => {
  let t: TestApp;
  const saved = { files: process.env.UPLOAD_QUOTA_FILES, bytes: process.env.UPLOAD_QUOTA_BYTES };

  beforeAll(async () => {
    // small quotas for this app only (read when the app starts); the defaults are 1,000 files and 1 GB
    process.env.UPLOAD_QUOTA_FILES = '4';
    process.env.UPLOAD_QUOTA_BYTES = '8192';
    t = await createTestApp();
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries({ UPLOAD_QUOTA_FILES: saved.files, UPLOAD_QUOTA_BYTES: saved.bytes })) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await t?.close();
  });

  const institutionToken = async () => {
    const { uscc } = await createInstitution(t.ds);
    return (await t.loginAs('institution', { uscc })).token;
  };
  const upload = (token: string, file: Buffer, name: string) => t.http().post('/api/portal/uploads').set(auth(token)).attach('file', file, name);

  it('accepts a DOCX or XLSX only when its [Content_Types].xml declares that kind of document', async () => {
    const token = await institutionToken();
    const workbook = new Workbook();
    workbook.addWorksheet('整改情况').addRow(['已整改']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

    await upload(token, xlsx, '整改情况.xlsx').expect(201);
    await upload(token, DOCX_LIKE(), '整改报告.docx').expect(201);
    for (const [file, name] of [[DOCX_LIKE(), '名单.xlsx'], [PLAIN_ZIP(), '报告.docx'], [xlsx, '报告.docx']] as const) {
      const res = await upload(token, file, name).expect(415);
      expect(res.body).toMatchObject({ code: 'UPLOAD_TYPE', message: '只接受 PDF、JPG、PNG、DOCX 或 XLSX 文件，且文件内容须与扩展名一致' });
    }
  });

  it('refuses the upload past the number of files one institution may keep, with a Chinese message', async () => {
    const token = await institutionToken();
    for (let i = 0; i < 4; i++) await upload(token, TINY_PDF, `材料${i}.pdf`).expect(201);

    const res = await upload(token, TINY_PDF, '材料5.pdf').expect(413);

    expect(res.body).toEqual({
      code: 'UPLOAD_QUOTA_FILES', message: '本机构已上传 4 个文件，达到 4 个的上限，请联系主管科室', details: { used: 4, limit: 4 },
    });
    await upload(await institutionToken(), TINY_PDF, '另一机构.pdf').expect(201); // another institution's quota is its own
  });

  it('refuses the upload that would take an institution past its disk quota', async () => {
    const token = await institutionToken();
    const pdf = Buffer.concat([TINY_PDF, Buffer.alloc(5000, 0x20)]);
    await upload(token, pdf, '第一份.pdf').expect(201);

    const res = await upload(token, pdf, '第二份.pdf').expect(413);

    expect(res.body).toMatchObject({ code: 'UPLOAD_QUOTA_BYTES', message: expect.stringContaining('将超过 8 KB 的上限') });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM uploads WHERE original_name = '第二份.pdf'`);
    expect(n).toBe(0);
  });

  it('records who read the worklist and who read an inbox', async () => {
    const officer = await t.loginAs('officer', { officeCode: 'XWPX' });
    const { uscc } = await createInstitution(t.ds);
    const institution = await t.loginAs('institution', { uscc });

    await t.http().get('/api/tasks').set(auth(officer.token)).set('X-Access-Reason', encodeURIComponent('查看我的待办')).expect(200);
    await t.http().get('/api/inbox').set(auth(institution.token)).expect(200);

    const rows = await waitFor('the audit rows', async () => {
      const found: { actor_id: string; action: string; reason: string | null; outcome: string }[] = await t.ds.query(
        `SELECT actor_id, action, reason, outcome FROM audit_log WHERE actor_id = ANY($1) AND action IN ('task.list','inbox.list') ORDER BY id`,
        [[officer.user.id, institution.user.id]]);
      return found.length === 2 && found;
    });
    expect(rows).toEqual([
      { actor_id: officer.user.id, action: 'task.list', reason: '查看我的待办', outcome: 'ok' },
      { actor_id: institution.user.id, action: 'inbox.list', reason: null, outcome: 'ok' },
    ]);
  });
});
