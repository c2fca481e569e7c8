import { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES = ['officer', 'approver', 'manager', 'institution', 'auditor', 'admin'];
const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(',');

/**
 * Issue #17, new actors: the legal reviewer (法制审核, 行政处罚法 2021 art. 58) and the bureau's head (局负责人, art. 57)
 * become roles; enforcement officers carry their enforcement certificate number (执法证号), which the steps of a
 * penalty procedure record for the two officers who acted (art. 42).
 */
export class PenaltyActors1766200000001 implements MigrationInterface {
  name = 'PenaltyActors1766200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (${list([...ROLES, 'legal', 'head'])}))`);
    await q.query(`ALTER TABLE users ADD COLUMN enforcement_cert_no text CHECK (enforcement_cert_no ~ '^[0-9A-Za-z-]{4,40}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN enforcement_cert_no`);
    await q.query(`DELETE FROM users WHERE role IN ('legal','head')`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (${list(ROLES)}))`);
  }
}
