import { decisionServed, portalMilestones, servedSeverity } from '../../../src/portal/portal-stages';
import type { ServedDocumentRow } from '../../../src/portal/portal-case.sql';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 2, minute)).toISOString();
// every stage change happens on 7 December 2026 (Beijing time, 10:mm); documents are served that day unless told
const milestone = (id: number, stage: string, minute: number) => ({ id: String(id), stage, occurredAt: at(minute), occurredOn: '2026-12-07' });
const doc = (kind: string, minute: number, severity: string | null = null, servedOn = '2026-12-07'): ServedDocumentRow =>
  ({ kind, issuedAt: at(minute), servedOn, severity });

/** Issue #18: the stages, severity and dates an institution may know are those its served documents and its own acts describe. */
describe('what the institution knows of its case', () => {
  // the bureau investigated, proposed 严重, the approver returned it, it was proposed again as 一般 and noticed
  const milestones = [
    milestone(1, 'INVESTIGATION', 0), milestone(2, 'APPROVAL', 1), milestone(3, 'INVESTIGATION', 2), milestone(4, 'APPROVAL', 3),
    milestone(5, 'OBJECTION_WINDOW', 4), milestone(6, 'OBJECTION_REVIEW', 10), milestone(7, 'RECTIFICATION', 20),
    milestone(8, 'RECTIFICATION', 30), milestone(9, 'REMINDER_INTERVIEW', 31), milestone(10, 'PUBLICITY', 40),
  ];

  it('shows no internal step, and a step the bureau opened only once the document announcing it is served', () => {
    const noticed = [doc('notice-of-determination', 4, 'general')];
    expect(portalMilestones({ milestones, served: noticed }).map((m) => m.stage)).toEqual(['OBJECTION_WINDOW', 'OBJECTION_REVIEW']);
    // the rectification order is served; the interview proposal (a later RECTIFICATION step) and the interview are not noticed
    const ordered = [...noticed, doc('determination-decision', 19, 'general'), doc('rectification-order', 20)];
    expect(portalMilestones({ milestones, served: ordered }).map((m) => m.stage)).toEqual(['OBJECTION_WINDOW', 'OBJECTION_REVIEW', 'RECTIFICATION', 'PUBLICITY']);
    // the interview notice served: the interview shows, the earlier notice does not announce it
    const interviewed = [...ordered, doc('interview-notice', 32)];
    expect(portalMilestones({ milestones, served: interviewed }).map((m) => m.stage))
      .toEqual(['OBJECTION_WINDOW', 'OBJECTION_REVIEW', 'RECTIFICATION', 'REMINDER_INTERVIEW', 'PUBLICITY']);
  });

  it('shows a step the bureau opened only for a document issued while it lasted, dated the day that document was served', () => {
    // the first order is served, the institution reports, the officer proposes an interview (back to 整改, internal), the
    // interview is held on notice, then a second order: it announces the last 整改, not the internal one before the interview
    const rounds = [
      milestone(1, 'RECTIFICATION', 20), milestone(2, 'RECTIFICATION_REVIEW', 25), milestone(3, 'RECTIFICATION', 30),
      milestone(4, 'REMINDER_INTERVIEW', 31), milestone(5, 'RECTIFICATION', 45),
    ];
    const first = [doc('rectification-order', 20, null, '2026-12-09')];
    expect(portalMilestones({ milestones: rounds, served: first }))
      .toEqual([{ stage: 'RECTIFICATION', knownOn: '2026-12-09' }, { stage: 'RECTIFICATION_REVIEW', knownOn: '2026-12-07' }]);
    // the second order, served on paper before the interview notice's service was recorded
    const second = [...first, doc('rectification-order', 45, null, '2026-12-21')];
    expect(portalMilestones({ milestones: rounds, served: second })).toEqual([
      { stage: 'RECTIFICATION', knownOn: '2026-12-09' }, { stage: 'RECTIFICATION_REVIEW', knownOn: '2026-12-07' },
      { stage: 'RECTIFICATION', knownOn: '2026-12-21' },
    ]);
    const interviewed = [...first, doc('interview-notice', 31, null, '2026-12-14'), doc('rectification-order', 45, null, '2026-12-21')];
    expect(portalMilestones({ milestones: rounds, served: interviewed }).map((m) => `${m.stage}@${m.knownOn}`)).toEqual([
      'RECTIFICATION@2026-12-09', 'RECTIFICATION_REVIEW@2026-12-07', 'REMINDER_INTERVIEW@2026-12-14', 'RECTIFICATION@2026-12-21',
    ]);
    // issued in the same transaction as the next change of stage, a document announces that one, not the step before
    const sameInstant = [milestone(1, 'RECTIFICATION_REVIEW', 25), milestone(2, 'RECTIFICATION', 30)];
    expect(portalMilestones({ milestones: sameInstant, served: [doc('rectification-order', 30, null, '2026-12-08')] }))
      .toEqual([{ stage: 'RECTIFICATION_REVIEW', knownOn: '2026-12-07' }, { stage: 'RECTIFICATION', knownOn: '2026-12-08' }]);
    // a consequence of the decision is known from the decision's service, or from its own start if that came later
    const publicity = [milestone(1, 'PUBLICITY', 40)];
    expect(portalMilestones({ milestones: publicity, served: [doc('determination-decision', 19, 'general', '2026-12-10')] }))
      .toEqual([{ stage: 'PUBLICITY', knownOn: '2026-12-10' }]);
    expect(portalMilestones({ milestones: publicity, served: [doc('determination-decision', 19, 'general', '2026-12-05')] }))
      .toEqual([{ stage: 'PUBLICITY', knownOn: '2026-12-07' }]);
  });

  it('knows the severity its served documents state, the latest one counting, and the decision\'s dates once the decision is served', () => {
    expect(servedSeverity([])).toBeNull();
    expect(servedSeverity([doc('notice-of-determination', 4, 'serious'), doc('objection-result', 12)])).toBe('serious');
    expect(servedSeverity([doc('notice-of-determination', 4, 'serious'), doc('determination-decision', 19, 'general')])).toBe('general');
    expect(decisionServed([doc('notice-of-determination', 4, 'general')])).toBe(false);
    expect(decisionServed([doc('determination-decision', 19, 'general')])).toBe(true);
  });
});
