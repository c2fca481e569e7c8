import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ban of the penalty procedure takes effect when its 行政处罚决定书 is served (行政处罚法 art. 61; brief §7), not on
 * the head's decision: the head's decision writes the `industry_bans` row with its term in years and no dates; the
 * service sets `from_date` (the service day) and `until_date` (the term from it). Until then the row is in force on no
 * day (`from_date <= d` is not true of NULL), so the credit review, grading and measures read it as they read the
 * dates. A 行政复议 / 行政诉讼 decision that changes the term sets `period_years` and, once served, `until_date`.
 *
 * Rows decided before this migration and not yet served lose their dates: they take effect from their service like
 * the new ones. Served rows keep the dates their decision stated.
 */
export class BanFromService1767180000009 implements MigrationInterface {
  name = 'BanFromService1767180000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE industry_bans
        ALTER COLUMN from_date DROP NOT NULL,
        ALTER COLUMN until_date DROP NOT NULL,
        ADD COLUMN period_years integer CHECK (period_years BETWEEN 1 AND 10)`);
    await q.query(`
      UPDATE industry_bans b SET period_years = p.period_years,
             from_date = CASE WHEN b.decision_served_on IS NULL THEN NULL ELSE b.from_date END,
             until_date = CASE WHEN b.decision_served_on IS NULL THEN NULL ELSE b.until_date END
        FROM ban_proposals p WHERE p.id = b.proposal_id AND b.source = 'procedure'`);
    await q.query(`
      ALTER TABLE industry_bans
        ADD CONSTRAINT industry_bans_dates_together CHECK ((from_date IS NULL) = (until_date IS NULL)),
        -- only a procedure ban waits for its service without dates; its dates come with the service
        ADD CONSTRAINT industry_bans_from_service CHECK (source = 'procedure' OR from_date IS NOT NULL),
        ADD CONSTRAINT industry_bans_procedure_term CHECK (source <> 'procedure'
          OR (period_years IS NOT NULL AND (from_date IS NULL) = (decision_served_on IS NULL)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE industry_bans DROP CONSTRAINT industry_bans_procedure_term, DROP CONSTRAINT industry_bans_from_service,
      DROP CONSTRAINT industry_bans_dates_together`);
    // the old rule: in force from the decision's date
    await q.query(`
      UPDATE industry_bans b SET from_date = p.decision_date,
             until_date = (p.decision_date + make_interval(years => b.period_years) - interval '1 day')::date
        FROM ban_proposals p WHERE p.id = b.proposal_id AND b.from_date IS NULL`);
    await q.query(`ALTER TABLE industry_bans DROP COLUMN period_years, ALTER COLUMN from_date SET NOT NULL, ALTER COLUMN until_date SET NOT NULL`);
  }
}
