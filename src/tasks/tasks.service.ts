import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Client, UpdateDefinition } from '@temporalio/client';
import { Repository } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { notFound } from '../common/errors/domain.exception';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import {
  Actor,
  CaseSnapshot,
  claimTaskUpdate,
  completeTaskUpdate,
  TaskOutcome,
  unclaimTaskUpdate,
} from '../../workflows/contracts';
import type { WorklistQueryDto } from './dto/task.dto';
import { TaskEntity } from './task.entity';

@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** Tasks assigned to the caller, plus unclaimed ones offered to the caller's role and office; earliest due first. */
  async worklist(user: AuthUser, q: WorklistQueryDto) {
    const qb = this.tasks
      .createQueryBuilder('t')
      .where(`t.status IN ('open','claimed')`)
      .andWhere(
        `(t.assignee_id = :me OR (t.assignee_id IS NULL AND t.candidate_role = :role
          AND (t.candidate_office IS NULL OR t.candidate_office = :office)))`,
        { me: user.id, role: user.role, office: user.officeCode },
      );
    if (q.stage) qb.andWhere('t.stage = :stage', { stage: q.stage });
    if (q.caseNo) qb.andWhere('t.case_no = :caseNo', { caseNo: q.caseNo });
    if (q.overdue !== undefined) qb.andWhere('t.overdue = :overdue', { overdue: q.overdue });
    const [items, total] = await qb
      .orderBy('t.due_date', 'ASC')
      .addOrderBy('t.created_at', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  claim(taskId: string, user: AuthUser) {
    return this.act(taskId, user, claimTaskUpdate, (actor) => ({ taskId, actor }));
  }

  unclaim(taskId: string, user: AuthUser) {
    return this.act(taskId, user, unclaimTaskUpdate, (actor) => ({ taskId, actor }));
  }

  complete(taskId: string, user: AuthUser, outcome: TaskOutcome) {
    return this.act(taskId, user, completeTaskUpdate, (actor) => ({ taskId, actor, outcome }));
  }

  /** The workflow validates and applies the action; the database row follows from its activity. */
  private async act<A>(
    taskId: string,
    user: AuthUser,
    update: UpdateDefinition<CaseSnapshot, [A]>,
    args: (actor: Actor) => A,
  ): Promise<{ task: TaskEntity; case: CaseSnapshot }> {
    const task = await this.tasks.findOne({ where: { id: taskId } }).catch(() => null);
    if (!task) throw notFound('TASK_NOT_FOUND', '任务不存在');
    const actor: Actor = { id: user.id, role: user.role, officeCode: user.officeCode };
    const snapshot = await this.temporal.workflow
      .getHandle(task.caseNo)
      .executeUpdate(update, { args: [args(actor)] });
    return { task: await this.tasks.findOneByOrFail({ id: taskId }), case: snapshot };
  }
}
