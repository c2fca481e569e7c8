import type { CaseStage } from '../../workflows/contracts';
import type { PortalCaseRow, ServedDocumentRow } from './portal-case.sql';

/**
 * The stages of a case as the institution may know them (brief §1: of its cases only what is addressed to it; §7:
 * every step that affects it rests on a served document). A stage the institution entered by its own act (its
 * objection, report or repair application) or that ends the case is always its own. A step the bureau opened is
 * shown once the document announcing it has been served, issued at or after the step began (a later interview round
 * waits for its own notice). A consequence of a decision (publicity, joint sanction) is shown once that decision is
 * served, whenever it was. The bureau's internal steps — registration, investigation, approval and its returns, legal
 * review, a proposal it has not noticed — never.
 */
const ANNOUNCED_BY: Partial<Record<CaseStage, readonly string[]>> = {
  OBJECTION_WINDOW: ['notice-of-determination'],
  SERIOUS_LIST: ['listing-notice'],
  RECTIFICATION: ['rectification-order'],
  REMINDER_INTERVIEW: ['interview-notice'],
  WARNING_INTERVIEW: ['interview-notice'],
};
const FOLLOWS_FROM: Partial<Record<CaseStage, readonly string[]>> = {
  JOINT_SANCTION: ['listing-decision'],
  PUBLICITY: ['determination-decision', 'listing-decision'],
};
const ITS_OWN: ReadonlySet<CaseStage> = new Set(['OBJECTION_REVIEW', 'RECTIFICATION_REVIEW', 'REPAIR_REVIEW', 'CLOSED', 'WITHDRAWN']);

/** The documents that state a severity (the notice, the decision, the repair notice) say what the institution knows. */
export function servedSeverity(served: ServedDocumentRow[]): string | null {
  return served.filter((d) => d.severity).at(-1)?.severity ?? null;
}

/** The stage changes the institution may see, a stage repeated in a row shown once. */
export function portalMilestones(c: Pick<PortalCaseRow, 'milestones' | 'served'>): PortalCaseRow['milestones'] {
  const seen: PortalCaseRow['milestones'] = [];
  for (const m of c.milestones) {
    const stage = m.stage as CaseStage;
    const announcedBy = ANNOUNCED_BY[stage] ?? [];
    const followsFrom = FOLLOWS_FROM[stage] ?? [];
    const visible = ITS_OWN.has(stage) || c.served.some((d) => followsFrom.includes(d.kind)
      || (announcedBy.includes(d.kind) && Date.parse(d.issuedAt) >= Date.parse(m.occurredAt)));
    if (visible && seen.at(-1)?.stage !== stage) seen.push(m);
  }
  return seen;
}

/** Dates the determination decision states: known to the institution once that decision is served. */
export const decisionServed = (served: ServedDocumentRow[]): boolean => served.some((d) => d.kind === 'determination-decision');
