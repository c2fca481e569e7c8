import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Granularity, StatisticsQueryDto } from './dto/statistics.dto';
import { jsonAnswer, JsonAnswer } from '../common/http/json-answer';
import { Coalescer } from '../reports/coalescer';
import { REPORT_QUERIES } from '../reports/report-gate';
import { INDICATORS } from './indicators';
import { Period, periodsBetween } from './periods';
import { periodInvalid as invalid } from './statistics.errors';

interface Figures {
  granularity: Granularity;
  indicators: Omit<(typeof INDICATORS)[number], 'sql'>[];
  periods: (Period & { values: Record<string, number | null> })[];
}

/** The figures of the statistics page, per period, all read in one repeatable-read snapshot so they agree with each other. */
@Injectable()
export class StatisticsService {
  /** The same figures asked at once are read once (src/reports/coalescer.ts); each answer was read after it was asked. */
  private readonly coalescer = new Coalescer<JsonAnswer>(REPORT_QUERIES);

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  figures(q: StatisticsQueryDto, askedAt?: number): Promise<JsonAnswer> {
    if (q.from > q.to) throw invalid('to', '截止日期不能早于起始日期');
    const periods = periodsBetween(q.granularity, q.from, q.to);
    if (periods.length > 120) throw invalid('from', '一次最多统计 120 个期间，请缩短时间范围或改按季度、年度统计');
    return this.coalescer.run(JSON.stringify([q.granularity, q.from, q.to]), async () => jsonAnswer(await this.compute(q.granularity, periods)), askedAt);
  }

  private async compute(granularity: Granularity, periods: Period[]): Promise<Figures> {
    const values = periods.map(() => ({}) as Record<string, number | null>);
    const buckets = `WITH b AS (SELECT * FROM unnest($1::int[], $2::date[], $3::date[]) AS b(i, d_from, d_to))`;
    const args = [periods.map((_, i) => i), periods.map((p) => p.from), periods.map((p) => p.to)];
    await this.ds.transaction('REPEATABLE READ', async (m) => {
      for (const ind of INDICATORS) {
        const rows: { i: number; value: number | null }[] = await m.query(`${buckets} ${ind.sql}`, args);
        // a count with no rows is 0; an average or share with no denominator stays null (the page shows —)
        for (const r of rows) values[r.i][ind.key] = r.value === null ? (ind.unit === 'count' ? 0 : null) : Number(r.value);
      }
    });
    return {
      granularity,
      indicators: INDICATORS.map(({ sql: _, ...d }) => d),
      periods: periods.map((p, i) => ({ ...p, values: values[i] })),
    };
  }
}
