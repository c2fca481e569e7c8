import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client, SignalDefinition, UpdateDefinition, WorkflowClientInterceptor, WorkflowUpdateFailedError, WorkflowUpdateStage } from '@temporalio/client';
import type { LoadedDataConverter } from '@temporalio/common';
import type { AuthUser } from '../auth/role';
import type { AppEnv } from '../config/env.schema';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import {
  Actor, awaitRegistrationUpdate, calendarPublishedSignal, CaseInput, CaseSnapshot, InstitutionAnswered, institutionAnsweredSignal, TaskCompleted, taskCompletedSignal, TaskHolderChange, taskHolderSignal,
} from '../../workflows/contracts';
import type { dishonestyCaseWorkflow } from '../../workflows/dishonesty-case.workflow';

/** What a case is told once the API has committed it: a completion (by task) or an answer (by deadline). */
export type Telling =
  | { signal: 'taskCompleted'; payload: TaskCompleted }
  | { signal: 'institutionAnswered'; payload: InstitutionAnswered };


/**
 * A client interceptor (the SDK's public WorkflowClientInterceptor.startUpdate): a refusal comes back at once as the
 * outcome of the start call, and is thrown there as the same WorkflowUpdateFailedError the handle's result() would
 * throw, so `accept` never answers a refused update as a success and never polls for an outcome it already has.
 * Decoded with the client's own failure and payload converters (the project configures no payload codec).
 */
export function refusalsAtStart(converter: LoadedDataConverter): WorkflowClientInterceptor {
  return {
    async startUpdate(input, next) {
      const out = await next(input);
      const failure = out.outcome?.failure;
      if (failure) throw new WorkflowUpdateFailedError('Workflow Update failed', converter.failureConverter.failureToError(failure, converter.payloadConverter));
      return out;
    },
  };
}

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
  /** The same connection, namespace and converters as `temporal`, with refusals thrown at start (`accept`). */
  private readonly accepting: Client;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly config: ConfigService<AppEnv, true>,
  ) {
    const { namespace, loadedDataConverter } = temporal.options;
    this.accepting = new Client({
      connection: temporal.connection, namespace, dataConverter: loadedDataConverter,
      interceptors: { workflow: [refusalsAtStart(loadedDataConverter)] },
    });
  }

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

  /**
   * Issue #20: sends the update and answers once the case has ACCEPTED it: its validator passed and the acceptance
   * is in the case's history, so the handler will run whatever happens to this process or the worker. It does not
   * wait for the case to rest (the next task, the next stage): the console follows that by reading the case again.
   * A refusal still throws here (WorkflowUpdateFailedError), as with `act`. `updateId` makes a resent request the
   * same update: a second POST of a completion already accepted answers as the first did and runs nothing twice.
   */
  async accept<A extends { actor: Actor }>(caseNo: string, user: Who, update: UpdateDefinition<CaseSnapshot, [A]>, args: Omit<A, 'actor'>,
    updateId: string): Promise<void> {
    // ACCEPTED: the answer comes once the acceptance is in the history; a refusal throws (refusalsAtStart)
    await this.accepting.workflow.getHandle(caseNo).startUpdate(update, {
      args: [{ ...args, actor: actorOf(user) } as A], updateId, waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
  }

  /** Tells the case who holds a task now (the worklist decided it); answers once Temporal has the signal. */
  tellHolder(caseNo: string, change: TaskHolderChange): Promise<void> {
    return this.temporal.workflow.getHandle(caseNo).signal(taskHolderSignal, change);
  }

  /**
   * Tells the case what the API accepted and committed: a completion in the worklist (taskCompletedSignal) or an
   * answer to a deadline in the portal (institutionAnsweredSignal). Answers once Temporal has it, or fails after
   * `withinMs` (a relay retries: case-tellings.ts).
   */
  tell(caseNo: string, t: Telling, withinMs: number): Promise<void> {
    const handle = this.temporal.workflow.getHandle(caseNo);
    const signal = () => (t.signal === 'taskCompleted' ? handle.signal(taskCompletedSignal, t.payload) : handle.signal(institutionAnsweredSignal, t.payload));
    return this.temporal.withDeadline(Date.now() + withinMs, signal);
  }
}
