import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { UpdateDefinition } from '@temporalio/client';
import { Repository } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import type { AuthUser } from '../auth/role';
import { actorOf, CaseGateway } from '../cases/case-gateway';
import { CaseTaskRepository } from '../cases/case-task.repository';
import { CaseRepository } from '../cases/case.repository';
import { MeasureCatalogueService } from '../measures/measure-catalogue.service';
import {
  Actor, CaseSnapshot, claimTaskUpdate, completeTaskUpdate, reassignTaskUpdate, TaskOutcome, unclaimTaskUpdate,
} from '../../workflows/contracts';
import type { CompleteTaskDto, WorklistQueryDto } from './dto/task.dto';
import { TaskEntity } from './task.entity';
import { WorklistRepository } from './worklist.repository';
import { taskClosed, taskNotFound } from '../cases/case.errors';
import { userNotFound } from '../auth/auth.errors';

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: CaseTaskRepository,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly gateway: CaseGateway,
    private readonly worklistRepo: WorklistRepository,
    private readonly cases: CaseRepository,
    private readonly measureCatalogue: MeasureCatalogueService,
  ) {}

  async worklist(user: AuthUser, q: WorklistQueryDto) {
    const { items, total } = await this.worklistRepo.page(user, q);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  claim(taskId: string, user: AuthUser) {
    return this.act(taskId, user, claimTaskUpdate, { taskId });
  }

  unclaim(taskId: string, user: AuthUser) {
    return this.act(taskId, user, unclaimTaskUpdate, { taskId });
  }

  async complete(taskId: string, user: AuthUser, dto: CompleteTaskDto) {
    const outcome: TaskOutcome = { ...dto };
    const task = await this.tasks.byId(taskId);
    if (task?.kind === 'confirm-sanction' && outcome.measures?.length) {
      // measures come from the catalogue, each with a basis that allows it after this item: anything else is a 400
      // naming it (MEASURE_NOT_IN_CATALOGUE / MEASURE_NOT_APPLICABLE) before the case sees it
      const c = await this.cases.transaction((m) => this.cases.withParties(m, task.caseNo));
      await this.measureCatalogue.choose(outcome.measures, { category: 'joint_sanction', itemCode: c.behaviour_code, severity: c.severity });
    }
    return this.act(taskId, user, completeTaskUpdate, { taskId, outcome });
  }

  async reassign(taskId: string, user: AuthUser, toUserId: string) {
    const to = await this.users.findOne({ where: { id: toUserId, active: true } });
    if (!to) throw userNotFound('改派对象不存在或已停用');
    return this.act(taskId, user, reassignTaskUpdate, { taskId, to: actorOf(to) });
  }

  /** Reassigns each task on its own: one refusal does not undo the others, and each gets its own answer. */
  async bulkReassign(taskIds: string[], user: AuthUser, toUserId: string) {
    const results = [];
    for (const taskId of taskIds) {
      try {
        await this.reassign(taskId, user, toUserId);
        results.push({ taskId, ok: true });
      } catch (err) {
        const e = err as { code?: string; message?: string; cause?: { type?: string; message?: string } };
        results.push({ taskId, ok: false, code: e.cause?.type ?? e.code ?? 'REASSIGN_FAILED', message: e.cause?.message ?? e.message });
      }
    }
    return { results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
  }

  /** The workflow validates and applies the action; the database row follows from its activity. */
  private async act<A extends { actor: Actor }>(taskId: string, user: AuthUser, update: UpdateDefinition<CaseSnapshot, [A]>, args: Omit<A, 'actor'>): Promise<{ task: TaskEntity; case: CaseSnapshot }> {
    const task = await this.tasks.byId(taskId);
    if (!task) throw taskNotFound();
    if (task.status === 'completed' || task.status === 'cancelled') throw taskClosed();
    const snapshot = await this.gateway.act(task.caseNo, user, update, args);
    return { task: await this.tasks.current(taskId), case: snapshot };
  }
}
