import type { CaseStage } from '../../workflows/contracts';
import type { PortalCaseRow, ServedDocumentRow } from './portal-case.sql';

/**
 * The stages of a case as the institution may know them (brief §1: of its cases only what is addressed to it; §7:
 * every step that affects it rests on a served document). A stage the institution entered by its own act (its
 * objection, report or repair application) or that ends the case is always its own, dated the day of that act. A step
 * the bureau opened is shown once a document announcing it has been served, issued while that very step lasted — at
 * or after it began (the same transaction counts) and before the next change of stage — and dated the day of service,
 * never the internal instant: a later interview round waits for its own notice, and a second rectification order
 * does not bring to light an earlier internal return to 整改 (an interview proposed). A consequence of a decision
 * (publicity, joint sanction) is shown once that decision is served, whenever it was, dated the later of the service
 * and the day it began. The bureau's internal steps — registration, investigation, approval and its returns, legal
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

export interface PortalMilestone { stage: string; knownOn: string }
type StageChange = PortalCaseRow['milestones'][number];

/** The stage changes the institution may see, each with the day it knew of it; a stage repeated in a row shown once. */
export function portalMilestones(c: Pick<PortalCaseRow, 'milestones' | 'served'>): PortalMilestone[] {
  const seen: PortalMilestone[] = [];
  c.milestones.forEach((m, i) => {
    const knownOn = knownSince(m, c.milestones[i + 1], c.served);
    if (knownOn && seen.at(-1)?.stage !== m.stage) seen.push({ stage: m.stage, knownOn });
  });
  return seen;
}

/** The day the institution knew of stage change `m` (the next change `next` ends it), or null while it does not. */
function knownSince(m: StageChange, next: StageChange | undefined, served: ServedDocumentRow[]): string | null {
  const stage = m.stage as CaseStage;
  if (ITS_OWN.has(stage)) return m.occurredOn;
  const followsFrom = FOLLOWS_FROM[stage];
  if (followsFrom) {
    const decision = served.find((d) => followsFrom.includes(d.kind))?.servedOn;
    if (!decision) return null;
    return decision > m.occurredOn ? decision : m.occurredOn;
  }
  const announcedBy = ANNOUNCED_BY[stage] ?? [];
  // both instants are the database's now(): a document issued in the stage change's own transaction carries its instant
  const from = Date.parse(m.occurredAt), until = next ? Date.parse(next.occurredAt) : Infinity;
  // `served` is in order of service: the first one announcing this step is the day the institution learned of it
  return served.find((d) => announcedBy.includes(d.kind) && Date.parse(d.issuedAt) >= from && Date.parse(d.issuedAt) < until)?.servedOn ?? null;
}

/** Dates the determination decision states: known to the institution once that decision is served. */
export const decisionServed = (served: ServedDocumentRow[]): boolean => served.some((d) => d.kind === 'determination-decision');
