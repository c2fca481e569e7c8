import { upsertSearchAttributes } from '@temporalio/workflow';
import * as C from '../contracts';

/**
 * The search attributes operations find cases by (`temporal workflow list --query "CaseStage='RECTIFICATION'"`):
 * stage, severity, office, the next due instant of any open task or deadline, whether the case is blocked, and the
 * workflow version that started it. Upserted when the case rests, and only when something changed.
 */
export class CaseSearchAttributes {
  private readonly dueAt = new Map<string, number>();
  private published = '';

  constructor(private readonly input: C.CaseInput) {}

  /** Notes (or, with null, forgets) when the task or deadline `key` falls due. */
  track(key: string, atMs: number | null): void {
    if (atMs === null) this.dueAt.delete(key);
    else this.dueAt.set(key, atMs);
  }

  publish(s: { stage: C.CaseStage; severity: C.Severity; blockedCode: string | null }): void {
    const next = Math.min(...this.dueAt.values());
    const attributes = [
      { key: C.SA.caseNo, value: this.input.caseNo },
      { key: C.SA.uscc, value: this.input.uscc },
      { key: C.SA.stage, value: s.stage },
      { key: C.SA.severity, value: s.severity },
      { key: C.SA.office, value: this.input.officeCode ?? '' },
      { key: C.SA.nextDueAt, value: Number.isFinite(next) ? new Date(next) : null },
      { key: C.SA.blocked, value: s.blockedCode ?? '' },
      { key: C.SA.version, value: C.WORKFLOW_VERSION },
    ];
    const values = JSON.stringify(attributes.map((a) => a.value));
    if (values === this.published) return;
    this.published = values;
    upsertSearchAttributes(attributes);
  }
}
