import { beijingToday } from '../common/time/beijing';
import type { CreditRecordKind, CreditRecordStatus } from './credit-record.types';

/** Today's date where the bureau is (src/common/time/beijing.ts); kept under this name for its many callers. */
export const shanghaiToday = beijingToday;

/**
 * SQL: record `r` is in publication on date `d` — inside its window and not ended by a correction, repair
 * or publication end decided on or before `d`, nor by a reclassification in force on `d` that withdrew it or
 * whose shorter period has run out. The one definition that the public API, evaluation, review and measures
 * share, so they can never disagree about what is "in publication".
 */
export function inPublicationSql(r: string, d: string): string {
  return `(${r}.publicity_from IS NOT NULL AND ${r}.publicity_from <= ${d}
    AND (${r}.publicity_until IS NULL OR ${r}.publicity_until >= ${d})
    AND NOT EXISTS (SELECT 1 FROM credit_records ended_by WHERE ended_by.refers_to = ${r}.id AND ended_by.decision_date <= ${d}
                    AND (ended_by.kind IN ('correction','repair','publication_end')
                         OR (ended_by.kind = 'reclassification'
                             AND COALESCE((ended_by.payload->>'publicityUntil')::date < ${d}, true)))))`;
}

const PRECEDENCE: [CreditRecordKind, CreditRecordStatus][] = [
  ['correction', 'corrected'],
  ['repair', 'repaired'],
  ['publication_end', 'withdrawn'],
];

/** The same rule as `inPublicationSql`, for one record whose referrers are at hand. */
export function deriveStatus(
  r: { publicityFrom: string | null; publicityUntil: string | null },
  referrers: { kind: CreditRecordKind; decisionDate: string; publicityUntil?: string | null }[],
  asOf: string,
): CreditRecordStatus {
  const effective = referrers.filter((x) => x.decisionDate <= asOf);
  for (const [kind, status] of PRECEDENCE) if (effective.some((x) => x.kind === kind)) return status;
  const reclassified = effective.filter((x) => x.kind === 'reclassification').pop();
  if (reclassified && r.publicityFrom) {
    if (!reclassified.publicityUntil) return 'withdrawn';
    if (reclassified.publicityUntil < asOf) return 'expired';
  }
  if (!r.publicityFrom) return 'recorded';
  if (r.publicityFrom > asOf) return 'pending';
  if (r.publicityUntil && r.publicityUntil < asOf) return 'expired';
  return 'published';
}
