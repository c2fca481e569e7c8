import { MigrationInterface, QueryRunner } from 'typeorm';
import officialCalendar from 'chinese-days/dist/chinese-days.json';

/**
 * A year counts for working days only once its schedule is published (calendar_years), not as soon as any override
 * falls in it. Years that earlier counted through their overrides alone keep counting, so no running deadline changes.
 */
export class CalendarYears1764400000001 implements MigrationInterface {
  name = 'CalendarYears1764400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
        basis text NOT NULL,
        published_by uuid REFERENCES users(id),
        published_at timestamptz NOT NULL DEFAULT now()
      )`);
    const official = [...new Set(Object.keys(officialCalendar.holidays).map((d) => Number(d.slice(0, 4))))];
    await q.query(
      `INSERT INTO calendar_years (year, basis)
       SELECT DISTINCT extract(year FROM date)::int, '升级前已录入的人工调整' FROM calendar_overrides
        WHERE extract(year FROM date)::int BETWEEN 2000 AND 2099 AND NOT (extract(year FROM date)::int = ANY($1::int[]))`,
      [official],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_years`);
  }
}
