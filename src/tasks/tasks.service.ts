import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Client, UpdateDefinition } from '@temporalio/client';
import { Repository } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import type { AuthUser } from '../auth/role';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { maskIdNumber } from '../common/crypto/mask';
import { DomainException, notFound } from '../common/errors/domain.exception';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import {
  Actor, CaseSnapshot, claimTaskUpdate, completeTaskUpdate, reassignTaskUpdate, TaskOutcome, unclaimTaskUpdate,
} from '../../workflows/contracts';
import type { CompleteTaskDto, WorklistQueryDto } from './dto/task.dto';
import { TaskEntity } from './task.entity';
import { WorklistRepository } from './worklist.repository';

const actorOf = (u: Pick<AuthUser, 'id' | 'role' | 'officeCode'>): Actor => ({ id: u.id, role: u.role, officeCode: u.officeCode });

@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly worklistRepo: WorklistRepository,
    private readonly crypto: FieldCryptoService,
  ) {}

  async worklist(user: AuthUser, q: WorklistQueryDto) {
    const { items, total } = await this.worklistRepo.page(user, q);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  claim(taskId: string, user: AuthUser) {
    return this.act(taskId, claimTaskUpdate, { taskId, actor: actorOf(user) });
  }

  unclaim(taskId: string, user: AuthUser) {
    return this.act(taskId, unclaimTaskUpdate, { taskId, actor: actorOf(user) });
  }

  /** ID numbers of banned persons are sealed here, so the workflow history never holds them in clear. */
  complete(taskId: string, user: AuthUser, dto: CompleteTaskDto) {
    const outcome: TaskOutcome = {
      ...dto,
      bans: dto.bans?.map((b) => ({
        name: b.name, years: b.years, idNumberSealed: this.crypto.encrypt(b.idNumber),
        idNumberIndex: this.crypto.blindIndex(b.idNumber), idNumberMasked: maskIdNumber(b.idNumber),
      })),
    };
    return this.act(taskId, completeTaskUpdate, { taskId, actor: actorOf(user), outcome });
  }

  async reassign(taskId: string, user: AuthUser, toUserId: string) {
    const to = await this.users.findOne({ where: { id: toUserId, active: true } });
    if (!to) throw notFound('USER_NOT_FOUND', '改派对象不存在或已停用');
    return this.act(taskId, reassignTaskUpdate, { taskId, actor: actorOf(user), to: actorOf(to) });
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
  private async act<A>(taskId: string, update: UpdateDefinition<CaseSnapshot, [A]>, args: A): Promise<{ task: TaskEntity; case: CaseSnapshot }> {
    const task = await this.tasks.findOne({ where: { id: taskId } });
    if (!task) throw notFound('TASK_NOT_FOUND', '任务不存在');
    if (task.status === 'completed' || task.status === 'cancelled') throw new DomainException('TASK_CLOSED', '任务已办结或已取消', 409);
    const snapshot = await this.temporal.workflow.getHandle(task.caseNo).executeUpdate(update, { args: [args] });
    return { task: await this.tasks.findOneByOrFail({ id: taskId }), case: snapshot };
  }
}
