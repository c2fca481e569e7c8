import { Injectable } from '@nestjs/common';
import { NotificationsService } from '../notifications/notifications.service';
import type { Actor, CaseInput, CaseWrite, TaskOutcome } from '../../workflows/contracts';
import { TASK_LABELS } from '../../workflows/labels';
import { CaseEventRepository, TransitionRow } from './case-event.repository';
import { CaseTaskRepository, NewTask, TaskChange } from './case-task.repository';
import { CaseRepository } from './case.repository';

/**
 * How a case moves on: its registration, its stage changes and the worklist tasks the workflow opens and people
 * act on, with their case events. Each call is one transaction (or one statement) and idempotent: a retried
 * activity finds its idempotency key already used and changes nothing.
 */
@Injectable()
export class CaseProgressService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly events: CaseEventRepository,
    private readonly tasks: CaseTaskRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async register(input: CaseInput): Promise<void> {
    await this.cases.transaction(async (m) => {
      if (!(await this.cases.insert(m, input))) return;
      await this.events.insert(m, {
        caseNo: input.caseNo, type: 'REGISTERED', to: 'REGISTERED', actor: input.registeredBy,
        payload: { source: input.source, behaviourCode: input.behaviourCode }, idempotencyKey: `${input.caseNo}:registered`,
      });
    });
  }

  async transition(t: TransitionRow) {
    await this.events.transition(this.cases.manager, t); // one statement: atomic on its own
  }

  /** Writes the workflow queued and nothing else carried before the case rests. */
  async applyWrites(caseNo: string, writes: CaseWrite[]): Promise<void> {
    await this.cases.transaction((m) => this.cases.applyWrites(m, caseNo, writes));
  }

  /**
   * Opens a worklist task and tells the people who may take it (once, however often this is retried), after the
   * writes the workflow queued before it. Answers with the dates stored, so a retry answers what the first attempt wrote.
   */
  async openTask(t: NewTask, writes: CaseWrite[] = []): Promise<{ taskId: string; dueDate: string; followUpDate: string }> {
    return this.cases.transaction(async (m) => {
      await this.cases.applyWrites(m, t.caseNo, writes);
      const opened = await this.tasks.open(m, t);
      await this.notifications.notify(m, {
        ...(t.candidateOffice ? { officeCode: t.candidateOffice } : {}), role: t.candidateRole, template: 'task_assigned',
        idempotencyKey: t.idempotencyKey, data: { taskTitle: TASK_LABELS[t.kind], caseNo: t.caseNo, dueDate: t.dueDate },
      });
      return opened;
    });
  }

  async claimTask(taskId: string, actor: Actor, idempotencyKey: string): Promise<void> {
    await this.taskChange(taskId, 'TASK_CLAIMED', actor, idempotencyKey);
  }

  async unclaimTask(taskId: string, actor: Actor, idempotencyKey: string): Promise<void> {
    await this.taskChange(taskId, 'TASK_UNCLAIMED', actor, idempotencyKey);
  }

  async reassignTask(taskId: string, actor: Actor, to: Actor, idempotencyKey: string): Promise<void> {
    await this.taskChange(taskId, 'TASK_REASSIGNED', actor, idempotencyKey, { toUserId: to.id });
  }

  async completeTask(taskId: string, actor: Actor, outcome: TaskOutcome, idempotencyKey: string): Promise<void> {
    await this.taskChange(taskId, 'TASK_COMPLETED', actor, idempotencyKey, { outcome });
  }

  private async taskChange(taskId: string, type: TaskChange, actor: Actor, key: string, extra: { outcome?: TaskOutcome; toUserId?: string } = {}) {
    await this.tasks.change(this.cases.manager, { taskId, type, actor, key, ...extra }); // one statement: atomic on its own
  }
}
