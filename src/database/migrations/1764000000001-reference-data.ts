import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_POLICY } from '../../policies/policy.types';
import { CATALOGUE_2026 } from './data/catalogue-2026';

const OFFICES: [code: string, name: string][] = [
  ['XWPX', '校外培训监管科'],
  ['JCJY', '基础教育科'],
  ['MBJY', '民办教育管理科'],
  ['ZCFG', '政策法规科'],
  ['XQJY', '学前教育科'],
];

/** The reference data every installation starts from: offices, catalogue version 1, policy version 1. */
export class ReferenceData1764000000001 implements MigrationInterface {
  name = 'ReferenceData1764000000001';

  async up(q: QueryRunner): Promise<void> {
    for (const [code, name] of OFFICES) {
      await q.query(`INSERT INTO offices (code, name) VALUES ($1, $2)`, [code, name]);
    }
    await q.query(
      `INSERT INTO catalogue_versions (version, title, effective_from, active) VALUES (1, $1, '2026-01-01', true)`,
      ['教育领域失信行为清单（2026版）'],
    );
    for (const i of CATALOGUE_2026) {
      await q.query(
        `INSERT INTO catalogue_items (version, code, title, description, legal_basis, severity,
                                      rectification_days, score_deduction, publish, joint_sanction)
         VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [i.code, i.title, i.description, i.legalBasis, i.severity, i.rectificationDays, i.scoreDeduction, i.publish, i.jointSanction],
      );
    }
    await q.query(`INSERT INTO policies (version, document, active, note) VALUES (1, $1::jsonb, true, $2)`, [
      JSON.stringify(DEFAULT_POLICY),
      '初始版本：期限与公示期取自实施方案及《信用修复管理办法》的默认值',
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM policies WHERE version = 1`);
    await q.query(`DELETE FROM catalogue_items WHERE version = 1`);
    await q.query(`DELETE FROM catalogue_versions WHERE version = 1`);
    await q.query(`DELETE FROM offices WHERE code = ANY($1)`, [OFFICES.map(([code]) => code)]);
  }
}
