import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { toDayNumber } from '../calendar/iso-date';
import { fieldInvalid } from '../common/errors/common.errors';
import { conflict, notFound } from '../common/errors/domain.exception';
import { assertMayDecide } from '../common/four-eyes/four-eyes.rules';
import { shanghaiToday } from '../credit-file/credit-status';
import { DocumentsService } from '../documents/documents.service';
import type { CounterIntakeDto, DecideIntakeDto } from './dto/subject.dto';
import { SubjectErrorCode, subjectFieldInvalid } from './subject.errors';
import { SubjectsRepository } from './subjects.repository';
import { SubjectsService } from './subjects.service';
import { ObjectionPeriodsService } from './objection-periods';

const COLUMNS = `c.id, c.subject_id AS "subjectId", c.kind, c.record_id AS "recordId", c.channel, c.received_on::text AS "receivedOn",
  c.content, c.material, c.office_code AS "officeCode", c.entered_by AS "enteredBy", c.entered_at AS "enteredAt", c.status,
  c.decided_by AS "decidedBy", c.decided_at AS "decidedAt", c.decision_reason AS "decisionReason", c.document_id AS "documentId",
  c.served_on::text AS "servedOn", c.objection_due::text AS "objectionDue", c.late, c.late_basis AS "lateBasis",
  c.accept_due::text AS "acceptDue", c.answer_due::text AS "answerDue"`;

/** Still to answer and past the answer deadline, as a portal objection's `overdue`. */
const withOverdue = <T extends { status: string; answerDue: string | null }>(row: T, today = shanghaiToday()) =>
  ({ ...row, overdue: row.status === 'received' && !!row.answerDue && row.answerDue < today });

interface IntakeRow {
  id: string;
  subjectId: string;
  kind: 'objection' | 'statement';
  recordId: string | null;
  officeCode: string | null;
  enteredBy: string;
  status: 'received' | 'upheld' | 'rejected';
  receivedOn: string;
  answerDue: string | null;
  [key: string]: unknown;
}

/**
 * Counter intake (issue #19): a natural person has no portal account, so an officer enters what the person handed in
 * at the counter or sent by post, with the scanned material and the day it was received (which any period counts
 * from, not the day it was typed in). An objection also names the day the person was served: its period runs from
 * then to the day received, a late one is recorded as late with the rule, and its review deadlines run from receipt
 * (objection-periods.ts), listed for officers by `open()`. An objection is decided by an approver who did not enter it (four eyes, as
 * objections in cases); the reply is a numbered document served on paper (docs/subjects.md).
 */
@Injectable()
export class CounterIntakeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly subjects: SubjectsService,
    private readonly repo: SubjectsRepository,
    private readonly documents: DocumentsService,
    private readonly periods: ObjectionPeriodsService,
  ) {}

  async enter(subjectId: string, dto: CounterIntakeDto, actor: AuthUser) {
    const person = await this.subjects.person(subjectId);
    toDayNumber(dto.receivedOn);
    if (dto.receivedOn > shanghaiToday()) throw fieldInvalid('receivedOn', '收到日期（receivedOn）不能晚于今天');
    if (dto.kind === 'objection' && !dto.recordId) {
      throw subjectFieldInvalid(SubjectErrorCode.RECORD_NOT_OF_SUBJECT, 'recordId', '异议须指明所针对的信用记录（recordId）');
    }
    if (dto.recordId && !(await this.repo.record(this.ds.manager, subjectId, dto.recordId))) {
      throw subjectFieldInvalid(SubjectErrorCode.RECORD_NOT_OF_SUBJECT, 'recordId', '所针对的信用记录不存在或不属于该自然人');
    }
    const periods = dto.kind === 'objection' ? await this.objectionPeriods(dto) : null;
    const material = [...new Set(dto.materialIds ?? [])];
    if (material.length) {
      const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM uploads WHERE id = ANY($1) AND subject_id = $2`, [material, subjectId]);
      if (n !== material.length) throw subjectFieldInvalid(SubjectErrorCode.MATERIAL_NOT_OF_SUBJECT, 'materialIds', '所附扫描材料不存在或不是为该自然人上传的');
    }
    const [row] = await this.ds.query(
      `INSERT INTO counter_intakes (subject_id, kind, record_id, channel, received_on, content, material, office_code, entered_by,
                                    served_on, objection_due, late, late_basis, accept_due, answer_due)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING id`,
      [subjectId, dto.kind, dto.recordId ?? null, dto.channel, dto.receivedOn, dto.content, material, actor.officeCode ?? person.officeCode, actor.id,
        periods?.servedOn ?? null, periods?.objectionDue ?? null, periods?.late ?? false, periods?.lateBasis ?? null,
        periods?.acceptDue ?? null, periods?.answerDue ?? null]);
    return this.get(row.id);
  }

  /** A late objection is still entered and answered: lateness is recorded with its rule, and the reply can rest on it. */
  private async objectionPeriods(dto: CounterIntakeDto) {
    const servedOn = dto.servedOn!;
    toDayNumber(servedOn);
    if (servedOn > dto.receivedOn) throw fieldInvalid('servedOn', '送达日期（servedOn）不能晚于收到异议的日期（receivedOn）');
    return this.periods.of(servedOn, dto.receivedOn);
  }

  /**
   * The officers' review queue of counter objections not yet decided, soonest answer deadline first (as the portal
   * objections' list): a person's objection has no case, so it is not in the case worklist.
   */
  async open(overdueOnly: boolean) {
    const today = shanghaiToday();
    const rows: (IntakeRow & { recordTitle: string | null })[] = await this.ds.query(
      `SELECT ${COLUMNS}, r.title AS "recordTitle" FROM counter_intakes c LEFT JOIN credit_records r ON r.id = c.record_id
        WHERE c.kind = 'objection' AND c.status = 'received'
         AND ($1::date IS NULL OR c.answer_due < $1) ORDER BY c.answer_due NULLS LAST, c.received_on, c.entered_at LIMIT 500`,
      [overdueOnly ? today : null]);
    // who objected, as the person page shows them: the name and the masked ID number (never the number in full)
    const people = new Map((await this.subjects.people([...new Set(rows.map((r) => r.subjectId))])).map((p) => [p.id, p]));
    return { items: rows.map((r) => {
      const p = people.get(r.subjectId)!;
      return { ...withOverdue(r, today), subjectName: p.name, idType: p.idType, idMasked: p.idMasked };
    }) };
  }

  async list(subjectId: string) {
    await this.subjects.person(subjectId);
    const rows = await this.ds.query(`SELECT ${COLUMNS} FROM counter_intakes c WHERE c.subject_id = $1 ORDER BY c.received_on, c.entered_at`, [subjectId]);
    return { items: rows.map((r: IntakeRow) => withOverdue(r)) };
  }

  async get(id: string, m: EntityManager = this.ds.manager) {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM counter_intakes c WHERE c.id = $1`, [id]);
    if (!row) throw notFound(SubjectErrorCode.INTAKE_NOT_FOUND, '窗口登记的材料不存在');
    return withOverdue(row);
  }

  /** The approver's decision and its 异议处理结果告知书, in one transaction; deciding again returns what was decided. */
  decide(id: string, dto: DecideIntakeDto, actor: AuthUser) {
    return this.ds.transaction(async (m) => {
      const [row]: IntakeRow[] = await m.query(`SELECT ${COLUMNS} FROM counter_intakes c WHERE c.id = $1 FOR UPDATE`, [id]);
      if (!row) throw notFound(SubjectErrorCode.INTAKE_NOT_FOUND, '窗口登记的材料不存在');
      if (row.kind !== 'objection') throw conflict(SubjectErrorCode.INTAKE_NOT_AN_OBJECTION, '陈述材料随卷保存，不作异议处理决定');
      if (row.status !== 'received') {
        if (row.status === dto.outcome) return this.get(id, m);
        throw conflict(SubjectErrorCode.INTAKE_ALREADY_DECIDED, '该异议已作出处理决定', { status: row.status });
      }
      assertMayDecide(actor, { decidingRole: 'approver', office: row.officeCode, involved: [row.enteredBy] });
      const record = (await this.repo.record(m, row.subjectId, row.recordId!))!;
      // no portal, no consent: the reply waits for paper service (直接送达 or 邮寄送达) at POST /api/documents/:id/service
      const doc = await this.documents.issue({
        kind: 'record-objection-result', subjectId: row.subjectId, serve: false, idempotencyKey: `counter-intake:${id}`, actorId: actor.id,
        data: { receivedOn: row.receivedOn, recordTitle: record.title, outcome: dto.outcome, reasons: dto.reasons },
      }, m);
      await m.query(
        `UPDATE counter_intakes SET status = $2, decided_by = $3, decided_at = now(), decision_reason = $4, document_id = $5 WHERE id = $1`,
        [id, dto.outcome, actor.id, dto.reasons, doc.id]);
      return this.get(id, m);
    });
  }
}
