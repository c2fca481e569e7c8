import { beijingToday } from '../common/time/beijing';
import { effectLiveSql } from '../effects/effects.store';
import type { CreditRecordKind, CreditRecordStatus } from './credit-record.types';

/** Today's date where the bureau is (src/common/time/beijing.ts); kept under this name for its many callers. */
export const shanghaiToday = beijingToday;

/**
 * SQL: record `r` is in publication on date `d`. Where the record has effects (docs/effects.md), while one of its
 * publication, joint-sanction measure or ban effects is in force: a joint sanction lasts as long as its measures, not
 * until its decision date or a ban's end. Otherwise (records without effects) inside its window. Either way not ended
 * by a withdrawal, repair or publication end decided on or before `d`, nor by a reclassification in force on `d`
 * that withdrew it or whose shorter period has run out. A correction that amends fields keeps the record's effect
 * (issue #16): only a withdrawing one (`payload.action` 'withdraw', or a case's withdrawal) ends it. The one
 * definition that the public API, evaluation, review and measures share, so they can never disagree.
 */
export function inPublicationSql(r: string, d: string, opts: { effects?: boolean } = {}): string {
  const fx = (kinds: string) => `SELECT 1 FROM credit_effects fx WHERE fx.record_id = ${r}.id AND fx.kind IN (${kinds})`;
  const measures = fx(`'publication','joint-sanction-measure'`);
  const bans = fx(`'ban'`); // a ban registered on its own: its record is published while the ban runs
  const window = `(${r}.publicity_from IS NOT NULL AND ${r}.publicity_from <= ${d} AND (${r}.publicity_until IS NULL OR ${r}.publicity_until >= ${d}))`;
  const byEffects = `(CASE WHEN EXISTS (${measures}) THEN EXISTS (${measures} AND ${effectLiveSql('fx', d)})
          WHEN ${r}.kind = 'joint_sanction' AND EXISTS (${bans}) THEN EXISTS (${bans} AND ${effectLiveSql('fx', d)}) ELSE ${window} END)`;
  // the 36号令 transition (migration 1765400000000) runs before credit_effects exists: it reads the windows alone
  return `(${opts.effects === false ? window : byEffects}
    AND NOT EXISTS (SELECT 1 FROM credit_records ended_by WHERE ended_by.refers_to = ${r}.id AND ended_by.decision_date <= ${d}
                    AND (ended_by.kind IN ('repair','publication_end')
                         OR (ended_by.kind = 'correction' AND COALESCE(ended_by.payload->>'action', 'withdraw') = 'withdraw')
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
