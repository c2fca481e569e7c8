import { MigrationInterface, QueryRunner } from 'typeorm';
import { MEASURE_SEED } from './data/measures-2026';

/**
 * Issue #17: the measures catalogue (全国失信惩戒措施基础清单), each measure with its legal basis, the departments that
 * apply it and the catalogue items and severities it may follow. Joint-sanction and ban inputs name a measure id from
 * it; free text is refused. Rows are frozen: a change is a new row (and the old one `active = false`).
 */
export class MeasureCatalogue1766200000002 implements MigrationInterface {
  name = 'MeasureCatalogue1766200000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE measure_catalogue (
        id text PRIMARY KEY CHECK (id ~ '^M-[A-Z]{2,8}$'),
        name text NOT NULL,
        category text NOT NULL CHECK (category IN ('penalty','joint_sanction')),
        legal_basis text NOT NULL CHECK (length(legal_basis) > 0),
        departments text[] NOT NULL CHECK (cardinality(departments) > 0),
        item_codes text[] NOT NULL,
        severities text[] NOT NULL CHECK (severities <@ ARRAY['minor','general','serious']::text[]),
        active boolean NOT NULL DEFAULT true
      )`);
    for (const m of MEASURE_SEED) {
      await q.query(
        `INSERT INTO measure_catalogue (id, name, category, legal_basis, departments, item_codes, severities) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [m.id, m.name, m.category, m.legalBasis, m.departments, m.items, m.severities]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE measure_catalogue`);
  }
}
