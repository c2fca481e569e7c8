import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import type { CaseClock } from '../../activities/case-clock';
import {
  Actor, applyRepairUpdate, awaitRegistrationUpdate, CaseInput, CaseSnapshot, caseStateQuery, claimTaskUpdate, completeTaskUpdate,
  documentServedSignal, InterviewChoice, Severity, submitObjectionUpdate, submitRectificationUpdate, submitStatementUpdate, TaskKind, TaskOutcome,
} from '../../workflows/contracts';
import { dishonestyCaseWorkflow } from '../../workflows/dishonesty-case.workflow';
import { createInstitution, createUser } from './factories';

export interface CaseActors {
  officer: Actor;
  approver: Actor;
  institution: Actor;
}

/** Drives one case the way its people would: claim and complete tasks, answer deadlines, let days pass. */
export class CaseDriver {
  private constructor(
    readonly env: TestWorkflowEnvironment,
    readonly ds: DataSource,
    readonly clock: CaseClock,
    readonly handle: WorkflowHandle<typeof dishonestyCaseWorkflow>,
    readonly who: CaseActors,
  ) {}

  static async start(
    env: TestWorkflowEnvironment, ds: DataSource, clock: CaseClock, taskQueue: string,
    opts: { severity?: Severity; policyVersion: number; approver: Actor; officer: Actor; paperService?: boolean },
  ): Promise<CaseDriver> {
    const institution = await createInstitution(ds);
    // 电子送达确认书 on record, as inst1 in the demo data: documents are served in the portal when issued. Without it
    // (paperService) every document waits for the officer to serve it.
    if (!opts.paperService) {
      await ds.query(
        `INSERT INTO electronic_service_consents (institution_id, uscc, signed_on, signatory, recorded_by) VALUES ($1, $2, '2026-01-05', '陈明', $3)`,
        [institution.id, institution.uscc, opts.officer.id]);
    }
    const account = await createUser(ds, 'institution', { uscc: institution.uscc, officeCode: null });
    const caseNo = `LY-T-${randomUUID().slice(0, 8)}`;
    const input: CaseInput = {
      caseNo, institutionId: institution.id, uscc: institution.uscc, behaviourCode: 'EDU-001', catalogueVersion: 1,
      policyVersion: opts.policyVersion, severity: opts.severity ?? 'general', rectificationCalendarDays: 30,
      facts: '未取得办学许可证擅自开展学科类培训', source: 'complaint', officeCode: 'XWPX', registeredBy: opts.officer,
    };
    const handle = await env.client.workflow.start(dishonestyCaseWorkflow, { taskQueue, workflowId: caseNo, args: [input] });
    await handle.executeUpdate(awaitRegistrationUpdate);
    return new CaseDriver(env, ds, clock, handle, {
      officer: opts.officer, approver: opts.approver, institution: { id: account.id, role: 'institution', officeCode: null, uscc: institution.uscc },
    });
  }

  get caseNo(): string {
    return this.handle.workflowId;
  }

  state(): Promise<CaseSnapshot> {
    return this.handle.query(caseStateQuery);
  }

  async task(kind: TaskKind) {
    const task = (await this.state()).openTasks.find((t) => t.kind === kind);
    if (!task) throw new Error(`no open ${kind} task; stage ${(await this.state()).stage}`);
    return task;
  }

  /** Claims and completes the open task of this kind as `actor`; answers with the case's next resting state. */
  async complete(kind: TaskKind, actor: Actor, outcome: TaskOutcome): Promise<CaseSnapshot> {
    const { taskId } = await this.task(kind);
    await this.handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor }] });
    return this.handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor, outcome }] });
  }

  object(text = '我机构已取得许可证，认定事实有误') {
    return this.handle.executeUpdate(submitObjectionUpdate, { args: [{ actor: this.who.institution, text, fileIds: [] }] });
  }

  reportRectification(text = '已停止违规培训并完成整改') {
    return this.handle.executeUpdate(submitRectificationUpdate, { args: [{ actor: this.who.institution, text, fileIds: [] }] });
  }

  /** 陈述申辩 against the proposed listing, in the portal. */
  stateCase(text = '我机构已整改，申请不列入名单') {
    return this.handle.executeUpdate(submitStatementUpdate, { args: [{ actor: this.who.institution, text, fileIds: [] }] });
  }

  /**
   * The serious-dishonesty list as the bureau decides it: the officer proposes with the basis, the institution states
   * its case (or lets the period pass), the legal reviewer agrees, the head lists. Answers the state after the decision.
   */
  async list(by: { officer: Actor; legal: Actor; head: Actor }, opts: { statement?: boolean } = {}): Promise<CaseSnapshot> {
    await this.complete('propose-listing', by.officer, { summary: '情节严重，提请列入', decision: 'propose', basis: '《校外培训行政处罚暂行办法》（教育部令第53号）' });
    if (opts.statement !== false) await this.stateCase();
    await this.complete('review-listing', by.legal, { summary: '事实清楚，依据充分，程序合法', decision: 'agree' });
    return this.complete('decide-listing', by.head, { summary: '列入严重失信主体名单', decision: 'list' });
  }

  /**
   * Interviews by choice: the case's officer proposes 提示性 (reminder), 警示性 (warning) or none (with a reason), its
   * approver agrees. Answers the state after the agreement.
   */
  chooseInterview(kind: InterviewChoice, reason?: string): Promise<CaseSnapshot> {
    return this.complete('propose-interview', this.who.officer, { summary: '建议约谈方式', interviewKind: kind, reason })
      .then(() => this.complete('approve-interview', this.who.approver, { summary: '同意', decision: 'agree' }));
  }

  applyRepair(text = '本机构承诺依法诚信办学') {
    return this.handle.executeUpdate(applyRepairUpdate, { args: [{ actor: this.who.institution, text, fileIds: [], routes: ['commitment', 'training'] }] });
  }

  /** Lets the test server's clock run past the end of a Beijing calendar date. */
  async passDay(date: string): Promise<void> {
    const target = this.clock.at(date, '24:00') + 60_000;
    const now = await this.env.currentTimeMs();
    if (target > now) await this.env.sleep(target - now);
  }

  /** The Beijing calendar date the workflow currently lives in. */
  async today(): Promise<string> {
    return this.clock.dateOf(await this.env.currentTimeMs());
  }

  /** The case's documents in the order issued, with their service; those one step issues together (两书同达) share their time, by kind. */
  async documents(): Promise<{ id: string; kind: string; doc_no: string; status: string; seq: number; method: string | null; served_on: string | null }[]> {
    return this.ds.query(
      `SELECT d.id, d.kind, d.doc_no, d.status, d.seq, s.method, s.served_on::text
         FROM documents d LEFT JOIN document_services s ON s.document_id = d.id WHERE d.case_no = $1 ORDER BY d.drafted_at, d.kind, d.seq`, [this.caseNo]);
  }

  /** The officer served a document on paper on `servedOn` (what POST /api/documents/:id/service signals). */
  serve(documentId: string, servedOn: string, method = 'postal') {
    return this.handle.signal(documentServedSignal, { documentId, servedOn, method, actor: this.who.officer });
  }

  /**
   * The officer serves on paper on `on` every issued, unserved document of these kinds, the clock first moved to that
   * day; throws if one of the kinds has no such document.
   */
  async serveOnPaper(kinds: string[], on: string): Promise<void> {
    await this.passDay(new Date(Date.parse(`${on}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
    const pending = (await this.documents()).filter((d) => kinds.includes(d.kind) && d.status === 'issued' && !d.served_on);
    const missing = kinds.filter((k) => !pending.some((d) => d.kind === k));
    if (missing.length) throw new Error(`nothing of ${missing.join(', ')} to serve in ${this.caseNo}`);
    for (const d of pending) await this.serve(d.id, on);
  }

  /** The case's state once `ok` holds: a signal moves the case on without answering, so poll its query. */
  async settled(what: string, ok: (s: CaseSnapshot) => boolean): Promise<CaseSnapshot> {
    for (let i = 0; i < 300; i++) {
      const s = await this.state();
      if (ok(s)) return s;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no ${what} in ${this.caseNo} after 30 s; stage ${(await this.state()).stage}`);
  }

  async events(): Promise<string[]> {
    const rows = await this.ds.query(`SELECT type FROM case_events WHERE case_no = $1 ORDER BY id`, [this.caseNo]);
    return rows.map((r: { type: string }) => r.type);
  }

  async records(): Promise<{ kind: string; decision_date: string; publicity_until: string | null; refers_to: string | null }[]> {
    return this.ds.query(
      `SELECT kind, decision_date::text, publicity_until::text, refers_to FROM credit_records WHERE case_no = $1 ORDER BY seq`, [this.caseNo]);
  }
}
