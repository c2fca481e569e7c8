import type { DataSource } from 'typeorm';
import { publishDraftYears } from '../../scripts/draft-calendar';
import { CalendarService } from '../../src/calendar/calendar.service';
import type { Actor } from '../../workflows/contracts';
import { dishonestyCaseWorkflow } from '../../workflows/dishonesty-case.workflow';
import type { CaseDriver } from '../support/case-driver';
import { useCaseRun, withCaseFrom } from '../support/case-run';

/**
 * The serious path with every document served on paper (issue #17): the list entry, an effect on the institution,
 * starts from the served 列入决定书 (brief §7), never from the head's decision. Each case starts on Mon 2026-06-01
 * 10:00 (Beijing), whatever day the tests run on; 端午节 2026 is Fri 06-19 (with the weekend, 06-19…06-21 off).
 * Deadlines run from the day after service; by hand:
 *   认定告知书 served Tue 06-02 → objection: 5 working days from 06-03 (03, 04, 05, 08, 09) → 06-09, unanswered
 *   → determined Wed 06-10: publicity to 2029-06-10 (36 months, 民法典 art. 201–202), repair from 2027-06-11 (12 months)
 *   列入告知书 issued 06-11, served Fri 06-12 → statement: 5 working days from 06-13 (15, 16, 17, 18, 22) → 06-22
 *   列入决定书 issued 06-12 → to be served within 7 working days (15, 16, 17, 18, 22, 23, 24) → 06-24
 *   served Wed 06-17 → listed from 06-17 to 2029-06-10; confirm-sanction opened 06-17, 5 working days (18, 22…25) → 06-25
 *   整改通知书 served Thu 06-18 → 30 calendar days → Sat 07-18, a day off → Mon 07-20 (民法典 art. 203)
 */
describe(`${dishonestyCaseWorkflow.name}: the serious list from its served decision`, () => {
  // repair falls in 2027: its statutory holidays where the State Council's notice is not entered yet
  const run = useCaseRun((ctx) => publishDraftYears(ctx.get(CalendarService), [2026, 2027]));
  let ds: DataSource;
  let officer: Actor;
  let approver: Actor;
  let legal: Actor;
  let head: Actor;
  beforeAll(() => ({ ds, officer, approver, legal, head } = run));

  const START = '2026-06-01T10:00:00+08:00';
  const BASIS = '《校外培训行政处罚暂行办法》（教育部令第53号）';

  const listEntries = (caseNo: string) => ds.query(
    `SELECT starts_on::text AS "startsOn", ends_on::text AS "endsOn", status, ended_by AS "endedBy", ended_on::text AS "endedOn"
       FROM credit_effects WHERE case_no = $1 AND kind = 'list-entry'`, [caseNo]);

  /** Lead to the head's decision to list, every document served on paper on the days in the header. */
  async function toHeadsDecision(c: CaseDriver): Promise<void> {
    await c.complete('investigate', officer, { summary: '经查属实', severity: 'serious' });
    await c.complete('approve-determination', approver, { summary: '同意', decision: 'approve' });
    await c.serveOnPaper(['notice-of-determination'], '2026-06-02');
    let s = await c.settled('the objection window', (x) => x.institutionDeadline !== null);
    expect(s.institutionDeadline).toEqual({ kind: 'objection', dueDate: '2026-06-09', round: 0, provisional: false });
    await c.passDay('2026-06-09');
    s = await c.settled('the determination', (x) => x.decisionDate !== null);
    expect(s).toMatchObject({ decisionDate: '2026-06-10', publicityUntil: '2029-06-10', repairableFrom: '2027-06-11' });
    await c.serveOnPaper(['determination-decision', 'repair-notice'], '2026-06-11');
    await c.settled('the listing proposal', (x) => x.openTasks.some((t) => t.kind === 'propose-listing'));
    await c.complete('propose-listing', officer, { summary: '情节严重，提请列入', decision: 'propose', basis: BASIS });
    await c.serveOnPaper(['listing-notice'], '2026-06-12');
    s = await c.settled('the statement period', (x) => x.institutionDeadline !== null);
    expect(s.institutionDeadline).toEqual({ kind: 'statement', dueDate: '2026-06-22', round: 0, provisional: false });
    await c.stateCase('已停止招生，请求不列入');
    await c.complete('review-listing', legal, { summary: '事实清楚，依据充分，程序合法', decision: 'agree' });
    await c.complete('decide-listing', head, { summary: '列入严重失信主体名单', decision: 'list' });
    // decided on 06-12; the decision and its repair notice (两书同达) wait for the officer to serve them
    s = await c.settled('two service tasks', (x) => x.openTasks.length === 2);
    expect(s.stage).toBe('SERIOUS_LIST');
    expect(s.openTasks.map((t) => [t.kind, t.dueDate])).toEqual([['serve-document', '2026-06-24'], ['serve-document', '2026-06-24']]);
  }

  it('enters the list only once the 列入决定书 is served, from the day of service', () =>
    withCaseFrom(run, START, { severity: 'serious', paperService: true }, async (c) => {
      await toHeadsDecision(c);
      // decided but not served: no entry, nothing announced, no sanction to confirm — on 06-13 and still on 06-17
      // before the officer records the service
      for (const day of ['2026-06-12', '2026-06-16']) {
        await c.passDay(day);
        expect(await listEntries(c.caseNo)).toEqual([]);
        expect(await c.events()).not.toContain('LISTED');
        expect((await c.state()).openTasks.map((t) => t.kind)).toEqual(['serve-document', 'serve-document']);
        // no "you are listed" message (the inbox hears of the decision when its service is recorded, served-notice.ts)
        expect(await ds.query(`SELECT 1 FROM notifications WHERE idempotency_key = $1`, [`${c.caseNo}:listed`])).toEqual([]);
      }
      const [decision] = (await c.documents()).filter((d) => d.kind === 'listing-decision');
      const [named] = await ds.query(`SELECT content FROM documents WHERE id = $1`, [decision.id]);
      expect(JSON.stringify(named.content)).toContain('2029年6月10日'); // the term the decision names

      await c.serveOnPaper(['listing-decision', 'repair-notice'], '2026-06-17');
      // the task opens in the transaction that records LISTED and JOINT_SANCTION_PROPOSED
      const s = await c.settled('the sanction to confirm', (x) => x.openTasks.some((t) => t.kind === 'confirm-sanction'));
      expect(await listEntries(c.caseNo)).toEqual([{ startsOn: '2026-06-17', endsOn: '2029-06-10', status: 'active', endedBy: null, endedOn: null }]);
      const [listed] = await ds.query(`SELECT payload FROM case_events WHERE case_no = $1 AND type = 'LISTED'`, [c.caseNo]);
      expect(listed.payload).toMatchObject({ listedOn: '2026-06-17', listUntil: '2029-06-10', legalReview: 'agree' });
      expect(s.openTasks.map((t) => [t.kind, t.dueDate])).toEqual([['confirm-sanction', '2026-06-25']]);
    }));

  it('runs the serious path to repair: listed from service, two measures confirmed, repair ends the entry and the measures', () =>
    withCaseFrom(run, START, { severity: 'serious', paperService: true }, async (c) => {
      await toHeadsDecision(c);
      await c.serveOnPaper(['listing-decision', 'repair-notice'], '2026-06-17');
      await c.settled('the sanction to confirm', (x) => x.openTasks.some((t) => t.kind === 'confirm-sanction'));
      const events = await c.events();
      for (const [before, after] of [['LISTING_PROPOSED', 'STATEMENT_RECEIVED'], ['STATEMENT_RECEIVED', 'LISTED'], ['LISTED', 'JOINT_SANCTION_PROPOSED']]) {
        expect(events.indexOf(before)).toBeLessThan(events.indexOf(after));
      }

      // of three catalogue measures the case allows (M-ZDJG, M-CZZJ, M-ZFCG among them) the approver confirms two,
      // on 06-17: they run from that day to the entry's end; one 联合惩戒函 per department applying one
      let s = await c.complete('confirm-sanction', approver, { summary: '确认两项措施', measures: ['M-ZDJG', 'M-CZZJ'] });
      expect(s.stage).toBe('RECTIFICATION');
      const measures = await ds.query(
        `SELECT measure_id AS id, starts_on::text AS "startsOn", ends_on::text AS "endsOn" FROM credit_effects
          WHERE case_no = $1 AND kind = 'joint-sanction-measure' ORDER BY measure_id`, [c.caseNo]);
      expect(measures).toEqual([
        { id: 'M-CZZJ', startsOn: '2026-06-17', endsOn: '2029-06-10' }, { id: 'M-ZDJG', startsOn: '2026-06-17', endsOn: '2029-06-10' },
      ]);
      const departments = ['市场监督管理部门', '教育行政部门', '财政部门'].sort();
      const letters = async (kind: string) => (await ds.query(
        `SELECT addressee_name AS "to" FROM documents WHERE case_no = $1 AND kind = $2`, [c.caseNo, kind])).map((l: { to: string }) => l.to).sort();
      expect(await letters('sanction-letter')).toEqual(departments);

      await c.serveOnPaper(['rectification-order'], '2026-06-18');
      s = await c.settled('the rectification deadline', (x) => x.institutionDeadline !== null);
      expect(s.institutionDeadline).toEqual({ kind: 'rectification', dueDate: '2026-07-20', round: 0, provisional: false });
      await c.reportRectification();
      expect((await c.complete('verify-rectification', officer, { summary: '整改到位', decision: 'pass' })).stage).toBe('PUBLICITY');

      // repair opens on 2027-06-11; approved that day, it ends the entry and both measures at once (36号令 art. 3)
      await c.passDay('2027-06-10');
      await c.applyRepair();
      await c.complete('accept-repair', officer, { summary: '材料齐全，予以受理', decision: 'accept' });
      await c.complete('decide-repair', approver, { summary: '准予修复', decision: 'approve' });
      const ended = await ds.query(
        `SELECT kind, status, ended_by AS "endedBy", ended_on::text AS "endedOn" FROM credit_effects
          WHERE case_no = $1 AND kind IN ('list-entry', 'joint-sanction-measure') ORDER BY kind, measure_id`, [c.caseNo]);
      expect(ended).toEqual([
        ...['M-CZZJ', 'M-ZDJG'].map(() => ({ kind: 'joint-sanction-measure', status: 'ended', endedBy: 'repair', endedOn: '2027-06-11' })),
        { kind: 'list-entry', status: 'ended', endedBy: 'repair', endedOn: '2027-06-11' },
      ]);
      expect(await letters('sanction-lifting-letter')).toEqual(departments);
      const [lifts] = await ds.query(
        `SELECT count(*)::int AS n FROM platform_submissions WHERE record_type = 'joint_sanction_notice' AND record_ref = $1 AND payload->>'action' = 'lift'`, [c.caseNo]);
      expect(lifts.n).toBe(3);

      // the 信用修复决定书 served on paper on Mon 06-14 closes the case
      await c.serveOnPaper(['repair-decision'], '2027-06-14');
      s = await c.settled('the closing', (x) => x.stage === 'CLOSED');
      expect(s.outcome).toBe('REPAIRED');
    }));
});
