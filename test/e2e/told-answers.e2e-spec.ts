import type { TestApp } from '../support/app';
import { useApiWithWorker } from '../support/api-with-worker';
import { auth, consentToElectronicService, doTask } from '../support/http-case';
import { waitFor } from '../support/platform';
import { CaseTellings } from '../../src/cases/case-tellings';
import { CaseDeadlineRepository } from '../../src/cases/case-deadline.repository';

/**
 * Issue #20: an institution's answer to an open deadline is accepted in the portal, under the deadline row's lock with
 * the case's rules, committed with its telling and told to the case afterwards, which takes it as told. The row
 * refuses what the case would: a late answer, a resend.
 */
describe('answers told to the case', () => {
  const r = useApiWithWorker();
  let t: TestApp;
  beforeAll(() => ({ t } = r));
  const { openCase, history } = r;

  /** A case determined and its notice served in the portal: the institution's objection window is open. */
  async function inObjectionWindow() {
    const officer = await t.loginAs('officer', { officeCode: 'XWPX' });
    const approver = await t.loginAs('approver', { officeCode: 'XWPX' });
    const { uscc, caseNo } = await openCase(officer.token);
    await consentToElectronicService(t, officer.token, uscc);
    const institution = await t.loginAs('institution', { uscc, officeCode: null });
    await doTask(t, officer.token, caseNo, 'investigate', { summary: '经查属实', severity: 'general' });
    await doTask(t, approver.token, caseNo, 'approve-determination', { summary: '同意', decision: 'approve' });
    return { officer, uscc, caseNo, institution };
  }

  it('takes an objection in the portal, with its receipt at once and the deadline closed, and tells the case', async () => {
    const { officer, caseNo, institution: { token: institution } } = await inObjectionWindow();
    // blank is no answer: refused as the case would refuse it, the window still open
    const blank = await t.http().post(`/api/portal/cases/${caseNo}/objection`).set(auth(institution)).send({ reason: '      ', fileIds: [] });
    expect(blank.status).toBe(400);
    expect(blank.body).toMatchObject({ code: 'OUTCOME_INVALID', message: '请填写说明' });
    // a deadline the case closed as missed (its timer ran, the row said open): too late, in the case's words
    const [[{ due }]] = await t.ds.query( // TypeORM answers an UPDATE … RETURNING as [rows, count]
      `UPDATE institution_deadlines SET status = 'missed' WHERE case_no = $1 AND status = 'open' RETURNING due_date::text AS due`, [caseNo]);
    const late = await t.http().post(`/api/portal/cases/${caseNo}/objection`).set(auth(institution)).send({ reason: '逾期提出的异议', fileIds: [] });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'DEADLINE_PASSED', message: `提交期限已于 ${due} 届满` });
    await t.ds.query(`UPDATE institution_deadlines SET status = 'open' WHERE case_no = $1 AND kind = 'objection'`, [caseNo]);
    const sent = await t.http().post(`/api/portal/cases/${caseNo}/objection`).set(auth(institution))
      .send({ reason: '我机构已取得办学许可证，认定事实有误', fileIds: [] }).expect(200);
    expect(sent.body).toMatchObject({ caseNo, accepted: true });
    const [receipt] = await t.ds.query(`SELECT kind, round FROM case_submissions WHERE case_no = $1`, [caseNo]);
    expect(receipt).toEqual({ kind: 'objection', round: 0 });
    const open = await t.ds.query(`SELECT 1 FROM institution_deadlines WHERE case_no = $1 AND status = 'open'`, [caseNo]);
    expect(open).toHaveLength(0);
    // well before the deadline's end the portal accepts it and the case is told right after (no update of the case's)
    const h = await waitFor('the case told', async () => { const x = await history(caseNo); return x.answered.length > 0 && x; });
    expect(await waitFor('the telling done', async () => (await t.ds.query(`SELECT 1 FROM case_tellings WHERE case_no = $1`, [caseNo])).length === 0)).toBe(true);
    expect(h.answered).toEqual([expect.objectContaining({ text: '我机构已取得办学许可证，认定事实有误', deadlineId: expect.any(String), atMs: expect.any(Number) })]);
    expect(h.acceptedAnswers).toEqual([]);
    // received once: the submission's time is the one the case was told
    const [{ at }] = await t.ds.query(`SELECT (extract(epoch FROM submitted_at) * 1000)::float8 AS at FROM case_submissions WHERE case_no = $1`, [caseNo]);
    expect(at).toBe((h.answered[0] as { atMs: number }).atMs);
    // a second objection finds the deadline answered
    const again = await t.http().post(`/api/portal/cases/${caseNo}/objection`).set(auth(institution)).send({ reason: '再次提出异议', fileIds: [] });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ALREADY_SUBMITTED', message: '已提出异议，请勿重复提交' });
    await doTask(t, officer.token, caseNo, 'review-objection', { summary: '不予采纳', decision: 'reject' });
    const [count] = await t.ds.query(`SELECT count(*)::int AS n FROM case_submissions WHERE case_no = $1`, [caseNo]);
    expect(count.n).toBe(1);
  });

  it('refuses a resent objection whose first is committed but not yet told, and tells the case the first', async () => {
    const { uscc, caseNo, institution } = await inObjectionWindow();
    const [deadline] = await t.ds.query(`SELECT id, round FROM institution_deadlines WHERE case_no = $1 AND kind = 'objection' AND status = 'open'`, [caseNo]);
    // what an answer commits, without the telling after it: an API killed between its commit and its signal
    const first = { actor: { id: institution.user.id, role: 'institution', officeCode: null, uscc }, text: '认定事实有误', fileIds: [], deadlineId: deadline.id as string, atMs: Date.now() };
    const tellings = t.app.get(CaseTellings);
    await t.ds.transaction(async (m) => {
      await t.app.get(CaseDeadlineRepository).answered(m, { ...first, caseNo, kind: 'objection', round: deadline.round, key: `${caseNo}:answer:${deadline.id}` });
      await tellings.hold(m, caseNo, { signal: 'institutionAnswered', payload: first });
    });
    // the institution, shown an error, sends again with other words: the case has not heard of the first, the row has
    const again = await t.http().post(`/api/portal/cases/${caseNo}/objection`).set(auth(institution.token)).send({ reason: '另一段异议理由', fileIds: [] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_SUBMITTED');
    expect((await history(caseNo)).acceptedAnswers).toEqual([]);
    // once the lease has run out a sweep tells the case the first, which it takes: review of that objection
    await t.ds.query(`UPDATE case_tellings SET next_at = now() WHERE subject_id = $1`, [deadline.id]);
    await waitFor('the sweep', async () => (await tellings.sweep(), (await t.ds.query(`SELECT 1 FROM case_tellings WHERE subject_id = $1`, [deadline.id])).length === 0));
    expect((await history(caseNo)).answered).toEqual([first]);
    await waitFor('the objection under review', async () => (await t.ds.query(
      `SELECT 1 FROM tasks WHERE case_no = $1 AND kind = 'review-objection' AND status = 'open'`, [caseNo])).length === 1);
    expect(await t.ds.query(`SELECT text FROM case_submissions WHERE case_no = $1`, [caseNo])).toEqual([{ text: '认定事实有误' }]);
  });

  it('lets the case decide an answer the row says is past its end while the case has not closed it', async () => {
    const { caseNo, institution: { token: institution } } = await inObjectionWindow();
    // the row's date moved to yesterday; the case's timer (its own clock, the one that ends the deadline) is days away
    await t.ds.query(`UPDATE institution_deadlines SET due_date = (now() AT TIME ZONE 'Asia/Shanghai')::date - 1 WHERE case_no = $1 AND status = 'open'`, [caseNo]);
    await t.http().post(`/api/portal/cases/${caseNo}/objection`).set(auth(institution)).send({ reason: '认定事实有误', fileIds: [] }).expect(200);
    // the case accepted it by its update, not a telling, and the receipt is there at once
    const h = await history(caseNo);
    expect(h.acceptedAnswers).toEqual(['submitObjection']);
    expect(h.answered).toEqual([]);
    expect(await t.ds.query(`SELECT kind FROM case_submissions WHERE case_no = $1`, [caseNo])).toEqual([{ kind: 'objection' }]);
    expect(await t.ds.query(`SELECT status FROM institution_deadlines WHERE case_no = $1 AND kind = 'objection'`, [caseNo])).toEqual([{ status: 'answered' }]);
  });
});
