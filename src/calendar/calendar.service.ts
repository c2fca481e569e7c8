import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import officialCalendar from 'chinese-days/dist/chinese-days.json';
import { Repository } from 'typeorm';
import { DomainException, notFound, unprocessable } from '../common/errors/domain.exception';
import { CalendarOverrideEntity } from './calendar-override.entity';
import { fromDayNumber, toDayNumber, weekday } from './iso-date';

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

interface Snapshot {
  overrides: Map<string, boolean>;
  /** Years with official data, plus years an administrator has maintained by entering overrides. */
  knownYears: Set<number>;
}

export interface OverrideInput {
  workingDay: boolean;
  reason: string;
}

@Injectable()
export class CalendarService {
  private cached?: { loadedAt: number; snapshot: Promise<Snapshot> };

  constructor(@InjectRepository(CalendarOverrideEntity) private readonly overrides: Repository<CalendarOverrideEntity>) {}

  async isWorkingDay(date: string): Promise<boolean> {
    const day = toDayNumber(date);
    return this.working(day, await this.snapshot());
  }

  /** The `days`-th working day strictly after `from` (before it, if negative); 0 returns `from` unchanged. */
  async addWorkingDays(from: string, days: number): Promise<string> {
    let day = toDayNumber(from);
    if (!Number.isSafeInteger(days)) throw new DomainException('DAYS_INVALID', '工作日天数必须是整数', 400);
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

  /** Calendar days need no holiday data, so any year is fine. */
  addCalendarDays(from: string, days: number): string {
    if (!Number.isSafeInteger(days)) throw new DomainException('DAYS_INVALID', '天数必须是整数', 400);
    return fromDayNumber(toDayNumber(from) + days);
  }

  /** Years for which working days can be computed. */
  async knownYears(): Promise<number[]> {
    return [...(await this.snapshot()).knownYears].sort((a, b) => a - b);
  }

  listOverrides(year?: number): Promise<CalendarOverrideEntity[]> {
    const qb = this.overrides.createQueryBuilder('o').orderBy('o.date');
    if (year !== undefined) qb.where('extract(year FROM o.date) = :year', { year });
    return qb.getMany();
  }

  async setOverride(date: string, input: OverrideInput, actorId: string | null): Promise<CalendarOverrideEntity> {
    toDayNumber(date);
    await this.overrides.query(
      `INSERT INTO calendar_overrides (date, working_day, reason, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (date) DO UPDATE
         SET working_day = EXCLUDED.working_day, reason = EXCLUDED.reason, created_by = EXCLUDED.created_by, created_at = now()`,
      [date, input.workingDay, input.reason, actorId],
    );
    this.invalidate();
    return this.overrides.findOneByOrFail({ date });
  }

  async removeOverride(date: string): Promise<void> {
    toDayNumber(date);
    const result = await this.overrides.delete({ date });
    this.invalidate();
    if (!result.affected) throw notFound('CALENDAR_OVERRIDE_NOT_FOUND', `${date} 没有人工调整的日历记录`);
  }

  /** Drops the cached overrides; the next computation reads them again. */
  invalidate(): void {
    this.cached = undefined;
  }

  private working(day: number, { overrides, knownYears }: Snapshot): boolean {
    const iso = fromDayNumber(day);
    const override = overrides.get(iso);
    if (override !== undefined) return override;
    const year = Number(iso.slice(0, 4));
    if (!knownYears.has(year)) {
      throw unprocessable('CALENDAR_YEAR_UNKNOWN', `系统日历未收录 ${year} 年的节假日安排，请管理员先维护该年度日历`, { year });
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
    const rows = await this.overrides.find({ select: { date: true, workingDay: true } });
    const overrides = new Map(rows.map((r) => [r.date, r.workingDay]));
    const knownYears = new Set([...OFFICIAL_YEARS, ...rows.map((r) => Number(r.date.slice(0, 4)))]);
    return { overrides, knownYears };
  }
}
