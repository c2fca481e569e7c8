import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { addMonths, nextDay } from '../../../src/calendar/iso-date';
import { CalendarService } from '../../../src/calendar/calendar.service';
import type { RunningSimulator } from '../../../src/platform-simulator/server';
import { createTestApp, TestApp } from '../../support/app';
import { settingsBody } from '../../support/documents';
import { makeUscc } from '../../support/factories';
import { relayContext, startSimulator, usePlatformEnv, waitFor } from '../../support/platform';
import { auth, daysFromToday, penaltyBody, publishPenalty, registerInstitution } from './helpers';

const COMMITMENT = '本机构承诺今后依法依规办学，主动接受社会监督';
const MARKET_BUREAU = '连云港市市场监督管理局';

/**
 * Repair of 双公示 penalties (issue #19 part 2): 谁认定谁修复 under 国家发展改革委令第36号. Penalties are decided four
 * months before today (一般: repairable from the day after three months) or one month before (not yet), so every
 * date holds on any day of the year; the one fixed date is a counter application received on 2026-09-30, whose
 * 3 working days of acceptance run over 国庆: 10-01…10-07 off, 10-08 (Thu) 1, 10-09 (Fri) 2, 10-10 (Sat, 调休 worked) 3.
 */
describe('repair of records the bureau determined', () => {
  let sim: RunningSimulator;
  let restoreEnv: () => void;
  let t: TestApp;
  let relay: INestApplicationContext;
  let officer: string;
  let approver: string;
  let admin: string;
  let bureauCode: string;
  const today = daysFromToday(0);

  beforeAll(async () => {
    sim = await startSimulator();
    restoreEnv = usePlatformEnv(sim);
    t = await createTestApp();
    relay = await relayContext();
    admin = (await t.loginAs('admin', { officeCode: null })).token;
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
    const settings = settingsBody();
    bureauCode = settings.issuerCode;
    await t.http().put('/api/document-settings').set(auth(admin)).send(settings).expect(200);
    await t.ds.query(`DELETE FROM platform_feed_cursor`); // this suite's simulator numbers its feed from 1
  }, 60_000);

  afterAll(async () => {
    await relay?.close();
    await t?.close();
    await sim?.close();
    restoreEnv?.();
  });

  /** A penalty of the bureau's own (处罚机关 = the issuer of its documents), published by two people. */
  const ownPenalty = (uscc: string, overrides: Record<string, unknown> = {}) => publishPenalty(t, { officer, approver }, penaltyBody(uscc, {
    authorityName: '连云港市连云区教育局', authorityCode: bureauCode, sourceUnitName: '连云港市连云区教育局', sourceUnitCode: bureauCode, ...overrides,
  }));
  const accept = (id: string) => t.http().post(`/api/record-repairs/${id}/acceptance`).set(auth(officer)).send({ outcome: 'accept' });
  const decide = (id: string, outcome: 'grant' | 'refuse', reason: string) =>
    t.http().post(`/api/record-repairs/${id}/decision`).set(auth(approver)).send({ outcome, reason });
  const results = (id: string) => t.ds.query(
    `SELECT payload->>'status' AS status, payload->>'route' AS route FROM platform_submissions WHERE record_type = 'repair_result' AND record_ref = $1 ORDER BY created_at`, [id]);

  it('refuses repair of a penalty while its fine is unpaid, and grants it once paid after the minimum period', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const decisionDate = addMonths(today, -4);
    const penalty = await ownPenalty(uscc, { decisionDate }); // 警告 and a 5,000-yuan fine: 一般
    expect(penalty.repairableFrom).toBe(nextDay(addMonths(decisionDate, 3)));
    const institution = (await t.loginAs('institution', { uscc, officeCode: null })).token;

    const applied = await t.http().post('/api/portal/record-repairs').set(auth(institution))
      .send({ recordId: penalty.recordId, correction: '已停止超范围培训并完成退费', commitment: COMMITMENT }).expect(201);
    const policy = (await t.http().get('/api/policies/active').set(auth(officer)).expect(200)).body.document;
    const calendar = t.app.get(CalendarService);
    expect(applied.body).toMatchObject({ route: 'portal', status: 'submitted', receivedOn: today, commitmentSignedOn: today,
      acceptDue: await calendar.addWorkingDays(today, policy.repairAcceptanceDays) });
    // a second application while the first is open is refused with its reason
    const again = await t.http().post('/api/portal/record-repairs').set(auth(institution))
      .send({ recordId: penalty.recordId, correction: '已停止超范围培训', commitment: COMMITMENT }).expect(409);
    expect(again.body.code).toBe('REPAIR_ALREADY_OPEN');

    const accepted = await accept(applied.body.id).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedOn: today, decideDue: await calendar.addWorkingDays(today, policy.repairDecisionDays) });

    const unpaid = await decide(applied.body.id, 'grant', '整改到位').expect(422);
    expect(unpaid.body).toMatchObject({ code: 'REPAIR_FINE_UNPAID', message: expect.stringContaining('罚款尚未登记缴纳') });
    // the detail names the unmet condition before anyone decides, and who entered and accepted it (four eyes in the console)
    const detail = (await t.http().get(`/api/record-repairs/${applied.body.id}`).set(auth(officer)).expect(200)).body;
    expect(detail).toMatchObject({ status: 'accepted', createdBy: expect.any(String), acceptedBy: expect.any(String) });
    expect(detail.unmetConditions).toEqual([expect.stringContaining('罚款尚未登记缴纳')]);

    await t.http().post(`/api/publicity/decisions/${penalty.id}/fine-payment`).set(auth(officer))
      .send({ paidOn: addMonths(today, -3), receiptNo: `FS-${randomBytes(3).toString('hex')}`, amountYuan: 5000 }).expect(201);
    expect((await t.http().get(`/api/record-repairs/${applied.body.id}`).set(auth(officer)).expect(200)).body.unmetConditions).toEqual([]);
    const granted = await decide(applied.body.id, 'grant', '罚款已缴纳，整改到位，已签署信用承诺').expect(200);
    expect(granted.body).toMatchObject({ status: 'granted', decidedOn: today, documentNo: expect.stringContaining('〔'), repairRecordId: expect.any(String) });
    const [doc] = await t.ds.query(`SELECT title, kind, addressee_name FROM documents WHERE id = $1`, [granted.body.documentId]);
    expect(doc).toMatchObject({ title: '信用修复决定书', kind: 'record-repair-decision' });

    // publication and sharing end; the fine, a penalty, stands (36号令 art. 3; 行政处罚法 art. 9)
    const effects = (await t.http().get(`/api/credit-records/${penalty.recordId}/effects`).set(auth(officer)).expect(200)).body;
    const byKind = Object.fromEntries((effects.items ?? effects).map((e: { kind: string; status: string; endedBy: string | null }) => [e.kind, [e.status, e.endedBy]]));
    expect(byKind).toEqual({ publication: ['ended', 'repair'], sharing: ['ended', 'repair'], fine: ['active', null] });
    const publicPage = await t.http().get(`/api/public/institutions/${uscc}`).expect(200);
    expect(publicPage.body.records.map((r: { id: string }) => r.id)).not.toContain(penalty.recordId);
    expect((await results(applied.body.id)).map((r: { status: string }) => r.status)).toEqual(['granted']);
    // the institution sees its outcome, not which staff members entered or accepted it
    const mine = (await t.http().get('/api/portal/record-repairs').set(auth(institution)).expect(200)).body;
    expect(mine).toEqual([expect.objectContaining({ id: applied.body.id, status: 'granted', statusLabel: '准予修复', createdBy: null, acceptedBy: null })]);
  });

  it('refuses to grant before the minimum period, and a refusal gives its reason in a 不予信用修复决定书', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const penalty = await ownPenalty(uscc, { decisionDate: addMonths(today, -1) });
    await t.http().post(`/api/publicity/decisions/${penalty.id}/fine-payment`).set(auth(officer))
      .send({ paidOn: today, receiptNo: `FS-${randomBytes(3).toString('hex')}` }).expect(201);
    // entered at the counter by the approver: four eyes, so another approver decides
    const counter = await t.http().post('/api/record-repairs').set(auth(approver))
      .send({ recordId: penalty.recordId, receivedOn: today, correction: '已停止违规培训并完成整改', commitment: COMMITMENT, commitmentSignedOn: today }).expect(201);
    await accept(counter.body.id).expect(200);
    const own = await decide(counter.body.id, 'refuse', '最短公示期未满三个月').expect(403);
    expect(own.body.code).toBe('SAME_PERSON');
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
    const early = await decide(counter.body.id, 'grant', '整改到位').expect(422);
    expect(early.body).toMatchObject({ code: 'REPAIR_PERIOD_NOT_REACHED', message: expect.stringContaining(`${String(penalty.repairableFrom)} 起方可`) });
    const refused = await decide(counter.body.id, 'refuse', '最短公示期未满三个月').expect(200);
    expect(refused.body).toMatchObject({ status: 'refused', reason: '最短公示期未满三个月' });
    const [doc] = await t.ds.query(`SELECT title FROM documents WHERE id = $1`, [refused.body.documentId]);
    expect(doc.title).toBe('不予信用修复决定书');
    const file = (await t.http().get(`/api/institutions/${uscc}/credit-file`).set(auth(officer)).expect(200)).body.items;
    expect(file.find((r: { id: string }) => r.id === penalty.recordId).status).toBe('published');
  });

  it('files a 信用中国 application pushed through the platform, decides it and feeds the result back to 信用中国', async () => {
    const { uscc } = await registerInstitution(t, officer);
    // 警告 and 没收违法所得, no fine: only the period and the commitment are conditions
    const penalty = await ownPenalty(uscc, { penaltyCategory: ['警告', '没收违法所得'], confiscatedAmount: 0.2, fineAmount: undefined,
      content: '警告，没收违法所得', decisionDate: addMonths(today, -4) });
    const applicationId = `XYZG-${randomBytes(4).toString('hex')}`;
    const pushed = await fetch(`${sim.url}/admin/creditchina/repair-applications`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ applicationId, uscc, decisionNo: (await decisionNo(penalty.id)), correction: '已停止违规培训', commitment: COMMITMENT,
        commitmentSignedOn: today, receivedOn: today }),
    });
    expect(pushed.status).toBe(201);
    const pull = () => t.http().post('/api/platform/inbound/pull').set(auth(admin)).expect(200);
    await pull();
    sim.admin.replayFeed(); // 信用中国's push delivered twice is one application
    await pull();
    const listed = (await t.http().get('/api/record-repairs').query({ uscc }).set(auth(officer)).expect(200)).body;
    expect(listed).toEqual([expect.objectContaining({ route: 'creditchina', externalRef: applicationId, status: 'submitted', recordId: penalty.recordId })]);

    await accept(listed[0].id).expect(200);
    await decide(listed[0].id, 'grant', '已纠正失信行为，已签署信用承诺').expect(200);
    const forwarded = await waitFor('the result forwarded to 信用中国',
      async () => sim.admin.creditChinaResults().find((r) => r.applicationId === applicationId));
    expect(forwarded).toMatchObject({ status: 'granted', receiptId: expect.stringMatching(/^LYG-/) });
    // the repair itself reached the platform as a repair record too
    await waitFor('the repair record delivered', async () => sim.admin.held().find((r) => r.type === 'repair' && r.uscc === uscc));
  });

  it("refers an application for another department's record with a letter, and never decides it", async () => {
    const { uscc } = await registerInstitution(t, officer);
    const otherCode = makeUscc();
    const penalty = await publishPenalty(t, { officer, approver }, penaltyBody(uscc, {
      authorityName: MARKET_BUREAU, authorityCode: otherCode, decisionDate: addMonths(today, -4) }));
    const counter = await t.http().post('/api/record-repairs').set(auth(officer))
      .send({ recordId: penalty.recordId, receivedOn: '2026-09-30', correction: '已停止违规培训并完成整改', commitment: COMMITMENT, commitmentSignedOn: '2026-09-30' }).expect(201);
    expect(counter.body).toMatchObject({ route: 'counter', status: 'referred', referredTo: MARKET_BUREAU, acceptDue: '2026-10-10',
      decidedOn: today, reason: expect.stringContaining('谁认定、谁修复') });
    const [letter] = await t.ds.query(`SELECT kind, addressee_name, to_subject FROM documents WHERE id = $1`, [counter.body.documentId]);
    expect(letter).toEqual({ kind: 'repair-referral-letter', addressee_name: MARKET_BUREAU, to_subject: false });
    // the message names the step in words, never the raw status a clerk would not understand
    const notAtStep = (await accept(counter.body.id).expect(409)).body;
    expect(notAtStep).toMatchObject({ code: 'REPAIR_NOT_AT_STEP', message: expect.stringContaining('当前：已转认定部门办理') });
    expect(notAtStep.message).not.toMatch(/referred/);
    expect((await decide(counter.body.id, 'grant', '整改到位').expect(409)).body.code).toBe('REPAIR_NOT_AT_STEP');
    expect((await results(counter.body.id)).map((r: { status: string }) => r.status)).toEqual(['referred']);
    const file = (await t.http().get(`/api/institutions/${uscc}/credit-file`).set(auth(officer)).expect(200)).body.items;
    expect(file.find((r: { id: string }) => r.id === penalty.recordId).status).toBe('published');

    // counted per month: applications by route, outcomes, referrals, times to accept and decide
    const stats = (await t.http().get('/api/statistics').query({ granularity: 'month', from: today, to: today }).set(auth(approver)).expect(200)).body;
    const values = stats.periods[0].values;
    for (const key of ['recordRepairsApplied_portal', 'recordRepairsApplied_counter', 'recordRepairsApplied_creditchina', 'recordRepairs_granted',
      'recordRepairs_refused', 'recordRepairs_referred']) expect([key, values[key] >= 1]).toEqual([key, true]);
    expect(values.recordRepairsAcceptDays).toEqual(expect.any(Number));
    expect(values.recordRepairsDecideDays).toEqual(expect.any(Number));
  });

  async function decisionNo(decisionId: string): Promise<string> {
    const [d] = await t.ds.query(`SELECT document_no FROM publicity_decisions WHERE id = $1`, [decisionId]);
    return d.document_no;
  }
});
