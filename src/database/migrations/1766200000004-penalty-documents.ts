import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = ['notice-of-determination', 'objection-result', 'determination-decision', 'repair-notice', 'rectification-order',
  'interview-notice', 'interview-record', 'sanction-letter', 'sanction-lifting-letter', 'repair-decision', 'service-receipt'];
const PENALTY_KINDS = ['penalty-notice', 'hearing-notice', 'hearing-record', 'penalty-decision'];
const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(',');

/**
 * Issue #17: the penalty procedure's documents (行政处罚事先告知书, 听证通知书, 听证笔录, 行政处罚决定书) become kinds of
 * the documents engine (docs/documents.md: "a kind in document-kinds.ts, a template, a migration extending the CHECK").
 */
export class PenaltyDocuments1766200000004 implements MigrationInterface {
  name = 'PenaltyDocuments1766200000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_kind_check`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN (${list([...KINDS, ...PENALTY_KINDS])}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_kind_check`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN (${list(KINDS)}))`);
  }
}
