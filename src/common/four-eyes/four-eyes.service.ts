import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, Role } from '../../auth/role';
import { maskPersonalData, sealPersonalData } from '../../credit-file/personal-data';
import { FieldCryptoService } from '../crypto/field-crypto.service';
import { conflict } from '../errors/domain.exception';
import { FourEyesErrorCode, proposalNotFound } from './four-eyes.errors';
import { assertMayDecide } from './four-eyes.rules';

export const PROPOSAL_KINDS = [
  'objection_decision', 'policy_publish', 'calendar_override', 'calendar_override_removal', 'calendar_year', 'commitment_breach', 'totp_reset',
  'external_ban', 'ban_revocation', 'remedy_outcome', 'case_withdrawal', 'case_correction',
] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export type ProposalStatus = 'pending' | 'approved' | 'rejected';

export interface ProposalView {
  id: string;
  kind: ProposalKind;
  /** What the change is about: an objection's id, `policy`, a calendar date. */
  subjectRef: string;
  officeCode: string | null;
  decidingRole: Role;
  summary: string;
  /** The proposed change; for display personal data is masked like everywhere else (never ciphertext). */
  change: Record<string, unknown>;
  reason: string;
  status: ProposalStatus;
  raisedBy: string | null;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface NewProposal {
  kind: ProposalKind;
  subjectRef: string;
  office: string | null;
  decidingRole: Role;
  summary: string;
  change: Record<string, unknown>;
  reason: string;
  /** Who raised the matter, when it is not the proposer (an institution's objection): they may not decide either. */
  raisedBy?: string | null;
}

/** Carries out an approved proposal inside the decision's transaction, with the stored (sealed) change. */
export type Executor = (m: EntityManager, p: ProposalView, decider: AuthUser) => Promise<void>;

/**
 * Runs once an approval has committed: a cache that would otherwise serve the state from before for its TTL (the
 * calendar's overrides, the per-request session check) is dropped only then, so no request in between caches it again.
 * A case's change is its workflow's update, sent as the decider once the decision is durable (awaited, so the approval
 * answers with the case already changed, or with the workflow's refusal).
 */
export type AfterCommit = (p: ProposalView, decider: AuthUser) => void | Promise<void>;

const COLUMNS = `p.id, p.kind, p.subject_ref AS "subjectRef", p.office_code AS "officeCode", p.deciding_role AS "decidingRole",
  p.summary, p.change, p.reason, p.status, p.raised_by AS "raisedBy", p.proposed_by AS "proposedBy", p.proposed_at AS "proposedAt",
  p.decided_by AS "decidedBy", p.decided_at AS "decidedAt", p.decision_note AS "decisionNote"`;

/**
 * The one four-eyes mechanism (docs/four-eyes.md): a route that would remove, change or end a record's effect, or
 * change the rules everyone's deadlines follow, files a proposal here instead; the change happens when a second
 * person with the deciding role, in the owning office, approves it (four-eyes.rules.ts). Each kind's module
 * registers the executor that carries the change out, so the rule lives here once and the change stays in its domain.
 */
@Injectable()
export class FourEyesService {
  private readonly executors = new Map<ProposalKind, { execute: Executor; after?: AfterCommit }>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly crypto: FieldCryptoService,
  ) {}

  /** For reads outside a decision (a proposing route's lookup of the record's office). */
  get manager(): EntityManager {
    return this.ds.manager;
  }

  register(kind: ProposalKind, execute: Executor, after?: AfterCommit): void {
    this.executors.set(kind, { execute, after });
  }

  /** Files a proposal (in the caller's transaction when given); one open proposal per subject. */
  async propose(p: NewProposal, proposer: AuthUser, m: EntityManager = this.ds.manager): Promise<ProposalView> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO decision_proposals (kind, subject_ref, office_code, deciding_role, summary, change, reason, raised_by, proposed_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (kind, subject_ref) WHERE status = 'pending' DO NOTHING RETURNING id`,
      [p.kind, p.subjectRef, p.office, p.decidingRole, p.summary, sealPersonalData(p.change, this.crypto), p.reason.trim(),
        p.raisedBy ?? null, proposer.id]);
    if (!rows.length) {
      const open = await this.pendingFor(p.kind, p.subjectRef, m);
      throw conflict(FourEyesErrorCode.PROPOSAL_PENDING, '该事项已有待审批的处理意见，请等待审批或由审批人退回后再提出', { proposalId: open?.id ?? null });
    }
    return this.byId(rows[0].id, m);
  }

  /**
   * The second person's decision. Approving runs the kind's executor in the same transaction, so the change and the
   * decision are written together or not at all; rejecting leaves the subject as it was, open for a new proposal.
   */
  async decide(id: string, approve: boolean, note: string | undefined, decider: AuthUser): Promise<ProposalView> {
    const executed = await this.ds.transaction(async (m) => {
      const [p] = await m.query(`SELECT ${COLUMNS} FROM decision_proposals p WHERE p.id = $1 FOR UPDATE`, [id]);
      if (!p) throw proposalNotFound();
      const status: ProposalStatus = approve ? 'approved' : 'rejected';
      if (p.status === status && p.decidedBy === decider.id) return null; // a repeated click
      if (p.status !== 'pending') throw conflict(FourEyesErrorCode.PROPOSAL_DECIDED, '该事项已审批完毕', { status: p.status });
      assertMayDecide(decider, { decidingRole: p.decidingRole, office: p.officeCode, involved: [p.proposedBy, p.raisedBy] });
      const kind = approve ? this.executors.get(p.kind) : undefined;
      if (approve && !kind) throw new Error(`no executor registered for proposals of kind ${p.kind}`);
      if (kind) await kind.execute(m, p, decider);
      await m.query(`UPDATE decision_proposals SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4 WHERE id = $1`,
        [id, status, decider.id, note?.trim() || null]);
      return kind ? { after: kind.after, p } : null;
    });
    await executed?.after?.(executed.p, decider);
    return this.byId(id);
  }

  async byId(id: string, m: EntityManager = this.ds.manager): Promise<ProposalView> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM decision_proposals p WHERE p.id = $1`, [id]);
    if (!row) throw proposalNotFound();
    return this.view(row);
  }

  async pendingFor(kind: ProposalKind, subjectRef: string, m: EntityManager = this.ds.manager): Promise<ProposalView | null> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM decision_proposals p WHERE p.kind = $1 AND p.subject_ref = $2 AND p.status = 'pending'`,
      [kind, subjectRef]);
    return row ? this.view(row) : null;
  }

  /**
   * Newest first, for the deciders' queue and the record of who decided what. With `viewer`, only what that person may
   * decide or took part in (proposed or raised): an approver sees the approver matters of their own office, an
   * administrator the rules and accounts (admin matters), an officer their own proposals. Managers and auditors, who
   * decide nothing, oversee them all (read only).
   */
  async list(f: { status?: ProposalStatus; kind?: ProposalKind; subjectRef?: string }, viewer?: AuthUser): Promise<{ items: ProposalView[] }> {
    const oversees = !viewer || viewer.role === 'manager' || viewer.role === 'auditor';
    const rows: ProposalView[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM decision_proposals p
        WHERE ($1::text IS NULL OR p.status = $1) AND ($2::text IS NULL OR p.kind = $2) AND ($3::text IS NULL OR p.subject_ref = $3)
          AND ($4::boolean OR p.proposed_by = $5 OR p.raised_by = $5
               OR (p.deciding_role = $6 AND (p.office_code IS NULL OR p.office_code = $7)))
        ORDER BY p.proposed_at DESC, p.id LIMIT 200`,
      [f.status ?? null, f.kind ?? null, f.subjectRef ?? null, oversees, viewer?.id ?? null, viewer?.role ?? null, viewer?.officeCode ?? null]);
    return { items: rows.map((r) => this.view(r)) };
  }

  private view(row: ProposalView): ProposalView {
    return { ...row, change: maskPersonalData(row.change, this.crypto) };
  }
}
