import { Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import officialCalendar from 'chinese-days/dist/chinese-days.json';
import { EntityManager, Repository } from 'typeorm';
import { conflict, DomainException, notFound, unprocessable } from '../common/errors/domain.exception';
import { CacheBus } from '../redis/cache-bus';
import { CalendarOverrideEntity } from './calendar-override.entity';
import { CalendarYearEntity } from './calendar-year.entity';
import { fromDayNumber, toDayNumber, weekday } from './iso-date';
import { statutoryHolidays } from './statutory-holidays';
import { checkSchedule, type YearSchedule } from './year-schedule';
import { CalendarErrorCode } from './calendar.errors';

export type { YearSchedule } from './year-schedule';

/*
 * The State Council calendar comes from chinese-days' own data file, read directly: its isWorkday()
 * parses 'YYYY-MM-DD' as UTC but reads the weekday in local time, so on a server west of Greenwich
 * every answer is a day off (tested: 2,116 wrong days in 2004–2026 under America/New_York).
 */
const OFFICIAL_WORKDAYS: Record<string, string> = officialCalendar.workdays;
const OFFICIAL_HOLIDAYS: Record<string, string> = officialCalendar.holidays;
// The library lists a year only once the State Council has announced it; later years are unknown, not "no holidays".
const OFFICIAL_YEARS = new Set(Object.keys(OFFICIAL_HOLIDAYS).map((d) => Number(d.slice(0, 4))));

/** Overrides change rarely; a short TTL bounds staleness in the other process (API vs worker). */
const CACHE_TTL_MS = 30_000;
const BUS_TOPIC = 'calendar';

interface Snapshot {
  overrides: Map<string, boolean>;
  /** Years with official data, plus years whose schedule an administrator has published. */
  knownYears: Set<number>;
  /** Statutory days off of the provisional years computed so far, by year (filled lazily). */
  provisional: Map<number, Set<string>>;
}

export interface OverrideInput {
  workingDay: boolean;
  reason: string;
}

export interface KnownYear {
  year: number;
  source: 'official' | 'published';
  basis: string | null;
  publishedAt: Date | null;
}

@Injectable()
export class CalendarService {
  private cached?: { loadedAt: number; snapshot: Promise<Snapshot> };
  private readonly publishedListeners: ((year: number) => Promise<unknown>)[] = [];

  constructor(
    @InjectRepository(CalendarOverrideEntity) private readonly overrides: Repository<CalendarOverrideEntity>,
    @InjectRepository(CalendarYearEntity) private readonly years: Repository<CalendarYearEntity>,
    // absent where a test or bench builds the service by hand: one process, nothing to tell
    @Optional() private readonly bus?: CacheBus,
  ) {
    // the workers compute deadlines from these overrides: a change approved in an API process applies at their next step
    bus?.on(BUS_TOPIC, () => { this.cached = undefined; });
  }

  async isWorkingDay(date: string): Promise<boolean> {
    const day = toDayNumber(date);
    return this.working(day, await this.snapshot());
  }

  /** The `days`-th working day strictly after `from` (before it, if negative); 0 returns `from` unchanged. */
  async addWorkingDays(from: string, days: number): Promise<string> {
    let day = toDayNumber(from);
    if (!Number.isSafeInteger(days)) throw new DomainException(CalendarErrorCode.DAYS_INVALID, '工作日天数必须是整数', 400);
    const snapshot = await this.snapshot();
    const step = Math.sign(days);
    // Bounded: stepping past the last known year throws CALENDAR_YEAR_UNKNOWN.
    for (let left = Math.abs(days); left > 0; ) {
      day += step;
      if (this.working(day, snapshot)) left--;
    }
    return fromDayNumber(day);
  }

  /** Working days in (from, to]; negative when `to` is before `from`. Inverse of addWorkingDays. */
  async workingDaysBetween(from: string, to: string): Promise<number> {
    const [a, b] = [toDayNumber(from), toDayNumber(to)];
    if (b < a) return -(await this.workingDaysBetween(to, from));
    const snapshot = await this.snapshot();
    let count = 0;
    for (let day = a + 1; day <= b; day++) if (this.working(day, snapshot)) count++;
    return count;
  }

  /**
   * workingDaysBetween(from, d) for each date d, in one walk over the span they cover (issue #20): a worklist page
   * walked from today to each task's due date, twenty walks a page, a tenth of the API's time under load. A date in
   * a year no schedule covers has no count (null), as workingDaysBetween would throw for it alone.
   */
  async workingDaysFrom(from: string, dates: string[]): Promise<Map<string, number | null>> {
    const snapshot = await this.snapshot();
    const [start, days] = [toDayNumber(from), dates.map(toDayNumber)];
    const [first, last, wanted] = [Math.min(start, ...days), Math.max(start, ...days), new Set([start, ...days])];
    const upTo = new Map<number, number>(); // working days in (first, day] for each wanted day
    try {
      for (let day = first, count = 0; day <= last; day++) {
        if (day > first && this.working(day, snapshot)) count++;
        if (wanted.has(day)) upTo.set(day, count);
      }
    } catch {
      // a year without a schedule: the dates short of it are counted, the others have none
    }
    const base = upTo.get(start);
    return new Map(dates.map((d, i) => [d, base === undefined || !upTo.has(days[i]) ? null : upTo.get(days[i])! - base]));
  }

  /**
   * Whether a date computed over (from, to] rests on a provisional year: one the administrator has not published,
   * right after a known one (issue #21). Such a deadline is shown as 暂定 and recomputed when the year is published.
   */
  async isProvisional(from: string, to: string): Promise<boolean> {
    const { knownYears } = await this.snapshot();
    const [a, b] = [from, to].map((d) => Number(d.slice(0, 4))).sort((x, y) => x - y);
    for (let y = a; y <= b; y++) if (!knownYears.has(y)) return true;
    return false;
  }

  /**
   * Working days in (d, to] for each date d, in one walk (workingDaysFrom): a report's thousand rows share it instead
   * of walking their own months each (that kept the event loop busy for seconds under load: issue #14).
   */
  async workingDaysUntil(dates: string[], to: string): Promise<Map<string, number>> {
    const back = await this.workingDaysFrom(to, dates);
    const counts = new Map<string, number>();
    // a date in a year without a schedule: workingDaysBetween throws CALENDAR_YEAR_UNKNOWN for it, as it always did
    for (const d of dates) counts.set(d, back.get(d) === null ? await this.workingDaysBetween(d, to) : 0 - back.get(d)!); // 0 - n: never -0
    return counts;
  }

  /** Calendar days need no holiday data, so any year is fine. */
  addCalendarDays(from: string, days: number): string {
    if (!Number.isSafeInteger(days)) throw new DomainException(CalendarErrorCode.DAYS_INVALID, '天数必须是整数', 400);
    return fromDayNumber(toDayNumber(from) + days);
  }

  /** Years for which working days can be computed. */
  async knownYears(): Promise<number[]> {
    return [...(await this.snapshot()).knownYears].sort((a, b) => a - b);
  }

  /** Every year working days can be computed for, and where its schedule comes from. */
  async yearStatus(): Promise<KnownYear[]> {
    const published = await this.years.find({ order: { year: 'ASC' } });
    const official: KnownYear[] = [...OFFICIAL_YEARS].map((year) => ({ year, source: 'official', basis: null, publishedAt: null }));
    const entered: KnownYear[] = published.filter((p) => !OFFICIAL_YEARS.has(p.year))
      .map((p) => ({ year: p.year, source: 'published', basis: p.basis, publishedAt: p.publishedAt }));
    return [...official, ...entered].sort((a, b) => a.year - b.year);
  }

  /**
   * From October the next year's schedule is due (the State Council publishes it in the autumn): deadlines that run
   * past a year the calendar lacks cannot be computed, so say so while there is time to enter it.
   */
  async missingYearWarning(today: string): Promise<string | null> {
    const year = Number(today.slice(0, 4));
    const known = (await this.snapshot()).knownYears;
    if (!known.has(year)) return `系统日历未收录本年度（${year} 年）节假日安排，期限无法计算，请立即录入`;
    if (Number(today.slice(5, 7)) >= 10 && !known.has(year + 1)) {
      return `系统日历尚未收录 ${year + 1} 年节假日安排：跨年的期限暂按法定节假日计算，请在国务院通知发布后尽快录入`;
    }
    return null;
  }

  /** Refuses a schedule that could never be published (an official year, a day outside the year…): checked when proposed. */
  assertPublishable(year: number, schedule: YearSchedule): void {
    if (OFFICIAL_YEARS.has(year)) {
      throw conflict(CalendarErrorCode.CALENDAR_YEAR_OFFICIAL, `${year} 年的节假日安排已随系统日历提供，如需更正请逐日调整`, { year });
    }
    checkSchedule(year, schedule);
  }

  /**
   * Enters a year's schedule and makes the year known, in one transaction: a half-entered year must never count,
   * or deadlines would be computed without its holidays. Publishing again adds or corrects days. Over HTTP only as an
   * approved proposal (calendar-proposals.ts); `m` is then the decision's transaction.
   */
  async publishYear(year: number, schedule: YearSchedule, actorId: string | null, m?: EntityManager): Promise<void> {
    this.assertPublishable(year, schedule);
    const write = async (em: EntityManager) => {
      const rows = [
        ...schedule.holidays.map((d) => ({ date: d.date, workingDay: false, reason: `${d.name}（${schedule.basis}）` })),
        ...schedule.workdays.map((d) => ({ date: d.date, workingDay: true, reason: `${d.name}调休上班（${schedule.basis}）` })),
      ];
      for (const r of rows) await this.upsertOverride(em, r.date, { workingDay: r.workingDay, reason: r.reason }, actorId);
      await em.query(
        `INSERT INTO calendar_years (year, basis, published_by) VALUES ($1, $2, $3)
         ON CONFLICT (year) DO UPDATE SET basis = EXCLUDED.basis, published_by = EXCLUDED.published_by, published_at = now()`,
        [year, schedule.basis, actorId],
      );
    };
    await (m ? write(m) : this.overrides.manager.transaction(write));
    this.invalidate();
  }

  listOverrides(year?: number): Promise<CalendarOverrideEntity[]> {
    const qb = this.overrides.createQueryBuilder('o').orderBy('o.date');
    if (year !== undefined) qb.where('extract(year FROM o.date) = :year', { year });
    return qb.getMany();
  }

  /** Over HTTP only as an approved proposal (calendar-proposals.ts); `m` is then the decision's transaction. */
  async setOverride(date: string, input: OverrideInput, actorId: string | null, m: EntityManager = this.overrides.manager): Promise<CalendarOverrideEntity> {
    toDayNumber(date);
    await this.upsertOverride(m, date, input, actorId);
    this.invalidate();
    return m.getRepository(CalendarOverrideEntity).findOneByOrFail({ date });
  }

  private upsertOverride(m: EntityManager, date: string, input: OverrideInput, actorId: string | null): Promise<unknown> {
    return m.query(
      `INSERT INTO calendar_overrides (date, working_day, reason, created_by) VALUES ($1, $2, $3, $4) ON CONFLICT (date) DO UPDATE
         SET working_day = EXCLUDED.working_day, reason = EXCLUDED.reason, created_by = EXCLUDED.created_by, created_at = now()`,
      [date, input.workingDay, input.reason, actorId]);
  }

  async removeOverride(date: string, m: EntityManager = this.overrides.manager): Promise<void> {
    toDayNumber(date);
    const result = await m.getRepository(CalendarOverrideEntity).delete({ date });
    this.invalidate();
    if (!result.affected) throw notFound(CalendarErrorCode.CALENDAR_OVERRIDE_NOT_FOUND, `${date} 没有人工调整的日历记录`);
  }

  /** Called once a published year has committed (after the approval's transaction), with the year. */
  onYearPublished(listener: (year: number) => Promise<unknown>): void {
    this.publishedListeners.push(listener);
  }

  /** The year's schedule committed: drop the cache and let the listeners recompute what was provisional. */
  async yearPublished(year: number): Promise<void> {
    this.invalidate();
    await Promise.all(this.publishedListeners.map((l) => l(year)));
  }

  /** Drops the cached overrides, here and in every other process; the next computation reads them again. */
  invalidate(): void {
    this.cached = undefined;
    void this.bus?.publish(BUS_TOPIC);
  }

  /*
   * The year after the last known one is computed from the statutory days off alone (《全国年节及纪念日放假办法》
   * art. 2, as amended by 国务院令第 795 号 with effect from 2025-01-01: 元旦, 春节 4 days, 清明, 劳动节 2 days, 端午, 中秋,
   * 国庆 3 days) and weekends, without the 调休 no rule predicts. A year further out still blocks: the calendar is then
   * years behind, which no provisional guess should hide.
   */
  private provisionallyWorking(day: number, year: number, provisional: Map<number, Set<string>>): boolean {
    let off = provisional.get(year);
    if (!off) provisional.set(year, (off = new Set(statutoryHolidays(year).map((d) => d.date))));
    if (off.has(fromDayNumber(day))) return false;
    const wd = weekday(day);
    return wd >= 1 && wd <= 5;
  }

  private working(day: number, { overrides, knownYears, provisional }: Snapshot): boolean {
    const iso = fromDayNumber(day);
    const override = overrides.get(iso);
    if (override !== undefined) return override;
    const year = Number(iso.slice(0, 4));
    if (!knownYears.has(year) && knownYears.has(year - 1)) return this.provisionallyWorking(day, year, provisional);
    if (!knownYears.has(year)) {
      throw unprocessable(CalendarErrorCode.CALENDAR_YEAR_UNKNOWN, `系统日历未收录 ${year} 年的节假日安排，请管理员先维护该年度日历`, { year });
    }
    if (OFFICIAL_WORKDAYS[iso]) return true; // 调休: a weekend worked
    if (OFFICIAL_HOLIDAYS[iso]) return false;
    const wd = weekday(day);
    return wd >= 1 && wd <= 5;
  }

  /** One query per TTL, not one per day stepped; concurrent callers share the same load. */
  private snapshot(): Promise<Snapshot> {
    const now = Date.now();
    if (this.cached && now - this.cached.loadedAt < CACHE_TTL_MS) return this.cached.snapshot;
    const snapshot = this.load();
    this.cached = { loadedAt: now, snapshot };
    snapshot.catch(() => this.cached?.snapshot === snapshot && this.invalidate());
    return snapshot;
  }

  private async load(): Promise<Snapshot> {
    const [rows, published] = await Promise.all([
      this.overrides.find({ select: { date: true, workingDay: true } }),
      this.years.find({ select: { year: true } }),
    ]);
    const overrides = new Map(rows.map((r) => [r.date, r.workingDay]));
    const knownYears = new Set([...OFFICIAL_YEARS, ...published.map((p) => p.year)]);
    return { overrides, knownYears, provisional: new Map() };
  }
}
