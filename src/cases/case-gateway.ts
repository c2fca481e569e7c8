import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Client, SignalDefinition, UpdateDefinition } from '@temporalio/client';
import type { AuthUser } from '../auth/role';
import type { AppEnv } from '../config/env.schema';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { Actor, awaitRegistrationUpdate, calendarPublishedSignal, CaseInput, CaseSnapshot } from '../../workflows/contracts';
import type { dishonestyCaseWorkflow } from '../../workflows/dishonesty-case.workflow';

type Who = Pick<AuthUser, 'id' | 'role' | 'officeCode'> & { uscc?: string | null };

/**
 * The user as the workflow knows them. An institution account acts for its own USCC only and belongs to no office,
 * so the workflow can tell the party of a case from the officers handling it.
 */
export function actorOf(u: Who): Actor {
  return u.role === 'institution' ? { id: u.id, role: u.role, officeCode: null, uscc: u.uscc } : { id: u.id, role: u.role, officeCode: u.officeCode };
}

/**
 * The API's only way into a case's workflow: starting it, and the updates and signals people send it. The workflow
 * validates each update (stage, party, deadline) and refuses with an ApplicationFailure the error filter turns into
 * `{code, message}`.
 */
@Injectable()
export class CaseGateway {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly config: ConfigService<AppEnv, true>,
  ) {}

  /** One durable workflow per case, whose id is the case number; answers once the case row is written. */
  async start(input: CaseInput): Promise<void> {
    const handle = await this.temporal.workflow.start<typeof dishonestyCaseWorkflow>('dishonestyCaseWorkflow', {
      taskQueue: this.config.get('TEMPORAL_TASK_QUEUE'),
      workflowId: input.caseNo,
      args: [input],
    });
    await handle.executeUpdate(awaitRegistrationUpdate);
  }

  /** Sends a signal to the case as `user`, who becomes the signal's `actor`; answers once the workflow has it. */
  signal<A extends { actor: Actor | null }>(caseNo: string, user: Who, signal: SignalDefinition<[A]>, args: Omit<A, 'actor'>): Promise<void> {
    return this.temporal.workflow.getHandle(caseNo).signal(signal, { ...args, actor: actorOf(user) } as A);
  }

  /** Tells the case that a calendar year was published (no one acts: the calendar changed under it, issue #21). */
  calendarPublished(caseNo: string, year: number): Promise<void> {
    return this.temporal.workflow.getHandle(caseNo).signal(calendarPublishedSignal, { year });
  }

  /**
   * Runs an update on the case as `user`, who becomes the update's `actor`. With `updateId`, Temporal runs the same
   * update once however often it is sent (a retried approval).
   */
  act<A extends { actor: Actor }>(caseNo: string, user: Who, update: UpdateDefinition<CaseSnapshot, [A]>, args: Omit<A, 'actor'>,
    updateId?: string): Promise<CaseSnapshot> {
    return this.temporal.workflow.getHandle(caseNo).executeUpdate(update, { args: [{ ...args, actor: actorOf(user) } as A], updateId });
  }
}
