import type { EntityManager } from 'typeorm';
import { maskName } from '../common/crypto/mask';
import { banProposalNotFound, banStepOutOfOrder } from './industry-bans.errors';

export type ProposalStatus = 'proposed' | 'confirmed' | 'noticed' | 'hearing' | 'legal_review' | 'head_decision' | 'decided' | 'not_imposed';

export const STATUS_LABELS: Record<ProposalStatus, string> = {
  proposed: '待第二名执法人员确认', confirmed: '待送达行政处罚事先告知书', noticed: '陈述申辩期', hearing: '听证',
  legal_review: '法制审核', head_decision: '待负责人决定', decided: '已作出处罚决定', not_imposed: '不予处罚',
};

export interface ProposalRow {
  id: string;
  status: ProposalStatus;
  measureId: string;
  officeCode: string;
  proposedBy: string;
  secondOfficer: string;
  hearingChair: string | null;
  statementDue: string | null;
  hearingRequestedOn: string | null;
  decisionDate: string | null;
  periodYears: number;
  institutionId: string | null;
  personName: string;
}

const COLUMNS = `p.id, p.status, p.measure_id AS "measureId", p.office_code AS "officeCode", p.proposed_by AS "proposedBy",
  p.second_officer AS "secondOfficer", p.hearing_chair AS "hearingChair", p.statement_due::text AS "statementDue",
  p.hearing_requested_on::text AS "hearingRequestedOn", p.decision_date::text AS "decisionDate", p.period_years AS "periodYears",
  p.institution_id AS "institutionId", p.person_name AS "personName"`;

/** The proposal, locked for the step about to change it; a step taken out of order is a 409 naming where it stands. */
export async function lockProposal(m: EntityManager, id: string, expected: ProposalStatus[]): Promise<ProposalRow> {
  const [p] = await m.query(`SELECT ${COLUMNS} FROM ban_proposals p WHERE p.id = $1 FOR UPDATE`, [id]);
  if (!p) throw banProposalNotFound();
  if (!expected.includes(p.status)) {
    throw banStepOutOfOrder(p.status, STATUS_LABELS[p.status as ProposalStatus]);
  }
  return p;
}

/**
 * One step of the procedure and who took it; for enforcement steps the two officers who acted and their enforcement
 * certificate numbers (行政处罚法 art. 42: no fewer than two officers with certificates). A repeated step is refused
 * by the table's (proposal, step) key, so a double click cannot record it twice.
 */
export async function recordStep(m: EntityManager, p: { id: string; proposedBy: string; secondOfficer: string }, step: string,
  actorId: string, detail: Record<string, unknown> = {}): Promise<void> {
  await m.query(
    `INSERT INTO ban_steps (proposal_id, step, actor_id, officers, detail)
     SELECT $1, $2, $3, coalesce(jsonb_agg(jsonb_build_object('userId', u.id, 'name', u.display_name, 'certificateNo', u.enforcement_cert_no)
                                          ORDER BY u.id = $4 DESC), '[]'::jsonb), $6
       FROM users u WHERE u.id IN ($4, $5)`,
    [p.id, step, actorId, p.proposedBy, p.secondOfficer, JSON.stringify(detail)]);
}

export async function proposalView(m: EntityManager, id: string) {
  const [p] = await m.query(
    `SELECT p.id, p.status, p.measure_id AS "measureId", c.name AS "measureName", c.legal_basis AS "legalBasis", p.facts,
            p.person_name AS "personName", p.uscc, p.period_years AS "periodYears", p.office_code AS "officeCode",
            p.proposed_by AS "proposedBy", p.second_officer AS "secondOfficer", p.notice_served_on::text AS "noticeServedOn",
            p.statement_due::text AS "statementDue", p.hearing_requested_on::text AS "hearingRequestedOn", p.hearing_at AS "hearingAt",
            p.hearing_place AS "hearingPlace", p.hearing_chair AS "hearingChair", p.heard_on::text AS "heardOn",
            p.legal_reviewed_by AS "legalReviewedBy", p.legal_opinion AS "legalOpinion", p.decided_by AS "decidedBy",
            p.collective_discussion AS "collectiveDiscussion", p.decision_date::text AS "decisionDate", p.serve_by::text AS "serveBy",
            p.decision_served_on::text AS "decisionServedOn", b.id AS "banId", p.created_at AS "createdAt",
            (SELECT coalesce(jsonb_agg(jsonb_build_object('step', s.step, 'actorId', s.actor_id, 'officers', s.officers, 'detail', s.detail, 'at', s.at)
                                       ORDER BY s.id), '[]'::jsonb) FROM ban_steps s WHERE s.proposal_id = p.id) AS steps
       FROM ban_proposals p JOIN measure_catalogue c ON c.id = p.measure_id LEFT JOIN industry_bans b ON b.proposal_id = p.id
      WHERE p.id = $1`, [id]);
  if (!p) throw banProposalNotFound();
  return { ...p, personName: maskName(p.personName), statusLabel: STATUS_LABELS[p.status as ProposalStatus] };
}
