import { CreditFileService } from '../../../src/credit-file/credit-file.service';
import { createTestApp, TestApp } from '../../support/app';
import { makeIdNumber } from '../../support/factories';
import { withPublicLimit } from '../../support/throttle';
import { auth, daysFromToday, penaltyBody, publishPenalty, registerInstitution } from './helpers';

describe('双公示 and the public API', () => {
  let t: TestApp;
  let officer: string;
  let approver: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
  });
  afterAll(() => t.close());

  const penalty = (body: object) => t.http().post('/api/publicity/penalties').set(auth(officer)).send(body);

  it('refuses a decision with a missing mandatory field and names the field', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const { decisionNo: _omitted, ...body } = penaltyBody(uscc);
    const res = await penalty(body).expect(400);
    expect(res.body.message).toContain('决定书文号');
    expect(res.body.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'decisionNo' })]));
    const noFine = await penalty(penaltyBody(uscc, { fineAmount: undefined })).expect(400);
    expect(noFine.body.details.fields.map((f: { field: string }) => f.field)).toContain('fineAmount');
  });

  it('lists a pending decision as due soon on its due date and as late on the next working day', async () => {
    const { uscc } = await registerInstitution(t, officer);
    // decided the day before 国庆 2026: 10-01…10-07 are off, Saturday 10-10 is worked, so 7 working days end on 10-15
    const res = await penalty(penaltyBody(uscc, { decisionDate: '2026-09-30', publish: false })).expect(201);
    expect(res.body).toMatchObject({ status: 'pending', dueDate: '2026-10-15', late: true });
    const report = (asOf: string) => t.http().get('/api/publicity/overdue').query({ asOf, officeCode: 'XWPX', limit: 1000 }).set(auth(officer)).expect(200);
    const find = (body: { items: { id: string; state: string }[] }) => body.items.find((i) => i.id === res.body.id)?.state;
    expect(find((await report('2026-10-09')).body)).toBeUndefined();
    expect(find((await report('2026-10-15')).body)).toBe('due_soon');
    const late = (await report('2026-10-16')).body;
    expect(find(late)).toBe('late');
    expect(late.byOffice).toEqual([expect.objectContaining({ officeCode: 'XWPX', late: expect.any(Number) })]);

    // not before its public text is signed off; then publishing appends the record, and the register remembers it was late
    const early = await t.http().post(`/api/publicity/decisions/${res.body.id}/publish`).set(auth(approver)).send({}).expect(409);
    expect(early.body.code).toBe('PUBLIC_TEXT_NOT_APPROVED');
    const signed = await t.http().post(`/api/publicity/public-texts/${res.body.publicText.id}/approve`).set(auth(approver))
      .send({ hash: res.body.publicText.hash }).expect(200);
    expect(signed.body.decision).toMatchObject({ status: 'pending' }); // registered with publish: false
    const published = await t.http().post(`/api/publicity/decisions/${res.body.id}/publish`).set(auth(approver)).send({}).expect(200);
    expect(published.body).toMatchObject({ status: 'published', late: true, recordId: expect.any(String) });
    expect(find((await report('2026-10-16')).body)).toBeUndefined();
  });

  it('registers the same document twice as one decision with one public text', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const body = penaltyBody(uscc, { decisionDate: daysFromToday(-2) });
    const first = await penalty(body).expect(201);
    const second = await penalty(body).expect(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.publicText).toMatchObject({ id: first.body.publicText.id, version: 1 });
    await t.http().post(`/api/publicity/public-texts/${first.body.publicText.id}/approve`).set(auth(approver)).send({ hash: first.body.publicText.hash }).expect(200);
    expect((await penalty(body).expect(201)).body).toMatchObject({ id: first.body.id, status: 'published' });
    const rows = await t.ds.query(`SELECT count(*)::int AS n FROM credit_records WHERE uscc = $1`, [uscc]);
    expect(rows[0].n).toBe(1);
  });

  it('shows the public only records in publication, with no ID number in any form', async () => {
    const idNumber = makeIdNumber('19800101');
    const { uscc, name } = await registerInstitution(t, officer);
    const tokens = { officer, approver };
    const live = { body: await publishPenalty(t, tokens, penaltyBody(uscc, { decisionDate: daysFromToday(-3), legalRepIdNumber: idNumber })) };
    const file = t.app.get(CreditFileService);
    const expired = { body: { recordId: (await file.append({
      uscc, kind: 'penalty', title: '行政处罚决定（已过公示期）', decisionDate: '2026-01-05', severity: 'general',
      publicityFrom: '2026-01-06', publicityUntil: '2026-04-05', payload: { decisionNo: `old-${uscc}` }, sourceRef: `old:${uscc}`,
    })).id } };
    // a decision whose year in publication ended before it was registered is filed, never published
    const stale = { body: await publishPenalty(t, tokens, penaltyBody(uscc, { decisionDate: '2025-10-31' })) };
    expect(stale.body).toMatchObject({ status: 'published', late: true, publicityUntil: '2026-10-31' });
    const repaired = { body: await publishPenalty(t, tokens, penaltyBody(uscc, { decisionDate: daysFromToday(-5) })) };
    await file.append({
      uscc, kind: 'repair', title: '信用修复', decisionDate: daysFromToday(-1), payload: {}, sourceRef: `repair:${repaired.body.recordId}`,
      refersTo: repaired.body.recordId,
    });

    const page = await t.http().get(`/api/public/institutions/${uscc}`).expect(200);
    expect(page.body.records.map((r: { id: string }) => r.id)).toEqual([live.body.recordId]);
    expect(page.body.records[0].content).toMatchObject({ legalRepName: '陈**', facts: '超出办学许可范围开展学科类培训', penaltyCategory: ['警告', '罚款'] });
    const search = await t.http().get('/api/public/publicity').query({ q: name.slice(-8), kind: 'penalty' }).expect(200);
    expect(search.body.items.map((r: { id: string }) => r.id)).toEqual([live.body.recordId]);
    const found = await t.http().get('/api/public/institutions').query({ q: uscc }).expect(200);
    expect(found.body.items).toEqual([expect.objectContaining({ uscc, recordsInPublication: 1 })]);
    for (const body of [page.body, search.body, found.body]) {
      const text = JSON.stringify(body);
      expect(text).not.toContain(idNumber);
      expect(text).not.toMatch(/\d{4}\*{10}\d{3}[\dX]|IdEnc|IdHmac|IdMasked/);
      expect(text).not.toContain(expired.body.recordId);
      expect(text).not.toContain(repaired.body.recordId);
      expect(text).not.toContain(stale.body.recordId);
    }
    // staff see the masked form, never the number
    const staff = await t.http().get(`/api/institutions/${uscc}/credit-file`).set(auth(officer)).expect(200);
    expect(JSON.stringify(staff.body)).not.toContain(idNumber);
    expect(staff.body.items.find((r: { id: string }) => r.id === live.body.recordId).payload.legalRepIdMasked).toBe(`3207**********${idNumber.slice(-4)}`);
    const stored = await t.ds.query(`SELECT count(*)::int AS n FROM publicity_decisions WHERE fields::text LIKE '%' || $1 || '%'`, [idNumber]);
    expect(stored[0].n).toBe(0);
  });

  it('rate-limits anonymous readers per address', async () => {
    await withPublicLimit(t, 3, async () => {
      // earlier tests in this file already used part of this minute's allowance from the same address
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await t.http().get('/api/public/institutions').query({ q: '不存在的机构名称' })).status);
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(3);
      expect(statuses.slice(3)).toEqual([429, 429]);
      const res = await t.http().get('/api/public/institutions').query({ q: '不存在的机构名称' }).expect(429);
      expect(res.body.code).toBe('TOO_MANY_REQUESTS');
    });
  });
});
