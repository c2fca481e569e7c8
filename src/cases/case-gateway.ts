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

/** The activities whose row a person can see before the case hears their answer (activities/case.activities.ts). */
const OPENING_ACTIVITIES = ['openTaskDueIn', 'openInstitutionDeadlineDueIn'];
const IDLE_GRACE_MS = 5_000;
/** A worker restart (process start, workflow bundle) plus the activity's 30 s timeout and retry, with room for load. */
const CATCH_UP_LIMIT_MS = 120_000;

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

  /**
   * `accept`, retried while the case has not caught up with its own database rows: a task or deadline row commits in
   * the activity that opens it, a moment before the case hears the activity's answer — much longer if a worker dies
   * then: the activity is retried after its 30-second start-to-close timeout (runtime/proxies.ts), on whichever worker
   * comes up. A person who sees the row in the worklist or the portal can act in between, and must not be refused
   * for a task or deadline shown as open. `behind` names the refusals that mean "not yet" while the row says
   * otherwise (the caller has just read it). Rather than guess how long a restart takes, it asks Temporal whether the
   * case is still working towards the row: an opening activity pending (running, or waiting for its retry) or a
   * workflow task not yet done. Once the case is idle a few seconds and still refuses, the refusal stands.
   */
  acceptCaughtUp<A extends { actor: Actor }>(caseNo: string, user: Who, update: UpdateDefinition<CaseSnapshot, [A]>, args: Omit<A, 'actor'>,
    updateId: string, behind: string[]): Promise<void> {
    return this.caughtUp(caseNo, behind, () => this.accept(caseNo, user, update, args, updateId));
  }

  /**
   * Runs `attempt` (which sends an update with `accept`) again while the case refuses it with one of `behind` and is
   * still catching up with its rows (see acceptCaughtUp). Each attempt starts afresh: a caller that reads and locks
   * the row inside it holds nothing between attempts.
   */
  async caughtUp<T>(caseNo: string, behind: string[], attempt: () => Promise<T>): Promise<T> {
    const started = Date.now();
    let idleSince: number | null = null;
    for (;;) {
      try {
        return await attempt();
      } catch (err) {
        const type = (err as { cause?: { type?: string } }).cause?.type;
        if (!type || !behind.includes(type)) throw err;
        const now = Date.now();
        if (await this.catchingUp(caseNo)) idleSince = null;
        else idleSince ??= now;
        // idle: the acceptance of the activity's answer can trail its completion by a workflow task; give it 5 s.
        // The outer bound keeps a request from hanging on a case whose worker never comes back.
        if ((idleSince !== null && now - idleSince > IDLE_GRACE_MS) || now - started > CATCH_UP_LIMIT_MS) throw err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  /** Whether the case is still working towards a row it opened: an opening activity or a workflow task pending. */
  private async catchingUp(caseNo: string): Promise<boolean> {
    const { raw } = await this.temporal.workflow.getHandle(caseNo).describe();
    const opening = (raw.pendingActivities ?? []).some((a) => OPENING_ACTIVITIES.includes(a.activityType?.name ?? ''));
    return opening || !!raw.pendingWorkflowTask;
  }

  /** Tells the case who holds a task now (the worklist decided it); answers once Temporal has the signal. */
  tellHolder(caseNo: string, change: TaskHolderChange): Promise<void> {
    return this.temporal.workflow.getHandle(caseNo).signal(taskHolderSignal, change);
  }

  /**
   * Tells the case that the worklist accepted a completion (taskCompletedSignal); answers once Temporal has it, or
   * fails after `withinMs` (a relay retries: src/tasks/told-completions.ts).
   */
  tellCompleted(caseNo: string, done: TaskCompleted, withinMs?: number): Promise<void> {
    const tell = () => this.temporal.workflow.getHandle(caseNo).signal(taskCompletedSignal, done);
    return withinMs ? this.temporal.withDeadline(Date.now() + withinMs, tell) : tell();
  }

  /** Tells the case that the portal accepted an answer to its deadline (institutionAnsweredSignal). */
  tellAnswered(caseNo: string, answer: InstitutionAnswered): Promise<void> {
    return this.temporal.workflow.getHandle(caseNo).signal(institutionAnsweredSignal, answer);
  }
}
