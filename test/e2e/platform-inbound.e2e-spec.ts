import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JointSanctionService } from '../../src/platform/joint-sanction.service';
import type { RunningSimulator } from '../../src/platform-simulator/server';
import { createTestApp, TestApp } from '../support/app';
import { createInstitution, makeUscc, TestInstitution } from '../support/factories';
import { relayContext, startSimulator, usePlatformEnv, waitFor } from '../support/platform';

/** Other departments' reports and joint-sanction acknowledgements, pulled from the simulator's feed. */
describe('platform inbound feed', () => {
  let sim: RunningSimulator;
  let restoreEnv: () => void;
  let t: TestApp;
  let relay: INestApplicationContext;
  let admin: string;
  let officer: string;
  let ours: TestInstitution;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    sim = await startSimulator();
    restoreEnv = usePlatformEnv(sim);
    t = await createTestApp();
    relay = await relayContext();
    admin = (await t.loginAs('admin')).token;
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    ours = await createInstitution(t.ds, 'XWPX');
    // every suite starts its own simulator, whose feed numbering starts again at 1
    await t.ds.query(`DELETE FROM platform_feed_cursor`);
  });

  afterAll(async () => {
    await relay?.close();
    await t?.close();
    await sim?.close();
    restoreEnv?.();
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const pull = async () => (await t.http().post('/api/platform/inbound/pull').set(auth(admin)).expect(200)).body;

  it('answers a pull during a platform outage with 503 and a Chinese "try again", and reads on from the same place after', async () => {
    await pull();
    const [before] = await t.ds.query(`SELECT after_seq FROM platform_feed_cursor`);
    expect(before).toBeDefined();
    sim.admin.setFaults({ outageForMs: 60_000 });
    const refused = await t.http().post('/api/platform/inbound/pull').set(auth(admin)).expect(503);
    sim.admin.setFaults({ outageUntil: null });
    expect(refused.body).toMatchObject({ code: 'PLATFORM_UNAVAILABLE', message: expect.stringContaining('请稍后重试') });
    const [after] = await t.ds.query(`SELECT after_seq FROM platform_feed_cursor`);
    expect(after).toEqual(before);
    await pull();
  });

  it('creates each inbound record once although the feed delivers it twice and the cursor is lost', async () => {
    sim.admin.publish([
      { id: `SJ-${run}-1`, kind: 'record', department: '连云港市市场监督管理局', uscc: ours.uscc, title: '虚假宣传行政处罚',
        recordType: 'penalty', severity: 'general', decisionDate: '2026-01-12', payload: { decisionNo: '连市监处罚〔2026〕12号' } },
      { id: `SJ-${run}-2`, kind: 'record', department: '连云港市税务局', uscc: ours.uscc, title: '纳税信用A级',
        recordType: 'honour', severity: 'minor', decisionDate: '2026-02-01', payload: {} },
      { id: `RS-${run}-1`, kind: 'record', department: '连云港市人力资源和社会保障局', uscc: makeUscc(), title: '拖欠工资',
        recordType: 'determination', severity: 'serious', decisionDate: '2026-02-03', payload: {} },
    ]);
    expect(await pull()).toMatchObject({ created: 2, not_ours: 1, duplicate: 0 });

    sim.admin.replayFeed(); // the platform sends every item again
    expect(await pull()).toMatchObject({ created: 0, duplicate: 2, not_ours: 1 });
    await t.ds.query(`UPDATE platform_feed_cursor SET after_seq = 0`); // and we forget how far we had read
    expect(await pull()).toMatchObject({ created: 0, duplicate: 4 });

    const rows = await t.ds.query(
      `SELECT source_key, warning, credit_record_id FROM inbound_records WHERE uscc = $1 ORDER BY source_key`, [ours.uscc]);
    expect(rows.map((r: { source_key: string; warning: boolean }) => [r.source_key, r.warning])).toEqual([
      [`连云港市市场监督管理局:SJ-${run}-1`, true],
      [`连云港市税务局:SJ-${run}-2`, false],
    ]);
    const linked = rows.filter((r: { credit_record_id: string | null }) => r.credit_record_id).length;
    if (linked) {
      // with the credit file wired in, each inbound record is in it exactly once as well
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM credit_records WHERE uscc = $1 AND source_ref LIKE 'platform-feed:%'`, [ours.uscc]);
      expect(n).toBe(linked);
    }
    // the penalty raises a credit-review warning for the institution's office, once
    const inbox = await t.http().get('/api/inbox').set(auth(officer)).expect(200);
    const warnings = inbox.body.items.filter((m: { template: string; body: string }) =>
      m.template === 'inbound_warning' && m.body.includes('虚假宣传行政处罚') && m.body.includes(ours.uscc.slice(-6).toLowerCase()));
    expect(warnings).toHaveLength(1);
  });

  it('sends joint-sanction notices through the platform and records each acknowledgement on the case once', async () => {
    const caseNo = `LY-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const [{ id: registeredBy }] = await t.ds.query(`SELECT id FROM users WHERE role = 'officer' LIMIT 1`);
    await t.ds.query(
      `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts, source,
                          severity, stage, office_code, registered_by)
       VALUES ($1, $2, $3, 'EDU-001', (SELECT version FROM catalogue_versions WHERE active), (SELECT version FROM policies WHERE active),
               '测试联合惩戒', 'inspection', 'serious', 'JOINT_SANCTION', 'XWPX', $4)`,
      [caseNo, ours.id, ours.uscc, registeredBy],
    );
    const sanctions = t.app.get(JointSanctionService);
    const notice = {
      caseNo, uscc: ours.uscc, measures: ['限制从业 3 年', '取消评优评先资格'],
      persons: [{ name: '张某', idNumberMasked: '3207**********4417', banUntil: '2029-03-01' }],
      departments: ['连云港市市场监督管理局', '连云港市人力资源和社会保障局'],
    };
    const first = await t.ds.transaction((m) => sanctions.sendNotices(m, notice));
    const again = await t.ds.transaction((m) => sanctions.sendNotices(m, notice)); // a retried activity
    expect(first.map((s) => s.created)).toEqual([true, true]);
    expect(again.map((s) => s.submissionId)).toEqual(first.map((s) => s.submissionId));
    expect(again.map((s) => s.created)).toEqual([false, false]);

    await waitFor('both notices delivered', async () =>
      sim.admin.held().filter((r) => r.type === 'joint_sanction_notice' && r.recordRef === caseNo).length === 2);
    await pull();
    sim.admin.replayFeed();
    await pull();

    const acks = await t.ds.query(
      `SELECT payload->>'department' AS department FROM case_events WHERE case_no = $1 AND type = 'JOINT_SANCTION_ACK' ORDER BY 1`, [caseNo]);
    expect(acks.map((a: { department: string }) => a.department)).toEqual(['连云港市人力资源和社会保障局', '连云港市市场监督管理局']);
    const view = await t.http().get(`/api/platform/cases/${caseNo}/joint-sanction-notices`).set(auth(officer)).expect(200);
    expect(view.body).toHaveLength(2);
    for (const n of view.body) {
      expect(n).toMatchObject({ status: 'delivered', receiptId: expect.any(String), acknowledgedAt: expect.any(String) });
    }
  });
});
