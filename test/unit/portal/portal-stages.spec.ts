import { decisionServed, portalMilestones, servedSeverity } from '../../../src/portal/portal-stages';
import type { ServedDocumentRow } from '../../../src/portal/portal-case.sql';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 2, minute)).toISOString();
const milestone = (id: number, stage: string, minute: number) => ({ id: String(id), stage, occurredAt: at(minute) });
const doc = (kind: string, minute: number, severity: string | null = null): ServedDocumentRow =>
  ({ kind, issuedAt: at(minute), servedOn: '2026-12-07', severity });

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

  it('knows the severity its served documents state, the latest one counting, and the decision\'s dates once the decision is served', () => {
    expect(servedSeverity([])).toBeNull();
    expect(servedSeverity([doc('notice-of-determination', 4, 'serious'), doc('objection-result', 12)])).toBe('serious');
    expect(servedSeverity([doc('notice-of-determination', 4, 'serious'), doc('determination-decision', 19, 'general')])).toBe('general');
    expect(decisionServed([doc('notice-of-determination', 4, 'general')])).toBe(false);
    expect(decisionServed([doc('determination-decision', 19, 'general')])).toBe(true);
  });
});
