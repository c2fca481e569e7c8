import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_SUPERVISION } from '../../evaluation/supervision-policy';

/**
 * Publishes the supervision rules (evaluation, graded supervision, review, early warning, measures) as a new
 * policy version that extends the active one. Earlier versions stay as they were: running cases keep them.
 */
export class SupervisionPolicy1764100000002 implements MigrationInterface {
  name = 'SupervisionPolicy1764100000002';

  async up(q: QueryRunner): Promise<void> {
    const [active] = await q.query(`SELECT version, document FROM policies WHERE active`);
    if (!active) throw new Error('no active policy to extend');
    const [{ next }] = await q.query(`SELECT max(version) + 1 AS next FROM policies`);
    // one active version at a time (policies_one_active): retire the current one first
    await q.query(`UPDATE policies SET active = false WHERE version = $1`, [active.version]);
    await q.query(`INSERT INTO policies (version, document, active, note) VALUES ($1, $2::jsonb, true, $3)`, [
      next,
      JSON.stringify({ ...active.document, ...DEFAULT_SUPERVISION }),
      `在第 ${active.version} 版基础上增加信用评价、分级分类监管、信用审查、失信预警和奖惩措施规则`,
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    const [row] = await q.query(`SELECT version FROM policies WHERE active AND document ? 'supervision'`);
    if (!row) return;
    await q.query(`DELETE FROM policies WHERE version = $1`, [row.version]);
    await q.query(`UPDATE policies SET active = true WHERE version = (SELECT max(version) FROM policies)`);
  }
}
