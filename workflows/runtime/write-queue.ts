import type * as C from '../contracts';

/**
 * The queue of writes a case makes without an activity of their own (stage changes, task completions, answers).
 * The next activity "carries" them: it applies them first, in its own transaction, so a stage
 * change and the task it opens land together, and a case makes half the activities.
 */
export class WriteQueue {
  private queued: C.CaseWrite[] = [];
  private stageChanges = 0;

  constructor(private readonly caseNo: string) {}

  push(write: C.CaseWrite): void {
    this.queued.push(write);
  }

  /** Queues the record of a stage change; its natural key makes a retried carrier write it once. */
  transition(from: C.CaseStage, to: C.CaseStage, type: C.CaseEventType, extra: C.TransitionDetails = {}): void {
    this.queued.push({ write: 'transition', key: `${this.caseNo}:stage:${++this.stageChanges}`, from, to, type, ...extra });
  }

  get pending(): boolean {
    return this.queued.length > 0;
  }

  /** Runs the activity with the queued writes; they stay queued if it does not complete (failed, or cancelled by a withdrawal). */
  async carrying<T>(activity: (writes: C.CaseWrite[]) => Promise<T>): Promise<T> {
    const writes = this.queued.splice(0);
    try {
      return await activity(writes);
    } catch (err) {
      this.queued.unshift(...writes);
      throw err;
    }
  }
}
