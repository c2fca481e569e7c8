import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { UpdateDefinition } from '@temporalio/client';
import { Repository } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import type { AuthUser } from '../auth/role';
import { actorOf, CaseGateway } from '../cases/case-gateway';
import { CaseTaskRepository } from '../cases/case-task.repository';
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

  complete(taskId: string, user: AuthUser, dto: CompleteTaskDto) {
    const outcome: TaskOutcome = { ...dto };
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
