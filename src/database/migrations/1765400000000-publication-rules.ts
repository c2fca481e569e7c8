import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_CLASSIFICATION } from '../../publicity/classification';
import { runPublicationTransition } from '../../publicity/publication-transition';

const KINDS = ['licence', 'penalty', 'determination', 'interview', 'commitment', 'honour', 'repair', 'joint_sanction',
  'correction', 'publication_end', 'inbound'];
const list = (kinds: string[]) => kinds.map((k) => `'${k}'`).join(',');

/**
 * Publication by the rules of 国家发展改革委令第36号 (issue #18):
 * - a `reclassification` kind of credit record (the transition's changes, append-only like every record);
 * - the 双公示 register keeps each decision's procedure, classification (with reasons), repair date and whether a
 *   minor one was found necessary to publish; a minor one nobody found necessary is `recorded`, never published;
 * - public texts (公示文本): versions drafted by an officer and signed off by someone else; a row changes only once,
 *   from draft to approved, and the database refuses anything else (nor may the drafter be the approver);
 * - 一公开: an inspection plan keeps its scope and is published by a person, with each result's public finding;
 * - a policy version carrying the classification thresholds;
 * - then the transition itself (src/publicity/publication-transition.ts) on whatever the database holds.
 */
export class PublicationRules1765400000000 implements MigrationInterface {
  name = 'PublicationRules1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_kind_check,
      ADD CONSTRAINT credit_records_kind_check CHECK (kind IN (${list([...KINDS, 'reclassification'])}))`);

    await q.query(`ALTER TABLE publicity_decisions
      ADD COLUMN procedure text CHECK (procedure IN ('simple','general')),
      ADD COLUMN classification jsonb,
      ADD COLUMN repairable_from date,
      ADD COLUMN publication_reason text,
      ADD COLUMN auto_publish boolean NOT NULL DEFAULT true,
      DROP CONSTRAINT publicity_decisions_status_check,
      DROP CONSTRAINT publicity_decisions_check,
      ADD CONSTRAINT publicity_decisions_status_check CHECK (status IN ('pending','published','recorded')),
      ADD CONSTRAINT publicity_decisions_filed CHECK ((status = 'pending') = (record_id IS NULL)),
      ADD CONSTRAINT publicity_decisions_published CHECK ((status = 'published') = (published_on IS NOT NULL))`);

    await q.query(`
      CREATE TABLE public_texts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        record_ref text NOT NULL,
        uscc varchar(18) NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        fields jsonb NOT NULL,
        hash char(64) NOT NULL,
        status text NOT NULL CHECK (status IN ('draft','approved','withheld')),
        origin text NOT NULL CHECK (origin IN ('officer','transition')),
        findings jsonb,
        drafted_by uuid,
        drafted_at timestamptz NOT NULL DEFAULT now(),
        approved_by uuid,
        approved_at timestamptz,
        UNIQUE (record_ref, version),
        CHECK ((status = 'approved') = (approved_at IS NOT NULL)),
        CHECK (approved_by IS NULL OR drafted_by IS NULL OR approved_by <> drafted_by)
      )`);
    await q.query(`CREATE INDEX public_texts_open ON public_texts (status, drafted_at) WHERE status IN ('draft','withheld')`);
    await q.query(`
      CREATE FUNCTION public_texts_sign_off_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.status <> 'draft' OR NEW.status <> 'approved' OR NEW.fields IS DISTINCT FROM OLD.fields
           OR NEW.hash <> OLD.hash OR NEW.record_ref <> OLD.record_ref OR NEW.version <> OLD.version
           OR NEW.drafted_by IS DISTINCT FROM OLD.drafted_by THEN
          RAISE EXCEPTION 'public_texts: a text is only ever approved; redraft it as a new version';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER public_texts_sign_off BEFORE UPDATE OR DELETE ON public_texts
                   FOR EACH ROW EXECUTE FUNCTION public_texts_sign_off_only()`);

    await q.query(`ALTER TABLE inspection_plans ADD COLUMN institution_type text, ADD COLUMN published_at timestamptz,
                   ADD COLUMN published_by uuid`);
    await q.query(`CREATE INDEX inspection_plans_published ON inspection_plans (published_at DESC) WHERE published_at IS NOT NULL`);
    await q.query(`ALTER TABLE inspection_targets ADD COLUMN public_finding text`);

    const [active] = await q.query(`SELECT version, document FROM policies WHERE active`);
    if (active && !active.document.classification) {
      const [{ next }] = await q.query(`SELECT max(version) + 1 AS next FROM policies`);
      await q.query(`UPDATE policies SET active = false WHERE version = $1`, [active.version]);
      await q.query(`INSERT INTO policies (version, document, active, note) VALUES ($1, $2::jsonb, true, $3)`, [
        next, JSON.stringify({ ...active.document, classification: DEFAULT_CLASSIFICATION }),
        `在第 ${active.version} 版基础上增加行政处罚信息分类标准（国家发展改革委令第36号）`,
      ]);
    }
    await runPublicationTransition(q);
  }

  /** The transition's records stay (the credit file is append-only); without their kind they could not, so it stays too. */
  async down(q: QueryRunner): Promise<void> {
    const [row] = await q.query(`SELECT version FROM policies WHERE active AND document ? 'classification'
                                   AND note LIKE '%国家发展改革委令第36号%'`);
    if (row) {
      await q.query(`DELETE FROM policies WHERE version = $1`, [row.version]);
      await q.query(`UPDATE policies SET active = true WHERE version = (SELECT max(version) FROM policies)`);
    }
    await q.query(`ALTER TABLE inspection_targets DROP COLUMN public_finding`);
    await q.query(`DROP INDEX inspection_plans_published`);
    await q.query(`ALTER TABLE inspection_plans DROP COLUMN institution_type, DROP COLUMN published_at, DROP COLUMN published_by`);
    await q.query(`DROP TABLE public_texts`);
    await q.query(`DROP FUNCTION public_texts_sign_off_only`);
    // the old register knows only pending and published (= filed into the credit file): a minor decision recorded
    // without publication was filed, on the day it was registered
    await q.query(`UPDATE publicity_decisions SET status = 'published', published_on = created_at::date WHERE status = 'recorded'`);
    await q.query(`ALTER TABLE publicity_decisions
      DROP CONSTRAINT publicity_decisions_published, DROP CONSTRAINT publicity_decisions_filed,
      DROP CONSTRAINT publicity_decisions_status_check,
      ADD CONSTRAINT publicity_decisions_status_check CHECK (status IN ('pending','published')),
      ADD CONSTRAINT publicity_decisions_check CHECK ((status = 'published') = (record_id IS NOT NULL AND published_on IS NOT NULL)),
      DROP COLUMN procedure, DROP COLUMN classification, DROP COLUMN repairable_from, DROP COLUMN publication_reason,
      DROP COLUMN auto_publish`);
  }
}
