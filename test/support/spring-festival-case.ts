import type { Severity } from '../../workflows/contracts';
import type { CaseDriver } from './case-driver';
import { type CaseRun, withCaseFrom } from './case-run';

/**
 * Cases that start on Tue 2026-02-10 10:00 (Beijing) on the official calendar, so due dates cross the Spring Festival
 * (02-15…02-23 off, Sat 02-14 and Sat 02-28 worked) and can be checked by hand:
 *   10 working days after 02-10 → 03-02 (02-11, 12, 13, 14, 24, 25, 26, 27, 28, 03-02)
 *    5 working days after 02-10 → 02-24;  3 after 02-25 → 02-28;  10 after 02-25 → 03-10
 */
export const SPRING_FESTIVAL_START = '2026-02-10T10:00:00+08:00';

export const withSpringFestivalCase = (run: CaseRun, body: (c: CaseDriver) => Promise<void>, severity: Severity = 'general') =>
  withCaseFrom(run, SPRING_FESTIVAL_START, { severity }, body);

/** Investigation and approval, checking both due dates across the Spring Festival. */
export async function determineProposal(run: CaseRun, c: CaseDriver, severity: Severity = 'general') {
  expect(await c.task('investigate')).toMatchObject({ dueDate: '2026-03-02', candidateRole: 'officer', candidateOffice: 'XWPX' });
  const proposed = await c.complete('investigate', run.officer, { summary: '经查属实', severity });
  expect(proposed.stage).toBe('APPROVAL');
  expect(await c.task('approve-determination')).toMatchObject({ dueDate: '2026-02-24' });
  const served = await c.complete('approve-determination', run.approver, { summary: '同意', decision: 'approve' });
  expect(served.stage).toBe('OBJECTION_WINDOW');
  expect(served.institutionDeadline).toEqual({ kind: 'objection', dueDate: '2026-02-24', round: 0, provisional: false });
  return served;
}
