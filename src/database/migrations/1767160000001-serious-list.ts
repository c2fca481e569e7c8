import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = ['notice-of-determination', 'objection-result', 'determination-decision', 'repair-notice', 'rectification-order',
  'interview-notice', 'interview-record', 'sanction-letter', 'sanction-lifting-letter', 'repair-decision', 'service-receipt',
  'penalty-notice', 'hearing-notice', 'hearing-record', 'penalty-decision',
  'record-objection-result', 'record-repair-decision', 'repair-referral-letter'];
const LIST_KINDS = ['listing-notice', 'listing-decision'];
const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(',');

/**
 * Issue #17: the serious-dishonesty list (严重失信主体名单) as a decision inside the case. Its notice and decision are
 * kinds of the documents engine; the institution's statement and defence (陈述申辩) is a deadline it answers in the
 * portal, like an objection.
 */
export class SeriousList1767160000001 implements MigrationInterface {
  name = 'SeriousList1767160000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_kind_check`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN (${list([...KINDS, ...LIST_KINDS])}))`);
    await q.query(`ALTER TABLE institution_deadlines DROP CONSTRAINT institution_deadlines_kind_check`);
    await q.query(`ALTER TABLE institution_deadlines ADD CONSTRAINT institution_deadlines_kind_check CHECK (kind IN ('objection','rectification','statement'))`);
    await q.query(`ALTER TABLE case_submissions DROP CONSTRAINT case_submissions_kind_check`);
    await q.query(`ALTER TABLE case_submissions ADD CONSTRAINT case_submissions_kind_check CHECK (kind IN ('objection','rectification','repair','statement'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_submissions DROP CONSTRAINT case_submissions_kind_check`);
    await q.query(`ALTER TABLE case_submissions ADD CONSTRAINT case_submissions_kind_check CHECK (kind IN ('objection','rectification','repair'))`);
    await q.query(`ALTER TABLE institution_deadlines DROP CONSTRAINT institution_deadlines_kind_check`);
    await q.query(`ALTER TABLE institution_deadlines ADD CONSTRAINT institution_deadlines_kind_check CHECK (kind IN ('objection','rectification'))`);
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_kind_check`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN (${list(KINDS)}))`);
  }
}
