import type { Actor, CaseStage, InstitutionDeadlineKind, TaskOutcome } from '../../workflows/contracts';

/**
 * A write the case workflow queues instead of running an activity for it: the next activity carries the queue
 * into its own transaction, in order, so a stage change and the task it opens land together. Each carries a
 * natural key, so a retried activity writes nothing twice.
 */
export type CaseWrite =
  | { write: 'transition'; key: string; from: CaseStage; to: CaseStage; type: string; reason?: string; payload?: object; actor?: Actor }
  | { write: 'task-completed'; key: string; taskId: string; actor: Actor; outcome: TaskOutcome }
  | { write: 'answered'; key: string; kind: InstitutionDeadlineKind; round: number; deadlineId: string; actor: Actor; text: string; fileIds: string[] }
  | { write: 'deadline-missed'; deadlineId: string; kind: InstitutionDeadlineKind; dueDate: string };
