import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RecordRepairViewDto, RepairChannel, RepairStatus } from './dto/record-repair.dto';

export const ROUTE_LABELS: Record<RepairChannel, string> = {
  portal: '机构门户', counter: '窗口受理', creditchina: '“信用中国”网站（经市公共信用信息共享平台推送）',
};
export const STATUS_LABELS: Record<RepairStatus, string> = {
  submitted: '待受理', accepted: '已受理，待决定', not_accepted: '不予受理', granted: '准予修复', refused: '不予修复', referred: '已转认定部门办理',
};

/** The record an application is about, with what the conditions read: its class, periods, fine and whether it has ended. */
export interface TargetRecord {
  id: string;
  institutionId: string | null;
  /** Null for a natural person's record (issue #19), which names `subjectId` instead. */
  uscc: string | null;
  subjectId: string | null;
  kind: string;
  title: string;
  severity: 'minor' | 'general' | 'serious' | null;
  officeCode: string | null;
  payload: Record<string, unknown>;
  publicityUntil: string | null;
  decisionId: string | null;
  decisionNo: string | null;
  repairableFrom: string | null;
  finePaidOn: string | null;
  /** A repair, withdrawal or publication end already refers to it. */
  ended: boolean;
}

export interface RepairRow {
  id: string;
  recordId: string;
  decisionId: string | null;
  uscc: string | null;
  officeCode: string | null;
  route: RepairChannel;
  externalRef: string | null;
  receivedOn: string;
  commitmentSignedOn: string | null;
  status: RepairStatus;
  acceptedBy: string | null;
  createdBy: string | null;
  recordTitle: string | null;
}

export interface NewRepair {
  recordId: string;
  decisionId: string | null;
  institutionId: string | null;
  uscc: string | null;
  officeCode: string | null;
  route: RepairChannel;
  externalRef: string | null;
  receivedOn: string;
  commitment: string | null;
  commitmentSignedOn: string | null;
  correction: string;
  fileIds: string[];
  acceptDue: string;
  referredTo: string | null;
  createdBy: string | null;
}

const VIEW = `a.id, a.record_id AS "recordId", a.decision_id AS "decisionId", a.uscc, r.title AS "recordTitle", a.route,
  a.external_ref AS "externalRef", a.received_on::text AS "receivedOn", a.commitment_signed_on::text AS "commitmentSignedOn",
  a.correction, a.status, a.accept_due::text AS "acceptDue", a.accepted_on::text AS "acceptedOn", a.decide_due::text AS "decideDue",
  a.decided_on::text AS "decidedOn", a.reason, a.referred_to AS "referredTo", a.document_id AS "documentId", d.doc_no AS "documentNo",
  a.repair_record_id AS "repairRecordId", a.created_at AS "createdAt", a.created_by AS "createdBy", a.accepted_by AS "acceptedBy"`;
const FROM = `record_repairs a JOIN credit_records r ON r.id = a.record_id LEFT JOIN documents d ON d.id = a.document_id`;

/** Every query of record repairs; the service holds the rules. */
@Injectable()
export class RecordRepairsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async target(m: EntityManager, recordId: string): Promise<TargetRecord | null> {
    const [r] = await m.query(
      `SELECT r.id, r.institution_id AS "institutionId", r.uscc, r.subject_id AS "subjectId", r.kind, r.title, r.severity, r.office_code AS "officeCode", r.payload,
              r.publicity_until::text AS "publicityUntil", p.id AS "decisionId", p.document_no AS "decisionNo",
              COALESCE(p.repairable_from::text, r.payload->>'repairableFrom') AS "repairableFrom", f.paid_on::text AS "finePaidOn",
              EXISTS (SELECT 1 FROM credit_records e WHERE e.refers_to = r.id AND (e.kind IN ('repair','publication_end')
                OR (e.kind = 'correction' AND COALESCE(e.payload->>'action', 'withdraw') = 'withdraw'))) AS ended
         FROM credit_records r
         LEFT JOIN publicity_decisions p ON p.record_id = r.id AND p.kind = 'penalty'
         LEFT JOIN fine_payments f ON f.decision_id = p.id
        WHERE r.id = $1`, [recordId]);
    return r ?? null;
  }

  /** A 双公示 penalty by its decision number and its institution or person: how 信用中国 names the record it forwards an application for. */
  async recordOfDecisionNo(m: EntityManager, owner: { uscc: string } | { subjectId: string }, decisionNo: string): Promise<string | null> {
    const [column, value] = 'uscc' in owner ? ['uscc', owner.uscc] : ['subject_id', owner.subjectId];
    const [r] = await m.query(
      `SELECT record_id FROM publicity_decisions WHERE kind = 'penalty' AND ${column} = $1 AND document_no = $2 AND record_id IS NOT NULL`, [value, decisionNo]);
    return r?.record_id ?? null;
  }

  async openFor(m: EntityManager, recordId: string): Promise<string | null> {
    const [r] = await m.query(`SELECT id FROM record_repairs WHERE record_id = $1 AND status IN ('submitted','accepted')`, [recordId]);
    return r?.id ?? null;
  }

  async byExternalRef(m: EntityManager, route: RepairChannel, ref: string): Promise<string | null> {
    const [r] = await m.query(`SELECT id FROM record_repairs WHERE route = $1 AND external_ref = $2`, [route, ref]);
    return r?.id ?? null;
  }

  async insert(m: EntityManager, a: NewRepair): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO record_repairs (record_id, decision_id, institution_id, uscc, office_code, route, external_ref, received_on, commitment,
                                   commitment_signed_on, correction, file_ids, accept_due, status, referred_to, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) RETURNING id`,
      [a.recordId, a.decisionId, a.institutionId, a.uscc, a.officeCode, a.route, a.externalRef, a.receivedOn, a.commitment,
        a.commitmentSignedOn, a.correction, a.fileIds, a.acceptDue, a.referredTo ? 'referred' : 'submitted', a.referredTo, a.createdBy]);
    return row.id;
  }

  async lock(m: EntityManager, id: string): Promise<RepairRow | null> {
    const [row] = await m.query(
      `SELECT a.id, a.record_id AS "recordId", a.decision_id AS "decisionId", a.uscc, a.office_code AS "officeCode", a.route,
              a.external_ref AS "externalRef", a.received_on::text AS "receivedOn", a.commitment_signed_on::text AS "commitmentSignedOn",
              a.status, a.accepted_by AS "acceptedBy", a.created_by AS "createdBy", r.title AS "recordTitle"
         FROM record_repairs a JOIN credit_records r ON r.id = a.record_id WHERE a.id = $1 FOR UPDATE OF a`, [id]);
    return row ?? null;
  }

  async update(m: EntityManager, id: string, set: Record<string, unknown>): Promise<void> {
    const cols = Object.keys(set);
    await m.query(`UPDATE record_repairs SET ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
      [id, ...cols.map((c) => set[c])]);
  }

  async view(id: string, m: EntityManager | DataSource = this.ds): Promise<RecordRepairViewDto | null> {
    const [row] = await m.query(`SELECT ${VIEW} FROM ${FROM} WHERE a.id = $1`, [id]);
    return row ? withLabels(row) : null;
  }

  async list(q: { uscc?: string; status?: RepairStatus }): Promise<RecordRepairViewDto[]> {
    const rows = await this.ds.query(
      `SELECT ${VIEW} FROM ${FROM} WHERE ($1::text IS NULL OR a.uscc = $1) AND ($2::text IS NULL OR a.status = $2)
        ORDER BY a.created_at DESC LIMIT 500`, [q.uscc?.toUpperCase() ?? null, q.status ?? null]);
    return rows.map(withLabels);
  }

  async finePayment(m: EntityManager, decisionId: string) {
    const [row] = await m.query(
      `SELECT decision_id AS "decisionId", paid_on::text AS "paidOn", receipt_no AS "receiptNo", amount_yuan::float AS "amountYuan",
              recorded_at AS "recordedAt" FROM fine_payments WHERE decision_id = $1`, [decisionId]);
    return row ?? null;
  }

  async insertFinePayment(m: EntityManager, p: { decisionId: string; paidOn: string; receiptNo: string; amountYuan: number | null; actorId: string }) {
    const rows = await m.query(
      `INSERT INTO fine_payments (decision_id, paid_on, receipt_no, amount_yuan, recorded_by) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (decision_id) DO NOTHING RETURNING id`, [p.decisionId, p.paidOn, p.receiptNo, p.amountYuan, p.actorId]);
    return rows.length > 0;
  }
}

function withLabels(row: RecordRepairViewDto): RecordRepairViewDto {
  return { ...row, routeLabel: ROUTE_LABELS[row.route], statusLabel: STATUS_LABELS[row.status], createdAt: new Date(row.createdAt).toISOString(), unmetConditions: [] };
}
