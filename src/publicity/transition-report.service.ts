import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TRANSITION_SOURCE } from './publication-transition';

const CHANGES_SQL = `
  SELECT x.id, x.refers_to AS "recordId", x.uscc, i.name AS "institutionName", r.kind, r.title, r.decision_date::text AS "decisionDate",
         x.payload->>'action' AS action, x.payload->>'fromClass' AS "fromClass", x.payload->>'toClass' AS "toClass",
         x.payload->>'previousPublicityUntil' AS "previousPublicityUntil", x.payload->>'publicityUntil' AS "publicityUntil",
         COALESCE(x.payload->'reasons', '[]'::jsonb) AS reasons, x.decision_date::text AS "changedOn",
         (SELECT CASE WHEN s.status = 'pending' AND s.attempts > 0 THEN 'retrying' ELSE s.status END
            FROM platform_submissions s WHERE s.record_ref = x.id::text LIMIT 1) AS "platformState"
    FROM credit_records x
    JOIN credit_records r ON r.id = x.refers_to
    JOIN institutions i ON i.id = x.institution_id
   WHERE x.kind = 'reclassification' AND x.source_ref LIKE 'reclassification:36:%'
   ORDER BY x.created_at DESC, x.id LIMIT 1000`;

const COUNTS_SQL = `
  SELECT count(*) FILTER (WHERE payload->>'action' = 'withdrawn')::int AS withdrawn,
         count(*) FILTER (WHERE payload->>'action' = 'cut')::int AS cut,
         count(*) FILTER (WHERE payload->>'action' = 'reclassified')::int AS reclassified
    FROM credit_records WHERE kind = 'reclassification' AND source_ref LIKE 'reclassification:36:%'`;

// a record stays withheld until a newer version of its text is approved
const WITHHELD_SQL = `
  SELECT r.id AS "recordId", r.uscc, i.name AS "institutionName", r.kind, r.title, r.decision_date::text AS "decisionDate",
         t.id AS "publicTextId", t.findings
    FROM public_texts t
    JOIN credit_records r ON r.source_ref = t.record_ref
    JOIN institutions i ON i.id = r.institution_id
   WHERE t.status = 'withheld'
     AND NOT EXISTS (SELECT 1 FROM public_texts n WHERE n.record_ref = t.record_ref AND n.version > t.version AND n.status = 'approved')
   ORDER BY r.decision_date, r.id LIMIT 1000`;

/** For officers: what the 36号令 transition changed, and the records it withheld until their texts are redrafted. */
@Injectable()
export class TransitionReportService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async report() {
    const [changes, [counts], withheld] = await Promise.all([
      this.ds.query(CHANGES_SQL), this.ds.query(COUNTS_SQL), this.ds.query(WITHHELD_SQL),
    ]);
    return { basis: TRANSITION_SOURCE, ...counts, changes, withheld: withheld.map((w: { findings: unknown }) => ({ ...w, findings: w.findings ?? [] })) };
  }
}
