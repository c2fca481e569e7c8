import type { DataSource } from 'typeorm';
import { claimTaskUpdate, completeTaskUpdate, type Actor, type Severity } from '../../workflows/contracts';
import { dishonestyCaseWorkflow } from '../../workflows/dishonesty-case.workflow';
import type { CaseDriver } from '../support/case-driver';
import { useCaseRun } from '../support/case-run';
import { determineProposal as determine, withSpringFestivalCase } from '../support/spring-festival-case';

/**
 * The lifecycle's heavier and closing paths on the time-skipping server, with the real activities on PostgreSQL: the
 * serious list and its sanctions, withdrawal, the maximum period, overdue tasks and refused submissions. Each case starts
 * on Tue 2026-02-10 10:00 (Beijing), dates by hand in test/support/spring-festival-case.ts.
 */
describe(`${dishonestyCaseWorkflow.name}: the serious list, withdrawal and the end of a case`, () => {
  const run = useCaseRun();
  let ds: DataSource;
  let officer: Actor;
  let approver: Actor;
  let legal: Actor;
  let head: Actor;
  beforeAll(() => ({ ds, officer, approver, legal, head } = run));

  const withCase = (body: (c: CaseDriver) => Promise<void>, severity?: Severity) => withSpringFestivalCase(run, body, severity);
  const determineProposal = (c: CaseDriver, severity?: Severity) => determine(run, c, severity);

  /** Determination of a serious case on 02-25 (the objection window unanswered), then the listing decision. */
  async function listSeriousCase(c: CaseDriver) {
    await determineProposal(c, 'serious');
    await c.passDay('2026-02-24');
    let s = await c.state();
    // 36 months from 02-25; repair after the 12-month minimum (民法典 art. 201–202: ends 2027-02-25, repair from 02-26)
    expect(s).toMatchObject({ stage: 'SERIOUS_LIST', repairableFrom: '2027-02-26', publicityUntil: '2029-02-25' });
    expect(await c.task('propose-listing')).toMatchObject({ candidateRole: 'officer', dueDate: '2026-03-03' });
    await c.complete('propose-listing', officer, { summary: '情节严重', decision: 'propose', basis: '《校外培训行政处罚暂行办法》（教育部令第53号）' });
    // the 告知书 served in the portal on 02-25: 5 working days for 陈述申辩 from 02-26 (26, 27, Sat 28, 03-02, 03-03)
    expect((await c.state()).institutionDeadline).toEqual({ kind: 'statement', dueDate: '2026-03-03', round: 0, provisional: false });
    s = await c.stateCase('已停止招生，请求不列入');
    expect(await c.task('review-listing')).toMatchObject({ candidateRole: 'legal', candidateOffice: null });
    await expect(c.complete('review-listing', officer, { summary: '同意', decision: 'agree' })).rejects.toMatchObject({ cause: { type: 'TASK_NOT_CANDIDATE' } });
    await c.complete('review-listing', legal, { summary: '事实清楚，程序合法', decision: 'agree' });
    await expect(c.complete('decide-listing', approver, { summary: '列入', decision: 'list' })).rejects.toMatchObject({ cause: { type: 'TASK_NOT_CANDIDATE' } });
    s = await c.complete('decide-listing', head, { summary: '列入严重失信主体名单', decision: 'list' });
    expect(s.stage).toBe('JOINT_SANCTION');
    return s;
  }

  const effectsOf = (caseNo: string) => ds.query(
    `SELECT kind, ends_on::text AS "endsOn", status, ended_by AS "endedBy", measure_id AS "measureId" FROM credit_effects
      WHERE case_no = $1 AND kind IN ('list-entry', 'joint-sanction-measure') ORDER BY kind, measure_id`, [caseNo]);

  it('lists a serious case by decision, sanctions two of three measures on the entry, and repair ends them with one letter per department', () =>
    withCase(async (c) => {
      await listSeriousCase(c);
      const events = await c.events();
      expect(events.indexOf('LISTING_PROPOSED')).toBeLessThan(events.indexOf('STATEMENT_RECEIVED'));
      expect(events.indexOf('STATEMENT_RECEIVED')).toBeLessThan(events.indexOf('LISTED'));
      const kinds = (await c.documents()).map((d) => d.kind);
      expect(kinds).toEqual(expect.arrayContaining(['listing-notice', 'listing-decision']));
      expect(kinds.filter((k) => k === 'repair-notice')).toHaveLength(2); // with the determination and with the listing (两书同达)

      // three catalogue measures fit EDU-001 (M-ZDJG, M-CZZJ, M-ZFCG…): the approver confirms two
      expect(await c.task('confirm-sanction')).toMatchObject({ candidateRole: 'approver', dueDate: '2026-03-03' });
      await expect(c.complete('confirm-sanction', approver, { summary: '实施', measures: ['限制参加评先评优'] }))
        .rejects.toMatchObject({ cause: { type: 'MEASURE_NOT_IN_CATALOGUE' } });
      const after = await c.complete('confirm-sanction', approver, { summary: '确认两项措施', measures: ['M-ZFCG', 'M-CZZJ'] });
      expect(after.stage).toBe('RECTIFICATION');
      const [sanction] = await ds.query(
        `SELECT decision_date::text AS "decided", publicity_until::text AS until, payload FROM credit_records WHERE case_no = $1 AND kind = 'joint_sanction'`, [c.caseNo]);
      // the sanction lasts as long as the list entry, not one day (issue #16 item 2)
      expect(sanction).toMatchObject({ decided: '2026-02-25', until: '2029-02-25', payload: { departments: ['财政部门', '教育行政部门'] } });
      expect(sanction.payload.measures.map((m: { id: string }) => m.id)).toEqual(['M-ZFCG', 'M-CZZJ']);
      const letters = (await c.documents()).filter((d) => d.kind === 'sanction-letter');
      expect(letters).toHaveLength(2);
      expect(await ds.query(`SELECT 1 FROM industry_bans WHERE case_no = $1`, [c.caseNo])).toEqual([]);
      expect(await effectsOf(c.caseNo)).toEqual([
        { kind: 'joint-sanction-measure', endsOn: '2029-02-25', status: 'active', endedBy: null, measureId: 'M-CZZJ' },
        { kind: 'joint-sanction-measure', endsOn: '2029-02-25', status: 'active', endedBy: null, measureId: 'M-ZFCG' },
        { kind: 'list-entry', endsOn: '2029-02-25', status: 'active', endedBy: null, measureId: null },
      ]);

      await c.reportRectification();
      await c.complete('verify-rectification', officer, { summary: '整改到位', decision: 'pass' });
      await c.passDay('2027-02-25');
      await c.applyRepair();
      await c.complete('accept-repair', officer, { summary: '受理', decision: 'accept' });
      const s = await c.complete('decide-repair', approver, { summary: '准予修复', decision: 'approve' });
      expect(s).toMatchObject({ stage: 'CLOSED', outcome: 'REPAIRED' });
      // repair on 2027-02-26 ends the list entry and both measures together (36号令 art. 3)
      expect((await effectsOf(c.caseNo)).map((e: { status: string; endedBy: string }) => [e.status, e.endedBy])).toEqual([
        ['ended', 'repair'], ['ended', 'repair'], ['ended', 'repair'],
      ]);
      const lifting = await ds.query(`SELECT addressee_name AS "to" FROM documents WHERE case_no = $1 AND kind = 'sanction-lifting-letter'`, [c.caseNo]);
      expect(lifting.map((l: { to: string }) => l.to).sort()).toEqual(['教育行政部门', '财政部门'].sort());
      const lifts = await ds.query(
        `SELECT count(*)::int AS n FROM platform_submissions WHERE record_type = 'joint_sanction_notice' AND record_ref = $1 AND payload->>'action' = 'lift'`, [c.caseNo]);
      expect(lifts[0].n).toBe(2);
    }, 'serious'));

  it('withdrawing a case after its sanction ends the list entry and the measures, and tells the departments', () =>
    withCase(async (c) => {
      await listSeriousCase(c);
      await c.complete('confirm-sanction', approver, { summary: '确认一项措施', measures: ['M-ZFCG'] });
      const s = await c.handle.executeUpdate('withdrawCase', { args: [{ actor: approver, reason: '认定依据有误，予以撤销' }] });
      expect(s).toMatchObject({ stage: 'WITHDRAWN' });
      expect((await effectsOf(c.caseNo)).map((e: { status: string; endedBy: string }) => [e.status, e.endedBy])).toEqual([
        ['ended', 'withdrawal'], ['ended', 'withdrawal'],
      ]);
      const [letter] = await ds.query(`SELECT addressee_name AS "to", content FROM documents WHERE case_no = $1 AND kind = 'sanction-lifting-letter'`, [c.caseNo]);
      expect(letter.to).toBe('财政部门');
      expect(JSON.stringify(letter.content)).toContain('已依法撤销');
    }, 'serious'));

  it('confirms no measure at all when the approver so decides, with the reason on record', () =>
    withCase(async (c) => {
      await listSeriousCase(c);
      const s = await c.complete('confirm-sanction', approver, { summary: '已主动整改，暂不实施联合惩戒', measures: [] });
      expect(s.stage).toBe('RECTIFICATION');
      expect((await c.records()).map((r) => r.kind)).toEqual(['determination']);
      const reasons = await ds.query(`SELECT reason, payload->'measures' AS measures FROM case_events WHERE case_no = $1 AND type = 'TASK_COMPLETED' AND reason LIKE '%联合惩戒%'`, [c.caseNo]);
      expect(reasons).toEqual([{ reason: '已主动整改，暂不实施联合惩戒', measures: [] }]);
      expect((await c.documents()).filter((d) => d.kind === 'sanction-letter')).toEqual([]);
    }, 'serious'));

  it('ends publication at the maximum period and refuses a repair the approver rejects', () =>
    withCase(async (c) => {
      await determineProposal(c, 'minor');
      await c.passDay('2026-02-24');
      await c.reportRectification();
      await c.complete('verify-rectification', officer, { summary: '通过', decision: 'pass' });
      // 轻微: recorded, not published (no publicity window); repairable the day after the 0-month minimum, i.e. 02-26
      expect(await c.state()).toMatchObject({ stage: 'PUBLICITY', repairableFrom: '2026-02-26', publicityUntil: null });
      expect(await c.records()).toMatchObject([{ kind: 'determination', publicity_until: null }]);
      await c.passDay('2026-02-25');
      await c.applyRepair();
      await c.complete('accept-repair', officer, { summary: '受理', decision: 'accept' });
      let s = await c.complete('decide-repair', approver, { summary: '修复材料不实', decision: 'refuse' });
      expect(s.stage).toBe('PUBLICITY');
      await c.passDay('2026-05-25');
      s = await c.state();
      expect(s).toMatchObject({ stage: 'CLOSED', outcome: 'PUBLICATION_ENDED' });
      expect((await c.records()).map((r) => r.kind)).toEqual(['determination', 'publication_end']);
      expect(await c.events()).toContain('REPAIR_REFUSED');
    }));

  it('flags an overdue task, tells the approvers, and records the fact on the case', () =>
    withCase(async (c) => {
      const { taskId } = await c.task('investigate');
      await c.passDay('2026-03-02');
      const [task] = await ds.query(`SELECT overdue FROM tasks WHERE id = $1`, [taskId]);
      expect(task.overdue).toBe(true);
      const [event] = await ds.query(`SELECT payload->>'dueDate' AS due FROM case_events WHERE case_no = $1 AND type = 'TASK_OVERDUE'`, [c.caseNo]);
      expect(event.due).toBe('2026-03-02');
      const reminders = await ds.query(`SELECT template FROM notifications WHERE idempotency_key LIKE $1 ORDER BY created_at`, [`${c.caseNo}:task:investigate-1%`]);
      expect(reminders.map((r: { template: string }) => r.template)).toEqual(expect.arrayContaining(['task_assigned']));
      const overdueNotes = await ds.query(`SELECT count(*)::int AS n FROM notifications WHERE idempotency_key LIKE $1`, [`${taskId}:overdue%`]);
      expect(overdueNotes[0].n).toBeGreaterThan(0);
    }));

  it('refuses submissions by the wrong party, in the wrong stage or after the deadline', () =>
    withCase(async (c) => {
      await expect(c.reportRectification()).rejects.toMatchObject({ cause: { type: 'WRONG_STAGE' } });
      await determineProposal(c);
      const stranger = { ...c.who.institution, uscc: '91440300708461136T' };
      await expect(c.handle.executeUpdate('submitObjection', { args: [{ actor: stranger, text: '冒名', fileIds: [] }] }))
        .rejects.toMatchObject({ cause: { type: 'WRONG_PARTY' } });
      await c.passDay('2026-02-24');
      await expect(c.object()).rejects.toMatchObject({ cause: { type: 'WRONG_STAGE' } });
    }));

  it('goes on when the officer completes a task while a second claim of it is still being written', () =>
    withCase(async (c) => {
      const { taskId } = await c.task('investigate');
      await c.handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor: officer }] });
      // a double click: the claim again, and the completion before the claim's write is done
      const [claim, done] = await Promise.allSettled([
        c.handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor: officer }] }),
        c.handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor: officer, outcome: { summary: '经查属实', severity: 'general' } }] }),
      ]);
      expect(done).toMatchObject({ status: 'fulfilled', value: { stage: 'APPROVAL' } });
      // the two arrive in either order: a claim that comes after the completion finds the task done, and says so
      if (claim.status === 'rejected') expect(claim.reason).toMatchObject({ cause: { type: 'TASK_NOT_FOUND' } });
      const s = await c.complete('approve-determination', approver, { summary: '同意', decision: 'approve' });
      expect(s.stage).toBe('OBJECTION_WINDOW');
    }));

  it('withdraws a case mid-rectification with a correction record and no open work left', () =>
    withCase(async (c) => {
      await determineProposal(c);
      await c.passDay('2026-02-24');
      await expect(c.handle.executeUpdate('withdrawCase', { args: [{ actor: officer, reason: '越权' }] }))
        .rejects.toMatchObject({ cause: { type: 'FORBIDDEN' } });
      const s = await c.handle.executeUpdate('withdrawCase', { args: [{ actor: approver, reason: '认定依据有误，予以撤销' }] });
      expect(s).toMatchObject({ stage: 'WITHDRAWN', outcome: 'WITHDRAWN' });
      expect((await c.records()).map((r) => r.kind)).toEqual(['determination', 'correction']);
      const open = await ds.query(`SELECT count(*)::int AS n FROM institution_deadlines WHERE case_no = $1 AND status = 'open'`, [c.caseNo]);
      expect(open[0].n).toBe(0);
      expect(await c.handle.result()).toMatchObject({ stage: 'WITHDRAWN' });
    }));
});
