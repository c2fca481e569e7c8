import type { CreditRecord, RecordRepair } from '../../api/types';

/** Tag colours of the application's status (the server sends the Chinese label as statusLabel). */
export const REPAIR_STATUS_COLORS: Record<RecordRepair['status'], string> = {
  submitted: 'orange', accepted: 'blue', not_accepted: 'default', granted: 'green', refused: 'red', referred: 'purple',
};

/**
 * Why this user may not decide, or null: four eyes (docs/effects.md) — the approver who entered or accepted the
 * application does not decide it; the server refuses the same (403 SAME_PERSON), the console says so before the click.
 */
export function decisionBlockedReason(r: Pick<RecordRepair, 'createdBy' | 'acceptedBy'>, userId: string): string | null {
  if (r.createdBy === userId) return '您是本申请的录入人，按“四眼原则”须由其他审批人作出决定';
  if (r.acceptedBy === userId) return '您受理了本申请，按“四眼原则”须由其他审批人作出决定';
  return null;
}

/** The records one may apply to repair: 行政处罚 still published (a repaired, withdrawn or expired one has nothing left). */
export const repairablePenalties = (records: CreditRecord[]) =>
  records.filter((r) => r.kind === 'penalty' && !['repaired', 'withdrawn', 'expired', 'corrected'].includes(r.status));
