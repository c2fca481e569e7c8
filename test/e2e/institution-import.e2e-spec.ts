import type { INestApplicationContext } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { createTestApp, TestApp } from '../support/app';
import { makeIdNumber, makeUscc } from '../support/factories';
import { importWorkerContext } from '../support/import-worker';
import { waitFor } from '../support/platform';
import { DOCX_LIKE, PLAIN_ZIP } from '../support/zip';

const HEADERS = ['统一社会信用代码', '机构名称', '机构类型', '法定代表人', '法定代表人身份证号', '地址', '主管科室'];

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('机构');
  sheet.addRow(HEADERS);
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Same first 17 characters, wrong check character. */
const corruptUscc = (valid: string) => valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
const row = (uscc: string, name: string) => [uscc, name, '校外培训机构', '孙八', makeIdNumber(), '', ''];

/**
 * The institution import as a queue job (issue #14 point 5): the upload answers 202 with a job, the worker streams
 * the sheet within its row, cell and unpacked-size limits, and the submitter alone follows it to its report.
 */
describe('institution import (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let officer: string;
  let existingUscc: string;

  beforeAll(async () => {
    [t, worker] = await Promise.all([createTestApp(), importWorkerContext()]);
    officer = (await t.loginAs('officer')).token;
    existingUscc = makeUscc();
    await t.http().post('/api/institutions').auth(officer, { type: 'bearer' })
      .send({ uscc: existingUscc, name: '已登记的机构', type: 'off_campus_training', legalRepresentative: { name: '张三', idNumber: makeIdNumber() } })
      .expect(201);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const upload = (buffer: Buffer, filename: string, token = officer) =>
    t.http().post('/api/institutions/import').auth(token, { type: 'bearer' }).attach('file', buffer, filename);
  /** Submits a file and waits until the worker has finished it; returns the finished job. */
  const importOf = async (buffer: Buffer, filename: string) => {
    const queued = await upload(buffer, filename).expect(202);
    expect(queued.body).toMatchObject({ id: expect.any(String), status: 'queued', processed: 0 });
    return waitFor(`import ${filename}`, async () => {
      const res = await t.http().get(`/api/institutions/import/${queued.body.id}`).auth(officer, { type: 'bearer' }).expect(200);
      return ['done', 'failed'].includes(res.body.status) ? res.body : false;
    });
  };

  it('creates the good rows of an xlsx in the worker and reports the bad ones row by row', async () => {
    const good = [makeUscc(), makeUscc(), makeUscc()];
    const badUscc = corruptUscc(makeUscc());
    const file = await xlsxOf([
      [good[0], '导入幼儿园一', '幼儿园', '李四', makeIdNumber(), '海州区', 'XWPX'],
      [good[1], '导入小学二', '小学', '王五', makeIdNumber(), '', ''],
      row(badUscc, '代码错误的机构'),
      row(existingUscc, '已存在的机构'),
      row(good[2], '导入培训机构三'),
    ]);

    const job = await importOf(file, '机构名单.xlsx');

    expect(job).toMatchObject({ status: 'done', processed: 5, total: 5, report: { total: 5, created: 3, failed: 2 } });
    expect(job.report.rows).toEqual([
      { row: 2, uscc: good[0], status: 'created' },
      { row: 3, uscc: good[1], status: 'created' },
      expect.objectContaining({ row: 4, uscc: badUscc, status: 'failed', code: 'USCC_INVALID' }),
      expect.objectContaining({ row: 5, uscc: existingUscc, status: 'failed', code: 'INSTITUTION_EXISTS' }),
      { row: 6, uscc: good[2], status: 'created' },
    ]);
    const stored = await t.ds.query('SELECT uscc FROM institutions WHERE uscc = ANY($1)', [[...good, badUscc]]);
    expect(stored.map((r: { uscc: string }) => r.uscc).sort()).toEqual([...good].sort());
    // the file, ID numbers and all, is not kept once the import has ended
    const [kept] = await t.ds.query('SELECT file_sealed FROM institution_imports WHERE id = $1', [job.id]);
    expect(kept.file_sealed).toBeNull();
  });

  it('reads a UTF-8 CSV with a BOM and reports a USCC repeated within the file', async () => {
    const uscc = makeUscc();
    const csv = `\uFEFF${HEADERS.join(',')}\r\n${uscc},"CSV 导入, 机构",幼儿园,周九,${makeIdNumber()},,\r\n${uscc},重复行,幼儿园,吴十,${makeIdNumber()},,\r\n`;

    const job = await importOf(Buffer.from(csv, 'utf8'), 'list.csv');

    expect(job.report).toMatchObject({ total: 2, created: 1, failed: 1 });
    expect(job.report.rows[1]).toMatchObject({ row: 3, status: 'failed', code: 'DUPLICATE_IN_FILE' });
    const [stored] = await t.ds.query('SELECT name FROM institutions WHERE uscc = $1', [uscc]);
    expect(stored.name).toBe('CSV 导入, 机构');
  });

  it('refuses a file of 5,001 rows as a whole, creating none of them', async () => {
    const usccs = Array.from({ length: 5001 }, () => makeUscc());
    const file = await xlsxOf(usccs.map((u, i) => row(u, `超限导入${i}`)));

    const job = await importOf(file, '五千零一行.xlsx');

    expect(job).toMatchObject({ status: 'failed', error: { code: 'IMPORT_TOO_MANY_ROWS', message: '单个文件最多 5000 行，请拆分后导入' } });
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM institutions WHERE uscc = ANY($1)', [[usccs[0], usccs[5000]]]);
    expect(n).toBe(0);
  });

  it('refuses a small file with a 50 MB cell while the upload waits, without echoing the cell', async () => {
    const cell = 'A'.repeat(50 * 1024 * 1024);
    const file = await xlsxOf([row(makeUscc(), cell)]);
    expect(file.length).toBeLessThan(200 * 1024);

    const res = await upload(file, '大单元格.xlsx').expect(400);

    expect(res.body).toMatchObject({
      code: 'IMPORT_FILE_TOO_LARGE_UNPACKED', message: 'Excel 文件解压后超过 32 MB，请删除多余的工作表、图片或格式后重新导入',
    });
    expect(res.text.length).toBeLessThan(1000);
    expect(res.text).not.toContain('AAAAAAAAAA');
  });

  it('stops at a cell over 1,000 characters, naming its place but not its content', async () => {
    const file = await xlsxOf([row(makeUscc(), '正常机构'), row(makeUscc(), `长${'名'.repeat(1200)}`)]);

    const job = await importOf(file, '长单元格.xlsx');

    expect(job).toMatchObject({ status: 'failed', error: { code: 'IMPORT_CELL_TOO_LONG', message: '第 3 行第 2 列的内容超过 1000 个字符，请检查该单元格' } });
    expect(JSON.stringify(job)).not.toContain('名名名');
  });

  it('refuses an archive whose sheet inflates past the size its directory declares', async () => {
    const file = await xlsxOf([row(makeUscc(), '申报大小造假的文件')]);
    // the central directory record of the sheet: its name ends 46 bytes after the record starts; size at +24
    const name = file.lastIndexOf('xl/worksheets/sheet1.xml');
    file.writeUInt32LE(10, name - 46 + 24);

    const job = await importOf(file, '伪造大小.xlsx');

    expect(job).toMatchObject({ status: 'failed', error: { code: 'IMPORT_FILE_UNREADABLE' } });
  });

  it('refuses a ZIP named .xlsx that declares no workbook, before queueing anything', async () => {
    for (const file of [DOCX_LIKE(), PLAIN_ZIP()]) {
      const res = await upload(file, '名单.xlsx').expect(415);
      expect(res.body.code).toBe('IMPORT_FILE_TYPE');
    }
  });

  it('shows an import only to the account that submitted it', async () => {
    const other = (await t.loginAs('officer')).token;
    const queued = await upload(await xlsxOf([row(makeUscc(), '他人的导入')]), 'mine.xlsx').expect(202);

    const res = await t.http().get(`/api/institutions/import/${queued.body.id}`).auth(other, { type: 'bearer' }).expect(404);
    expect(res.body.code).toBe('IMPORT_NOT_FOUND');
    await t.http().get('/api/institutions/import/not-a-uuid').auth(officer, { type: 'bearer' }).expect(404);
  });
});
