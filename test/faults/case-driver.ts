import { penaltyBody } from '../e2e/credit/helpers';
import type { Api, Reply } from './http';

/**
 * Drives cases over HTTP the way people would, each by a persona, so that at any moment some cases are answered
 * on time, some wait for deadlines to pass, and some reach determination, joint sanction, publicity and repair.
 * Every write the API acknowledged (2xx) goes into the ledger, which the invariants check against afterwards.
 */
export type Persona = 'abandoned' | 'late-staff' | 'silent-institution' | 'repaired' | 'serious';
export const PERSONAS: Persona[] = ['abandoned', 'late-staff', 'silent-institution', 'repaired', 'serious'];

export interface DrivenCase { caseNo: string; uscc: string; persona: Persona; busy: boolean; repairApplied: boolean }
export interface Party { uscc: string; token: string }
interface WorkItem { id: string; caseNo: string; kind: string; overdue: boolean; assigneeId: string | null }

export interface Ledger {
  opened: string[];
  completedTasks: Map<string, { caseNo: string; kind: string }>;
  submissions: { caseNo: string; kind: 'objection' | 'rectification' | 'statement' | 'repair' }[];
  /** 双公示 penalty decisions filed (201), by document number. */
  penalties: string[];
}

export interface DriveCounts { requests: number; acknowledged: number; refused: number; failed: number; refusals: Map<string, number> }

const STAFF_BODIES: Record<string, (c: DrivenCase) => Record<string, unknown>> = {
  investigate: (c) => ({ summary: '经查属实', severity: c.persona === 'serious' ? 'serious' : 'general', measures: ['责令限期整改'] }),
  'approve-determination': () => ({ summary: '同意', decision: 'approve' }),
  'review-objection': () => ({ summary: '证据充分，不予采纳', decision: 'reject' }),
  'decide-objection': () => ({ summary: '异议不成立', decision: 'rejected' }),
  'verify-rectification': () => ({ summary: '整改到位', decision: 'pass' }),
  // interviews by choice: the officer proposes a reminder interview, the approver (another person) agrees
  'propose-interview': () => ({ summary: '逾期未整改，建议约谈', interviewKind: 'reminder' }),
  'approve-interview': () => ({ summary: '同意', decision: 'agree' }),
  'schedule-interview': () => ({ summary: '安排约谈', scheduledAt: '2026-03-10T09:30:00+08:00', place: '区教育局 301 会议室', attendees: ['王经办'] }),
  'record-interview': () => ({ summary: '机构承诺限期整改', minutes: '约谈记录：机构负责人到场，承诺整改。', attendees: ['王经办', '陈明'] }),
  // the serious-dishonesty list: officer proposes, legal reviews, head decides
  'propose-listing': () => ({ summary: '情节严重，提请列入', decision: 'propose', basis: '《校外培训行政处罚暂行办法》（教育部令第53号）' }),
  'review-listing': () => ({ summary: '事实清楚，依据充分', decision: 'agree' }),
  'decide-listing': () => ({ summary: '列入严重失信主体名单', decision: 'list' }),
  // measures are catalogue ids (全国失信惩戒措施基础清单): free text is refused with 400 MEASURE_NOT_IN_CATALOGUE; one
  // measure applied by one department, so one 联合惩戒通知 per case (invariants.ts)
  'confirm-sanction': () => ({ summary: '实施联合惩戒', measures: ['M-ZFCG'] }),
  'accept-repair': () => ({ summary: '材料齐全', decision: 'accept' }),
  'decide-repair': () => ({ summary: '准予修复', decision: 'approve' }),
};

export class CaseDriver {
  readonly cases = new Map<string, DrivenCase>();
  readonly ledger: Ledger = { opened: [], completedTasks: new Map(), submissions: [], penalties: [] };
  readonly counts: DriveCounts = { requests: 0, acknowledged: 0, refused: 0, failed: 0, refusals: new Map() };
  private running = new Set<Promise<void>>();
  private ticking = false;

  constructor(
    private readonly api: Api,
    private readonly staff: { officer: string; approver: string; legal: string; head: string },
    private readonly parties: Party[],
    private readonly maxInFlight = 8,
  ) {}

  private async send<T = any>(method: string, path: string, token: string, body?: unknown): Promise<Reply<T>> {
    const r = await this.api.call<T>(method, path, token, body);
    this.counts.requests++;
    if (r.status >= 200 && r.status < 300) this.counts.acknowledged++;
    else if (r.status >= 400 && r.status < 500) this.counts.refused++;
    else this.counts.failed++;
    if (r.status >= 400 || r.status === 0) {
      const why = `${r.status} ${(r.body as { code?: string } | null)?.code ?? ''}`.trim();
      this.counts.refusals.set(why, (this.counts.refusals.get(why) ?? 0) + 1);
    }
    return r;
  }

  /** Opens a case; retried while the system is faulty, since a lead that was refused by a 5xx was never filed. */
  async open(uscc: string, persona: Persona): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const r = await this.send<{ caseNo: string }>('POST', '/api/cases', this.staff.officer,
        { uscc, behaviourCode: 'EDU-001', facts: '群众投诉该机构未取得办学许可证开展学科类培训', source: 'complaint' });
      if (r.status === 201) {
        this.cases.set(r.body.caseNo, { caseNo: r.body.caseNo, uscc, persona, busy: false, repairApplied: false });
        this.ledger.opened.push(r.body.caseNo);
        return;
      }
      await new Promise((res) => setTimeout(res, 2000));
    }
    throw new Error(`could not open a case for ${uscc}`);
  }

  /**
   * Files a 双公示 penalty decision and has the approver sign its public text off, which publishes it: a credit
   * record and a platform submission written together. Counted once the publication was acknowledged.
   */
  async filePenalty(uscc: string): Promise<void> {
    const body = penaltyBody(uscc);
    const r = await this.send<{ publicText: { id: string; hash: string } }>('POST', '/api/publicity/penalties', this.staff.officer, body);
    if (r.status !== 201) return;
    const approved = await this.send('POST', `/api/publicity/public-texts/${r.body.publicText.id}/approve`, this.staff.approver, { hash: r.body.publicText.hash });
    if (approved.status === 200) this.ledger.penalties.push(body.decisionNo);
  }

  /** One look at every worklist and portal; acts on what each persona would act on now, a few at a time. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      for (const token of Object.values(this.staff)) {
        for (const task of await this.worklist(token)) {
          const c = this.cases.get(task.caseNo);
          if (c && !c.busy && this.staffActs(c, task)) this.act(c, () => this.doTask(c, token, task));
        }
      }
      for (const party of this.parties) await this.portal(party);
    } finally {
      this.ticking = false;
    }
  }

  /** Waits for the actions already started. */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  private staffActs(c: DrivenCase, task: WorkItem): boolean {
    if (c.persona === 'abandoned') return false;
    if (c.persona === 'late-staff') return task.overdue; // only once the deadline has passed and was escalated
    return true;
  }

  private institutionAnswers(c: DrivenCase, kind: string): boolean {
    if (kind === 'objection') return c.persona === 'late-staff' || c.persona === 'repaired';
    return c.persona !== 'silent-institution' && c.persona !== 'abandoned';
  }

  private act(c: DrivenCase, work: () => Promise<void>): void {
    if (this.running.size >= this.maxInFlight) return;
    c.busy = true;
    const p = work().catch(() => undefined).finally(() => { c.busy = false; this.running.delete(p); });
    this.running.add(p);
  }

  private async worklist(token: string): Promise<WorkItem[]> {
    const items: WorkItem[] = [];
    for (let page = 1; page <= 5; page++) {
      const r = await this.send<{ items: WorkItem[]; total: number }>('GET', `/api/tasks?pageSize=100&page=${page}`, token);
      if (r.status !== 200) break;
      items.push(...r.body.items);
      if (items.length >= r.body.total) break;
    }
    return items;
  }

  private async doTask(c: DrivenCase, token: string, task: WorkItem): Promise<void> {
    if (!task.assigneeId) {
      const claimed = await this.send('POST', `/api/tasks/${task.id}/claim`, token);
      if (claimed.status !== 200) return;
    }
    const done = await this.send('POST', `/api/tasks/${task.id}/complete`, token, STAFF_BODIES[task.kind](c));
    if (done.status === 200) this.ledger.completedTasks.set(task.id, { caseNo: c.caseNo, kind: task.kind });
  }

  private async portal(party: Party): Promise<void> {
    const deadlines = await this.send<{ caseNo: string; kind: 'objection' | 'rectification' | 'statement' }[]>('GET', '/api/portal/deadlines', party.token);
    for (const d of deadlines.status === 200 ? deadlines.body : []) {
      const c = this.cases.get(d.caseNo);
      if (!c || c.busy || !this.institutionAnswers(c, d.kind)) continue;
      const [path, body] = d.kind === 'objection'
        ? ['objection', { reason: '我机构已取得办学许可证，认定事实有误', fileIds: [] }]
        : d.kind === 'statement'
          ? ['statement', { reason: '我机构已停止违规行为，申请不列入名单', fileIds: [] }]
          : ['rectification-report', { summary: '已停止违规招生并完成整改', fileIds: [] }];
      this.act(c, () => this.submit(c, party.token, path, d.kind, body));
    }
    const repairing = [...this.cases.values()].filter((c) => c.uscc === party.uscc && c.persona === 'repaired' && !c.repairApplied && !c.busy);
    if (!repairing.length) return;
    const own = await this.send<{ caseNo: string; stage: string }[]>('GET', '/api/portal/cases', party.token);
    for (const row of own.status === 200 ? own.body : []) {
      const c = repairing.find((x) => x.caseNo === row.caseNo);
      if (c && row.stage === 'PUBLICITY') {
        this.act(c, () => this.submit(c, party.token, 'repair-application', 'repair',
          { routes: ['commitment', 'training'], commitment: '本机构承诺今后依法依规办学', fileIds: [] }));
      }
    }
  }

  private async submit(c: DrivenCase, token: string, path: string, kind: 'objection' | 'rectification' | 'statement' | 'repair', body: object): Promise<void> {
    const r = await this.send('POST', `/api/portal/cases/${c.caseNo}/${path}`, token, body);
    if (r.status !== 200) return;
    this.ledger.submissions.push({ caseNo: c.caseNo, kind });
    if (kind === 'repair') c.repairApplied = true;
  }
}
