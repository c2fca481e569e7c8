import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rules that take effect on a date (issue #16 item 4, docs/effects.md): each policy version has the day it takes
 * effect (Beijing date). A version published ahead is `scheduled`: it is not the active one until its day comes, and
 * then is, without anyone awake at midnight (PoliciesService.active). Versions already published took effect the
 * day they were published.
 */
export class PolicyEffectiveFrom1766100000001 implements MigrationInterface {
  name = 'PolicyEffectiveFrom1766100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE policies ADD COLUMN effective_from date NOT NULL DEFAULT ((now() AT TIME ZONE 'Asia/Shanghai')::date)`);
    await q.query(`ALTER TABLE policies ADD COLUMN scheduled boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE policies SET effective_from = (created_at AT TIME ZONE 'Asia/Shanghai')::date`);
    await q.query(`CREATE INDEX policies_effective ON policies (effective_from, version)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE policies DROP COLUMN scheduled, DROP COLUMN effective_from`);
  }
}
