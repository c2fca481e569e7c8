import { verifyAllChains } from '../../../src/credit-file/chain-audit';
import { CreditFileService } from '../../../src/credit-file/credit-file.service';
import { createTestApp, TestApp } from '../../support/app';
import { auth, daysFromToday, registerInstitution } from './helpers';

/**
 * Tampering is simulated the only way the database allows it: a superuser session with
 * `SET LOCAL session_replication_role = replica`, which skips the append-only triggers for that
 * transaction (as an attacker with direct database access could). The chain must still name the link.
 */
async function tamper(t: TestApp, sql: string, params: unknown[]) {
  await t.ds.transaction(async (m) => {
    await m.query(`SET LOCAL session_replication_role = replica`);
    await m.query(sql, params);
  });
}

describe('credit file', () => {
  let t: TestApp;
  let file: CreditFileService;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp();
    file = t.app.get(CreditFileService);
    officer = (await t.loginAs('officer')).token;
  });
  afterAll(() => t.close());

  async function fileWithRecords(n: number) {
    const { uscc } = await registerInstitution(t, officer);
    const ids: string[] = [];
    for (let i = 1; i <= n; i++) {
      const r = await file.append({
        uscc, kind: 'penalty', title: `处罚 ${i}`, decisionDate: '2026-06-01', severity: 'general',
        publicityFrom: '2026-06-02', publicityUntil: daysFromToday(300), payload: { decisionNo: `D-${uscc}-${i}`, fineAmount: i },
        sourceRef: `test:${uscc}:${i}`,
      });
      ids.push(r.id);
    }
    return { uscc, ids };
  }

  it('appends linked records, idempotently by source reference, and queues each for the platform once', async () => {
    const { uscc, ids } = await fileWithRecords(2);
    const again = await file.append({
      uscc, kind: 'penalty', title: '处罚 1', decisionDate: '2026-06-01', payload: {}, sourceRef: `test:${uscc}:1`,
    });
    expect(again.id).toBe(ids[0]);
    const res = await t.http().get(`/api/institutions/${uscc}/credit-file`).set(auth(officer)).expect(200);
    expect(res.body.items.map((r: { seq: number }) => r.seq)).toEqual([1, 2]);
    expect(res.body.items[1].prevHash).toBe(res.body.items[0].hash);
    expect(res.body.items[0]).toMatchObject({ status: 'published', statusLabel: '公示中' });
    const outbox = await t.ds.query(`SELECT idempotency_key FROM platform_submissions WHERE record_ref = ANY($1) ORDER BY 1`, [ids]);
    expect(outbox.map((o: { idempotency_key: string }) => o.idempotency_key).sort()).toEqual(ids.map((id) => `credit-record:${id}`).sort());
    await t.http().get(`/api/institutions/${uscc}/credit-file/verify`).set(auth(officer)).expect(200, { uscc, ok: true, checked: 2 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database level', async () => {
    const { ids } = await fileWithRecords(1);
    await expect(t.ds.query(`UPDATE credit_records SET title = 'x' WHERE id = $1`, [ids[0]])).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM credit_records WHERE id = $1`, [ids[0]])).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`TRUNCATE credit_records CASCADE`)).rejects.toThrow(/append-only/);
  });

  it('detects an edited row and names it', async () => {
    const { uscc, ids } = await fileWithRecords(3);
    await tamper(t, `UPDATE credit_records SET payload = jsonb_set(payload, '{fineAmount}', '0') WHERE id = $1`, [ids[1]]);
    const res = await t.http().get(`/api/institutions/${uscc}/credit-file/verify`).set(auth(officer)).expect(200);
    expect(res.body).toMatchObject({ ok: false, firstBrokenSeq: 2, reason: expect.stringContaining('被修改') });
  });

  it('detects a deleted row in the middle and at the end', async () => {
    // a thorough tamperer removes the record's effects too (the row its foreign key protects), so the database stays
    // restorable: the restore drill in `npm test` dumps and restores what this suite leaves behind
    const erase = async (id: string) => {
      await tamper(t, `DELETE FROM credit_effects WHERE record_id = $1`, [id]);
      await tamper(t, `DELETE FROM credit_records WHERE id = $1`, [id]);
    };
    const middle = await fileWithRecords(3);
    await erase(middle.ids[1]);
    expect(await file.verifyChain(middle.uscc)).toMatchObject({ ok: false, firstBrokenSeq: 2 });

    const tail = await fileWithRecords(3);
    await erase(tail.ids[2]);
    expect(await file.verifyChain(tail.uscc)).toMatchObject({ ok: false, firstBrokenSeq: 3 });

    // the CLI's walk reports the same institutions as broken
    const broken: string[] = [];
    for await (const r of verifyAllChains(t.ds)) if (!r.result.ok) broken.push(r.uscc);
    expect(broken).toEqual(expect.arrayContaining([middle.uscc, tail.uscc]));
  });

  it('derives status from later records: a repair leaves publication, a correction marks the original', async () => {
    const { uscc, ids } = await fileWithRecords(2);
    await file.append({ uscc, kind: 'repair', title: '信用修复', decisionDate: daysFromToday(-1), payload: {}, sourceRef: `repair:${ids[0]}`, refersTo: ids[0] });
    await file.append({ uscc, kind: 'correction', title: '更正', decisionDate: daysFromToday(-1), payload: {}, sourceRef: `corr:${ids[1]}`, refersTo: ids[1] });
    const view = await file.fileOf(uscc);
    expect(view.slice(0, 2).map((r) => r.status)).toEqual(['repaired', 'corrected']);
    expect(view[0].referredBy).toEqual([expect.objectContaining({ kind: 'repair' })]);
    await expect(file.append({ uscc, kind: 'repair', title: '修复', decisionDate: '2026-06-01', payload: {}, sourceRef: `x:${uscc}` }))
      .rejects.toMatchObject({ code: 'CREDIT_RECORD_INVALID' });
  });

  it('shows an institution its own file and answers 404 for another one', async () => {
    const own = await fileWithRecords(1);
    const other = await fileWithRecords(1);
    const inst = (await t.loginAs('institution', { uscc: own.uscc })).token;
    await t.http().get(`/api/institutions/${own.uscc}/credit-file`).set(auth(inst)).expect(200);
    const res = await t.http().get(`/api/institutions/${other.uscc}/credit-file`).set(auth(inst)).expect(404);
    expect(res.body.code).toBe('INSTITUTION_NOT_FOUND');
  });
});
