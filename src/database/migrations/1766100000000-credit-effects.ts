import { MigrationInterface, QueryRunner } from 'typeorm';
import { EFFECT_KINDS, EFFECT_TYPES, ENDED_BY } from '../../effects/effect-rules';
import type { Queryable } from '../../credit-file/chain-audit';
import { openEffectsOf } from '../../effects/effects.store';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(',');

/**
 * Effects as first-class objects (issue #16, docs/effects.md): each effect of a decision with its type, legal basis,
 * start, end and the event that ended it. Backfilled from the credit file: determinations and 双公示 penalties open
 * publication, sharing, the grade deduction (and award exclusion when serious); joint sanctions one measure each,
 * capped at the determination's publication end or 36 months, and each ban person as a penalty. Records already
 * repaired, withdrawn or out of publication have theirs ended by that event and date.
 *
 * Not derivable from the data: measure terms and which department applies which measure (all departments of the
 * sanction are recorded on each measure), fines (no structured fine record) and list entries (no list yet).
 */
export class CreditEffects1766100000000 implements MigrationInterface {
  name = 'CreditEffects1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit_effects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        record_id uuid NOT NULL REFERENCES credit_records(id),
        institution_id uuid NOT NULL REFERENCES institutions(id),
        uscc varchar(18) NOT NULL,
        case_no text,
        office_code text,
        type text NOT NULL CHECK (type IN (${list(EFFECT_TYPES)})),
        kind text NOT NULL CHECK (kind IN (${list(EFFECT_KINDS)})),
        measure_id text,
        measure text,
        departments jsonb NOT NULL DEFAULT '[]'::jsonb,
        basis text NOT NULL,
        starts_on date NOT NULL,
        ends_on date,
        ended_on date,
        ended_by text CHECK (ended_by IN (${list(ENDED_BY)})),
        end_reason text,
        end_ref text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','ended')),
        effect_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (record_id, effect_key),
        CHECK ((status = 'ended') = (ended_on IS NOT NULL AND ended_by IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX credit_effects_case ON credit_effects (case_no) WHERE case_no IS NOT NULL`);
    await q.query(`CREATE INDEX credit_effects_institution ON credit_effects (institution_id, status)`);
    await backfillCreditEffects(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credit_effects`);
  }
}

/** Opens the effects of every determination, penalty and sanction record, and ends those a later record ended. */
export async function backfillCreditEffects(q: Queryable): Promise<void> {
  const records = await q.query(
    `SELECT r.id, r.kind, r.decision_date::text AS "decisionDate", r.severity, r.publicity_from::text AS "publicityFrom",
            r.publicity_until::text AS "publicityUntil", r.payload, r.institution_id AS "institutionId", r.uscc,
            r.case_no AS "caseNo", r.office_code AS "officeCode"
       FROM credit_records r
      -- the effects register is institutions': a natural person's record (a later migration) has none (docs/subjects.md)
      WHERE r.kind IN ('determination','penalty','joint_sanction') AND r.institution_id IS NOT NULL ORDER BY r.institution_id, r.seq`);
  for (const r of records) await openEffectsOf(q, r);
  // what already ended them: the earliest ending record referring to the record (or to its case's determination)
  await q.query(`
    WITH ending AS (
      SELECT DISTINCT ON (target.id) target.id AS record_id, x.decision_date, x.id AS ref, target.id = d.id AS direct,
             CASE x.kind WHEN 'repair' THEN 'repair' WHEN 'publication_end' THEN 'maximum-period' ELSE 'withdrawal' END AS ended_by
        FROM credit_records x
        JOIN credit_records d ON d.id = x.refers_to
        JOIN credit_records target ON target.id = d.id OR (target.kind = 'joint_sanction' AND d.kind = 'determination' AND target.case_no = d.case_no)
       WHERE x.kind IN ('repair','publication_end')
          OR (x.kind = 'correction' AND COALESCE(x.payload->>'action', 'withdraw') = 'withdraw')
       ORDER BY target.id, x.decision_date, x.seq)
    UPDATE credit_effects e SET status = 'ended', ended_on = ending.decision_date, ended_by = ending.ended_by, end_ref = ending.ref::text,
                                end_reason = '数据迁移：按既有记录补登'
      FROM ending
     WHERE e.record_id = ending.record_id AND e.status = 'active' AND (e.ends_on IS NULL OR e.ends_on >= ending.decision_date)
       -- a penalty survives repair and the end of publication; only withdrawing its own record ends it
       AND (e.type = 'credit-measure' OR (ending.ended_by = 'withdrawal' AND ending.direct))`);
}
