import type { Actor, CaseStage, InstitutionDeadlineKind, TaskOutcome } from './case';
import type { CaseEventType } from './events';

/** What a stage change records besides its stages and type. */
export interface TransitionDetails {
  reason?: string;
  payload?: object;
  actor?: Actor;
}

/**
 * A write the case workflow queues instead of running an activity for it: the next activity carries the queue
 * into its own transaction, in order (CaseRepository.applyWrites, src/cases/case.repository.ts), so a stage change and the task it opens
 * land together. Each carries a natural key, so a retried activity writes nothing twice.
 */
export type CaseWrite =
  | ({ write: 'transition'; key: string; from: CaseStage; to: CaseStage; type: CaseEventType } & TransitionDetails)
  | { write: 'task-completed'; key: string; taskId: string; actor: Actor; outcome: TaskOutcome }
  | { write: 'answered'; key: string; kind: InstitutionDeadlineKind; round: number; deadlineId: string; actor: Actor; text: string; fileIds: string[] };
