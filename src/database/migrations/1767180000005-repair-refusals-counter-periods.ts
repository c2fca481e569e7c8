import { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_KIND = 'record-repair-not-accepted';

/** The kinds the live CHECK of `documents.kind` allows, read from the catalogue: branches merged in any order keep each other's kinds. */
async function documentKinds(q: QueryRunner): Promise<string[]> {
  const [row] = await q.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'documents_kind_check'`);
  return [...String(row.def).matchAll(/'([^']+)'::text/g)].map((m) => m[1]);
}

async function setDocumentKinds(q: QueryRunner, kinds: string[]): Promise<void> {
  await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_kind_check`);
  await q.query(`ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(',')}))`);
}

/**
 * Issue #19 review findings:
 * - a repair application refused for acceptance (不予受理) is a served decision: the `record-repair-not-accepted` kind;
 * - an objection entered at the counter has its period and its review deadlines: the day the applicant was served, the
 *   last day to object, whether it came late and by which rule, and the working-day deadlines to accept and answer it
 *   (as a portal objection's `credit_objections.accept_due`/`answer_due`). Rows entered before stay as they were.
 */
export class RepairRefusalsCounterPeriods1767180000005 implements MigrationInterface {
  name = 'RepairRefusalsCounterPeriods1767180000005';

  async up(q: QueryRunner): Promise<void> {
    const kinds = await documentKinds(q);
    if (!kinds.includes(NEW_KIND)) await setDocumentKinds(q, [...kinds, NEW_KIND]);
    await q.query(`
      ALTER TABLE counter_intakes
        ADD COLUMN served_on date,
        ADD COLUMN objection_due date,
        ADD COLUMN late boolean NOT NULL DEFAULT false,
        ADD COLUMN late_basis text,
        ADD COLUMN accept_due date,
        ADD COLUMN answer_due date,
        ADD CONSTRAINT counter_intakes_late_has_basis CHECK (NOT late OR late_basis IS NOT NULL)`);
    await q.query(`CREATE INDEX counter_intakes_open ON counter_intakes (answer_due) WHERE status = 'received' AND kind = 'objection'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX counter_intakes_open`);
    await q.query(`
      ALTER TABLE counter_intakes DROP CONSTRAINT counter_intakes_late_has_basis, DROP COLUMN served_on, DROP COLUMN objection_due,
        DROP COLUMN late, DROP COLUMN late_basis, DROP COLUMN accept_due, DROP COLUMN answer_due`);
    await setDocumentKinds(q, (await documentKinds(q)).filter((k) => k !== NEW_KIND));
  }
}
