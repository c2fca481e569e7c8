import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import type { AuthUser } from '../auth/role';
import { actorOf, CaseGateway } from '../cases/case-gateway';
import { CaseTaskRepository } from '../cases/case-task.repository';
import { CaseRepository } from '../cases/case.repository';
import { MeasureCatalogueService } from '../measures/measure-catalogue.service';
import { Actor, OpenTask, TaskKind, TaskOutcome } from '../../workflows/contracts';
import * as rules from '../../workflows/task-rules';
import type { CompleteTaskDto, WorklistQueryDto } from './dto/task.dto';
import { TaskEntity } from './task.entity';
import { WorklistRepository } from './worklist.repository';
import { CaseTellings } from '../cases/case-tellings';
import { CalendarService } from '../calendar/calendar.service';
import { beijingToday } from '../common/time/beijing';
import { taskChanged, taskClosed, taskNotFound } from '../cases/case.errors';
import { userNotFound } from '../auth/auth.errors';

/** The task row as the workflow's rules read a task (workflows/task-rules.ts). */
const asOpenTask = (t: TaskEntity): OpenTask => ({
  taskId: t.id, kind: t.kind as TaskKind, candidateRole: t.candidateRole as OpenTask['candidateRole'], candidateOffice: t.candidateOffice,
  assigneeId: t.assigneeId, dueDate: t.dueDate,
});

/**
 * Issue #20: who holds a task is a worklist matter, decided here in PostgreSQL with the workflow's own rules
 * (candidate role and office, not held by another) and optimistic concurrency on `tasks.version`. A claim tells the
 * case nothing: the completion carries the holder the worklist read, so no workflow task of the claim's stands
 * between the claim and the completion; a release or reassignment tells the case by a signal, so a former holder is
 * refused even by the case itself. A completion is accepted here too, with the case's own rules, and the case is
 * told by a signal it takes as told (`complete`): the answer no longer waits for a worker to replay the case.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: CaseTaskRepository,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly gateway: CaseGateway,
    private readonly worklistRepo: WorklistRepository,
    private readonly cases: CaseRepository,
    private readonly measureCatalogue: MeasureCatalogueService,
    private readonly calendar: CalendarService,
    private readonly tellings: CaseTellings,
  ) {}

  /**
   * A task due in a year the administrator has not published was computed from the statutory holidays alone: shown
   * as 暂定 like the institution's deadlines (issue #21), until the year is published. Its date is the bureau's own
   * time limit and stays as computed; only an institution's deadline is recomputed (it must never run short).
   */
  async worklist(user: AuthUser, q: WorklistQueryDto) {
    const { items, total } = await this.worklistRepo.page(user, q);
    const known = new Set(await this.calendar.knownYears());
    const today = beijingToday();
    // the countdown counted here, by the calendar the deadlines were computed with: the console asks nothing more
    const left = await this.calendar.workingDaysFrom(today, items.map((t) => t.dueDate));
    const flagged = items.map((t) => ({ ...t, provisional: !known.has(Number(t.dueDate.slice(0, 4))), workingDaysLeft: left.get(t.dueDate) ?? null }));
    return { items: flagged, total, page: q.page, pageSize: q.pageSize };
  }

  async claim(taskId: string, user: AuthUser) {
    const task = await this.live(taskId);
    const actor = actorOf(user);
    rules.assertClaimable(asOpenTask(task), actor);
    if (task.assigneeId === actor.id) return { task, accepted: true }; // already mine: a resent claim
    return { task: await this.changed(task, 'TASK_CLAIMED', actor, actor.id), accepted: true };
  }

  async unclaim(taskId: string, user: AuthUser) {
    const task = await this.live(taskId);
    const actor = actorOf(user);
    rules.assertAssignee(asOpenTask(task), actor);
    return this.told(task, await this.changed(task, 'TASK_UNCLAIMED', actor, null));
  }

  async reassign(taskId: string, user: AuthUser, toUserId: string) {
    const to = await this.users.findOne({ where: { id: toUserId, active: true } });
    if (!to) throw userNotFound('改派对象不存在或已停用');
    const task = await this.live(taskId);
    const actor = actorOf(user);
    rules.assertReassignable(asOpenTask(task), actor, actorOf(to));
    return this.told(task, await this.changed(task, 'TASK_REASSIGNED', actor, to.id));
  }

  /**
   * Accepted in the worklist, where the holder is decided (issue #20): under the task's lock the row is read again
   * and the case's own rules (workflows/task-rules.ts) are applied to it and to the case's earlier completions —
   * holder, outcome, four eyes, legal review — then the completion is written with the case's telling of it
   * (cases/case-tellings.ts), and once committed the case is told by a signal that the answer does not wait for. A
   * refusal writes nothing and tells the case nothing. The case takes what it is told (runtime/handlers.ts), so no
   * one is told "done" and later refused, and the answer waits for no worker and no Temporal round trip: the next
   * task and stage follow within the case's next steps.
   */
  async complete(taskId: string, user: AuthUser, dto: CompleteTaskDto) {
    const actor = actorOf(user);
    const outcome: TaskOutcome = { ...dto };
    const told = { signal: 'taskCompleted', payload: { taskId, actor, outcome } } as const; // told once committed
    const task = await this.tasks.locked(taskId, async (m) => {
      const row = await this.live(taskId, m);
      const open = asOpenTask(row);
      rules.assertAssignee(open, actor);
      rules.assertOutcome(open, outcome);
      if (rules.readsEarlierCompletions(open.kind)) {
        const earlier = await this.tasks.lastCompletions(m, row.caseNo);
        rules.assertNotProposer(open, actor, (kind) => (earlier.has(kind) ? { id: earlier.get(kind)!.by } : undefined));
        rules.assertLegalReviewPassed(open, outcome, (kind) => earlier.get(kind)?.decision);
      }
      if (open.kind === 'confirm-sanction' && outcome.measures?.length) {
        // measures come from the catalogue, each with a basis that allows it after this item: anything else is a 400
        // naming it (MEASURE_NOT_IN_CATALOGUE / MEASURE_NOT_APPLICABLE) before the case hears of it
        const c = await this.cases.withParties(m, row.caseNo);
        await this.measureCatalogue.choose(outcome.measures, { category: 'joint_sanction', itemCode: c.behaviour_code, severity: c.severity }, m);
      }
      const done = await this.tasks.change(m, { taskId, type: 'TASK_COMPLETED', actor, key: `${row.caseNo}:completed:${taskId}`, outcome });
      // the case closed it meanwhile (a withdrawal's step does not wait for this lock): nothing written, nothing told
      if (!done) throw taskClosed();
      return { done, caseNo: row.caseNo, held: await this.tellings.hold(m, row.caseNo, told) };
    });
    this.tellings.tellSoon(task.held, task.caseNo, told);
    return { task: task.done, accepted: true };
  }

  /** Reassigns each task on its own: one refusal does not undo the others, and each gets its own answer. */
  async bulkReassign(taskIds: string[], user: AuthUser, toUserId: string) {
    const results = [];
    for (const taskId of taskIds) {
      try {
        await this.reassign(taskId, user, toUserId);
        results.push({ taskId, ok: true });
      } catch (err) {
        const e = err as { code?: string; type?: string; message?: string; cause?: { type?: string; message?: string } };
        results.push({ taskId, ok: false, code: e.cause?.type ?? e.code ?? e.type ?? 'REASSIGN_FAILED', message: e.cause?.message ?? e.message });
      }
    }
    return { results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
  }

  private async live(taskId: string, m?: EntityManager): Promise<TaskEntity> {
    const task = m ? await this.tasks.byIdIn(m, taskId) : await this.tasks.byId(taskId);
    if (!task) throw taskNotFound();
    if (task.status === 'completed' || task.status === 'cancelled') throw taskClosed();
    return task;
  }

  /**
   * Writes the change if nobody changed the task since it was read, a completion included (else 409 TASK_CHANGED);
   * answers the changed row.
   */
  private async changed(task: TaskEntity, type: 'TASK_CLAIMED' | 'TASK_UNCLAIMED' | 'TASK_REASSIGNED', actor: Actor, holder: string | null) {
    const row = await this.tasks.changeAt({
      taskId: task.id, version: task.version, type, actor, key: `${task.caseNo}:${type}:${task.id}:${task.version + 1}`,
      ...(type === 'TASK_REASSIGNED' ? { toUserId: holder! } : {}),
    });
    if (!row) throw taskChanged();
    return row;
  }

  /** Tells the case who holds the task now, so its validator refuses the former holder; answers the row. */
  private async told(task: TaskEntity, row: TaskEntity) {
    await this.gateway.tellHolder(task.caseNo, { taskId: task.id, assigneeId: row.assigneeId, version: row.version });
    return { task: row, accepted: true };
  }
}
