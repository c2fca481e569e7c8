import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DomainException } from '../../../src/common/errors/domain.exception';
import { DocumentsService, IssueInput } from '../../../src/documents/documents.service';
import { createInstitution, createUser, TestInstitution } from '../../support/factories';
import { documentsContext, key, KIND_DATA, useFreshSettings } from '../../support/documents';

/**
 * Numbers (文号) run per bureau, kind and year without a gap (issue #15): medium tests on the real database, each
 * under an issuer code of its own so the count starts at 1.
 */
describe('document numbers', () => {
  let ctx: INestApplicationContext;
  let ds: DataSource;
  let documents: DocumentsService;
  let inst: TestInstitution;
  let year: number;

  const receipt = (extra: Partial<IssueInput> = {}): IssueInput =>
    ({ kind: 'service-receipt', uscc: inst.uscc, data: KIND_DATA['service-receipt'], idempotencyKey: key(), ...extra });
  const seqs = async (issuer: string) => (await ds.query(
    `SELECT seq, status FROM documents WHERE issuer_code = $1 AND kind = 'service-receipt' ORDER BY seq`, [issuer])) as { seq: number; status: string }[];
  const codeOf = (p: Promise<unknown>) => p.then(() => 'no error', (e: DomainException) => e.code ?? e.message);

  beforeAll(async () => {
    ctx = await documentsContext();
    ds = ctx.get(DataSource);
    documents = ctx.get(DocumentsService);
    inst = await createInstitution(ds);
    [{ year }] = await ds.query(`SELECT extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int AS year`);
  });
  afterAll(() => ctx.close());

  it('numbers documents issued in parallel transactions 1 to N, each number once', async () => {
    const issuer = await useFreshSettings(ctx);
    const issued = await Promise.all(Array.from({ length: 8 }, () => documents.issue(receipt())));
    expect((await seqs(issuer)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(issued.map((d) => d.docNo).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `连区教送〔${year}〕${n}号`).sort());
  });

  it('gives the number of a rolled-back issue to the next document, so no gap is left', async () => {
    const issuer = await useFreshSettings(ctx);
    await documents.issue(receipt());
    const failed = ds.transaction(async (tx) => {
      const d = await documents.issue(receipt(), tx);
      expect(d.docNo).toBe(`连区教送〔${year}〕2号`);
      throw new Error('the step after the issue failed');
    });
    await expect(failed).rejects.toThrow('the step after the issue failed');
    const next = await documents.issue(receipt());
    expect(next.docNo).toBe(`连区教送〔${year}〕2号`);
    // and under concurrency: of six parallel issues, the two that roll back leave 1…4 behind them
    const issuer2 = await useFreshSettings(ctx);
    await Promise.allSettled(Array.from({ length: 6 }, (_, i) => ds.transaction(async (tx) => {
      await documents.issue(receipt(), tx);
      if (i % 3 === 1) throw new Error('rolled back');
    })));
    expect((await seqs(issuer2)).map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect((await seqs(issuer)).map((r) => r.seq)).toEqual([1, 2]);
  });

  it('keeps a voided draft and its number on record with reason and actor, and never hands the number out again', async () => {
    const issuer = await useFreshSettings(ctx);
    const officer = await createUser(ds, 'officer');
    const draft = await documents.draft(receipt({ actorId: officer.id }));
    const voided = await documents.voidDraft(draft.id, '受送达人名称录入错误', officer.id);
    expect(voided).toMatchObject({ status: 'void', docNo: `连区教送〔${year}〕1号` });
    const next = await documents.draft(receipt());
    expect(next.docNo).toBe(`连区教送〔${year}〕2号`);
    expect(await seqs(issuer)).toEqual([{ seq: 1, status: 'void' }, { seq: 2, status: 'draft' }]);
    const [row] = await ds.query(`SELECT void_reason, voided_by, voided_at FROM documents WHERE id = $1`, [draft.id]);
    expect(row).toMatchObject({ void_reason: '受送达人名称录入错误', voided_by: officer.id, voided_at: expect.any(Date) });
    expect(await codeOf(documents.issueDraft(draft.id, officer.id))).toBe('DOCUMENT_VOID');
  });

  it('takes no number for data that does not fit the template, and names every field that is missing', async () => {
    const issuer = await useFreshSettings(ctx);
    const refused = documents.issue(receipt({ data: { servedOn: '2026-13-40' } }));
    await expect(refused).rejects.toMatchObject({
      code: 'DOCUMENT_DATA_INVALID',
      details: { fields: expect.arrayContaining([expect.objectContaining({ field: 'servedDocument' }), expect.objectContaining({ field: 'servedOn' }),
        expect.objectContaining({ field: 'servers' })]) },
    });
    expect(await seqs(issuer)).toEqual([]);
    expect((await documents.issue(receipt())).docNo).toBe(`连区教送〔${year}〕1号`);
  });

  it('issues once per key: a retried issue returns the same document and number', async () => {
    await useFreshSettings(ctx);
    const input = receipt();
    const [a, b] = await Promise.all([documents.issue(input), documents.issue(input)]);
    const again = await documents.issue(input);
    expect(again.docNo).toBe(`连区教送〔${year}〕1号`);
    expect([a.id, b.id]).toEqual([again.id, again.id]);
    expect(await codeOf(documents.issue({ ...input, kind: 'repair-notice' }))).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses at the database level to change or delete an issued or voided document', async () => {
    await useFreshSettings(ctx);
    const issued = await documents.issue(receipt());
    const draft = await documents.draft(receipt());
    await documents.voidDraft(draft.id, '重复起草', null);
    for (const sql of [`UPDATE documents SET pdf = 'x'::bytea WHERE id = $1`, `UPDATE documents SET status = 'void', void_reason = 'x', voided_at = now() WHERE id = $1`,
      `DELETE FROM documents WHERE id = $1`]) {
      await expect(ds.query(sql, [issued.id])).rejects.toThrow(/can no longer change|never deleted/);
    }
    await expect(ds.query(`UPDATE documents SET status = 'draft' WHERE id = $1`, [draft.id])).rejects.toThrow(/can no longer change/);
    await expect(ds.query(`TRUNCATE documents CASCADE`)).rejects.toThrow(/never deleted/);
  });

  it('issues a correction that names the document it replaces, once', async () => {
    await useFreshSettings(ctx);
    const original = await documents.issue(receipt());
    const correction = await documents.issue(receipt({ replaces: { id: original.id, reason: '送达日期录入错误' } }));
    const [row] = await ds.query(`SELECT replaces, content FROM documents WHERE id = $1`, [correction.id]);
    expect(row.replaces).toBe(original.id);
    expect(row.content.blocks[0].text).toContain(`本文书更正并替代本局原文书（${original.docNo}）`);
    expect(await codeOf(documents.issue(receipt({ replaces: { id: original.id, reason: '再次更正' } })))).toBe('DOCUMENT_ALREADY_CORRECTED');
  });
});
