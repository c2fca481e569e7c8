import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { CatalogueService } from '../catalogue/catalogue.service';
import { notFound } from '../common/errors/domain.exception';
import type { AppEnv } from '../config/env.schema';
import { InstitutionsService } from '../institutions/institutions.service';
import { PoliciesService } from '../policies/policies.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { DeadlineClockService } from './deadline-clock.service';
import {
  Actor, awaitRegistrationUpdate, CaseInput, correctCaseUpdate, Severity, withdrawCaseUpdate,
} from '../../workflows/contracts';
import { STAGE_LABELS, waitingForText } from '../../workflows/labels';
import type { dishonestyCaseWorkflow } from '../../workflows/dishonesty-case.workflow';
import type { CaseListQueryDto, CorrectCaseDto } from './dto/case-actions.dto';
import type { OpenCaseDto } from './dto/open-case.dto';
import { CASE_VIEW_SQL, CaseListRow, CaseViewRow, isoTime, WAITING_COLUMNS, withWaitingFor } from './case-view.sql';

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly config: ConfigService<AppEnv, true>,
    private readonly institutions: InstitutionsService,
    private readonly catalogue: CatalogueService,
    private readonly policies: PoliciesService,
    private readonly deadlines: DeadlineClockService,
  ) {}

  /** Registers a lead: one durable workflow per case, whose id is the case number. */
  async open(dto: OpenCaseDto, actor: AuthUser) {
    const institution = await this.institutions.findByUscc(dto.uscc);
    const item = await this.catalogue.item(dto.behaviourCode);
    const policy = await this.policies.active();
    const caseNo = await this.nextCaseNo();
    const input: CaseInput = {
      caseNo,
      institutionId: institution.id,
      uscc: institution.uscc,
      behaviourCode: item.code,
      catalogueVersion: item.version,
      policyVersion: policy.version,
      severity: item.severity as Severity,
      rectificationCalendarDays: item.rectificationDays,
      facts: dto.facts,
      source: dto.source,
      officeCode: actor.officeCode ?? institution.officeCode ?? null,
      registeredBy: { id: actor.id, role: actor.role, officeCode: actor.officeCode },
    };
    const handle = await this.temporal.workflow.start<typeof dishonestyCaseWorkflow>('dishonestyCaseWorkflow', {
      taskQueue: this.config.get('TEMPORAL_TASK_QUEUE'),
      workflowId: caseNo,
      args: [input],
    });
    await handle.executeUpdate(awaitRegistrationUpdate);
    return this.view(caseNo, actor);
  }

  /**
   * The case as the database records it: stage, due dates, what it waits for, tasks, deadlines, interviews and every
   * event, in one statement. The activities write each of these in the transaction that makes the change, so no
   * workflow query is needed (a query replays a case the worker has not cached: the slowest read under load).
   */
  async view(caseNo: string, actor: AuthUser) {
    const [row] = await this.ds.query(CASE_VIEW_SQL, [caseNo]);
    // An institution must not learn that another institution's case exists.
    if (!row || (actor.role === 'institution' && row.uscc !== actor.uscc)) throw notFound('CASE_NOT_FOUND', '案件不存在');
    const { tasks, history, institutionDeadlines, interviews, ...c } = row as CaseViewRow;
    for (const d of institutionDeadlines) d.workingDaysLeft = d.status === 'open' ? await this.deadlines.workingDaysLeft(d.dueDate) : null;
    const open = tasks.filter((t) => t.status === 'open' || t.status === 'claimed');
    const deadline = institutionDeadlines.filter((d) => d.status === 'open').at(-1) ?? null;
    return {
      ...c, stageLabel: STAGE_LABELS[c.stage],
      waitingFor: waitingForText({ stage: c.stage, openTaskKinds: open.map((t) => t.kind), institutionDeadline: deadline, repairableFrom: c.repairableFrom, publicityUntil: c.publicityUntil }),
      dueDates: open.map((t) => ({ kind: t.kind, dueDate: t.dueDate })),
      tasks: tasks.map((t) => ({ ...t, createdAt: isoTime(t.createdAt), completedAt: isoTime(t.completedAt) })),
      institutionDeadlines: institutionDeadlines.map(({ openedAt: _, ...d }) => ({ ...d, closedAt: isoTime(d.closedAt) })),
      interviews: interviews.map((i) => ({ ...i, scheduledAt: isoTime(i.scheduledAt), heldAt: isoTime(i.heldAt) })),
      history: history.map(({ id: _, ...e }) => ({ ...e, occurredAt: isoTime(e.occurredAt) })),
    };
  }

  async list(q: CaseListQueryDto, actor: AuthUser) {
    const where: string[] = ['true'];
    const args: unknown[] = [];
    const arg = (v: unknown) => `$${args.push(v)}`;
    if (actor.role === 'institution') where.push(`c.uscc = ${arg(actor.uscc)}`);
    if (q.stage) where.push(`c.stage = ${arg(q.stage)}`);
    if (q.uscc) where.push(`c.uscc = ${arg(q.uscc)}`);
    if (q.open !== undefined) where.push(q.open ? 'c.closed_at IS NULL' : 'c.closed_at IS NOT NULL');
    if (q.q?.trim()) {
      const text = q.q.trim();
      const like = arg(`%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      where.push(`(i.name ILIKE ${like} OR c.uscc = ${arg(text.toUpperCase())} OR c.case_no ILIKE ${arg(`${text.toUpperCase().replace(/[\\%_]/g, '')}%`)})`);
    }
    if (q.severity) where.push(`c.severity = ${arg(q.severity)}`);
    if (q.officeCode) where.push(`c.office_code = ${arg(q.officeCode)}`);
    // dates are Beijing days, as the console shows them
    if (q.from) where.push(`(c.registered_at AT TIME ZONE 'Asia/Shanghai')::date >= ${arg(q.from)}::date`);
    if (q.to) where.push(`(c.registered_at AT TIME ZONE 'Asia/Shanghai')::date <= ${arg(q.to)}::date`);
    const filter = [...args];
    const rows: (CaseListRow & Record<string, unknown>)[] = await this.ds.query(
      `SELECT c.case_no AS "caseNo", c.uscc, i.name AS "institutionName", c.behaviour_code AS "behaviourCode", c.severity, c.stage,
              c.office_code AS "officeCode", c.registered_at AS "registeredAt", c.decision_date::text AS "decisionDate", c.outcome,
              ${WAITING_COLUMNS}
         FROM cases c JOIN institutions i ON i.id = c.institution_id WHERE ${where.join(' AND ')}
        ORDER BY c.registered_at DESC LIMIT ${arg(q.pageSize)} OFFSET ${arg((q.page - 1) * q.pageSize)}`, args);
    const [{ total }] = await this.ds.query(
      `SELECT count(*)::int AS total FROM cases c JOIN institutions i ON i.id = c.institution_id WHERE ${where.join(' AND ')}`, filter);
    return { items: rows.map(withWaitingFor), total, page: q.page, pageSize: q.pageSize };
  }

  /** Withdrawal and correction are the workflow's decisions: it checks the approver and the stage. */
  async withdraw(caseNo: string, actor: AuthUser, reason: string) {
    await this.view(caseNo, actor);
    await this.temporal.workflow.getHandle(caseNo).executeUpdate(withdrawCaseUpdate, { args: [{ actor: this.actor(actor), reason }] });
    return this.view(caseNo, actor);
  }

  async correct(caseNo: string, actor: AuthUser, dto: CorrectCaseDto) {
    await this.view(caseNo, actor);
    await this.temporal.workflow.getHandle(caseNo).executeUpdate(correctCaseUpdate, { args: [{ actor: this.actor(actor), ...dto }] });
    return this.view(caseNo, actor);
  }

  private actor(u: AuthUser): Actor {
    return { id: u.id, role: u.role, officeCode: u.officeCode };
  }

  /** LY-2026-000123: a gap-tolerant counter per year (a failed start leaves a gap, never a duplicate). */
  private async nextCaseNo(): Promise<string> {
    const [{ year, value }] = await this.ds.query(
      `INSERT INTO case_number_counters (year, last_value)
       VALUES (extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = case_number_counters.last_value + 1
       RETURNING year, last_value AS value`,
    );
    return `LY-${year}-${String(value).padStart(6, '0')}`;
  }
}
