import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A determined case keeps the dates of its publicity window — from when repair may be applied for, and when
 * publication ends — next to its decision date, written by the determination activity. The case page reads them
 * (and what the case waits for) from PostgreSQL instead of querying the workflow, which replays a case the worker
 * does not have cached: under load that query was the slowest part of an officer's day (bench/load.bench.ts).
 * Cases determined before this migration get the dates the workflow announced when publicity started, or else the
 * ones their pinned policy gives (PostgreSQL's month arithmetic clamps to the month's last day, as addMonths does).
 */
export class CasePublicityDates1764420000001 implements MigrationInterface {
  name = 'CasePublicityDates1764420000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN repairable_from date, ADD COLUMN publicity_until date`);
    await q.query(`
      UPDATE cases c
         SET repairable_from = (c.decision_date + make_interval(months => (p.document #>> ARRAY['publicity', c.severity, 'minMonths'])::int))::date,
             publicity_until = (c.decision_date + make_interval(months => (p.document #>> ARRAY['publicity', c.severity, 'maxMonths'])::int))::date
        FROM policies p
       WHERE p.version = c.policy_version AND c.decision_date IS NOT NULL`);
    await q.query(`
      UPDATE cases c
         SET repairable_from = (e.payload->>'repairableFrom')::date, publicity_until = (e.payload->>'publicityUntil')::date
        FROM case_events e
       WHERE e.case_no = c.case_no AND e.type = 'PUBLICITY_STARTED' AND e.payload ? 'repairableFrom' AND e.payload ? 'publicityUntil'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN repairable_from, DROP COLUMN publicity_until`);
  }
}
