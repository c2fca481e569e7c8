import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { jsonAnswer, JsonAnswer } from '../common/http/json-answer';
import { Coalescer } from '../reports/coalescer';
import { REPORT_QUERIES } from '../reports/report-gate';
import type { Granularity, StatisticsQueryDto, StatisticsReportQueryDto } from './dto/statistics.dto';
import { INDICATORS } from './indicators';
import { type Period, periodsBetween, reportColumns, reportPeriod } from './periods';
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
    const figures = async (): Promise<Figures> => ({ granularity: q.granularity, indicators: this.definitions(), periods: await this.compute(periods) });
    return this.coalescer.run(JSON.stringify([q.granularity, q.from, q.to]), async () => jsonAnswer(await figures()), askedAt);
  }

  /**
   * The periodic report to the district and city credit offices: the same indicators for one month, quarter, half or
   * year, beside the same period a year earlier and the year to date.
   */
  async report(q: StatisticsReportQueryDto) {
    const columns = reportColumns(q.period, q.year, q.number);
    const period = reportPeriod(q.period, q.year, q.number);
    if (!columns || !period) throw invalid('number', q.period === 'year' ? '年报的期次只能是 1' : `期次超出范围：${{ month: '月报为 1–12', quarter: '季报为 1–4', half: '半年报为 1–2' }[q.period]}`);
    return { title: period.label, from: period.from, to: period.to, generatedAt: new Date().toISOString(), indicators: this.definitions(), columns: await this.compute(columns) };
  }

  private definitions() {
    return INDICATORS.map(({ sql: _, ...d }) => d);
  }

  private async compute(periods: Period[]) {
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
    return periods.map((p, i) => ({ ...p, values: values[i] }));
  }
}
