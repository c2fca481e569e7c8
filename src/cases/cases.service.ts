import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/role';
import { CatalogueService } from '../catalogue/catalogue.service';
import { InstitutionsService } from '../institutions/institutions.service';
import { beijingToday } from '../common/time/beijing';
import { PoliciesService } from '../policies/policies.service';
import { PolicyResolver } from '../policies/policy-resolver';
import { DeadlineClockService } from './deadline-clock.service';
import { CaseInput, Severity } from '../../workflows/contracts';
import { STAGE_LABELS, waitingForText } from '../../workflows/labels';
import type { CaseListQueryDto } from './dto/case-actions.dto';
import type { OpenCaseDto } from './dto/open-case.dto';
import { actorOf, CaseGateway } from './case-gateway';
import { isoTime } from './case-view.sql';
import { CaseRepository } from './case.repository';
import { caseNotFound, occurredInFuture } from './case.errors';

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly gateway: CaseGateway,
    private readonly institutions: InstitutionsService,
    private readonly catalogue: CatalogueService,
    private readonly policies: PoliciesService,
    private readonly resolver: PolicyResolver,
    private readonly deadlines: DeadlineClockService,
  ) {}

  /** Registers a lead: one durable workflow per case, whose id is the case number. */
  async open(dto: OpenCaseDto, actor: AuthUser) {
    const institution = await this.institutions.findByUscc(dto.uscc);
    const item = await this.catalogue.item(dto.behaviourCode);
    // 行政处罚法 art. 37 (从旧兼从轻): the rules in force when the behaviour occurred, unless today's are lighter for
    // this class. Behaviour of today is judged by the active version, as every other reader sees it.
    const today = beijingToday();
    if (dto.occurredOn && dto.occurredOn > today) throw occurredInFuture(today);
    const policy = dto.occurredOn && dto.occurredOn < today
      ? await this.resolver.forBehaviour(dto.occurredOn, today, item.severity as Severity)
      : await this.policies.active();
    const caseNo = await this.cases.nextCaseNo();
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
      registeredBy: actorOf(actor),
    };
    await this.gateway.start(input);
    return this.view(caseNo);
  }

  /**
   * The case as the database records it: stage, due dates, what it waits for, tasks, deadlines, interviews and every
   * event, in one statement. The activities write each of these in the transaction that makes the change, so no
   * workflow query is needed (a query replays a case the worker has not cached: the slowest read under load).
   */
  async view(caseNo: string) {
    const row = await this.cases.view(caseNo);
    if (!row) throw caseNotFound();
    const { tasks, history, institutionDeadlines, interviews, ...c } = row;
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

  async list(q: CaseListQueryDto) {
    const { items, total } = await this.cases.list(q);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }
}
