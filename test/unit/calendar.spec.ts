import { isWorkday as libraryIsWorkday } from 'chinese-days';
import officialCalendar from 'chinese-days/dist/chinese-days.json';
import { DataSource, Repository } from 'typeorm';
import { CalendarOverrideEntity } from '../../src/calendar/calendar-override.entity';
import { CalendarYearEntity } from '../../src/calendar/calendar-year.entity';
import { CalendarService } from '../../src/calendar/calendar.service';
import { statutoryHolidays } from '../../src/calendar/statutory-holidays';
import { DomainException } from '../../src/common/errors/domain.exception';
import { dataSourceOptions } from '../../src/database/data-source';

// Medium test on the real database (DATABASE_URL). The shared testDataSource() registers no entities,
// so this suite opens its own connection with the entities it needs.
describe(CalendarService.name, () => {
  let ds: DataSource;
  let repo: Repository<CalendarOverrideEntity>;
  let years: Repository<CalendarYearEntity>;
  let calendar: CalendarService;
  const created: string[] = [];
  const publishedYears: number[] = [];

  const override = async (date: string, workingDay: boolean) => {
    created.push(date);
    await calendar.setOverride(date, { workingDay, reason: '单元测试' }, null);
  };
  const codeOf = (p: Promise<unknown>) => p.then(() => 'no error', (e: DomainException) => e.code);

  beforeAll(async () => {
    ds = await new DataSource({ ...dataSourceOptions(), entities: [CalendarOverrideEntity, CalendarYearEntity] }).initialize();
    repo = ds.getRepository(CalendarOverrideEntity);
    years = ds.getRepository(CalendarYearEntity);
  });
  beforeEach(() => {
    calendar = new CalendarService(repo, years);
  });
  afterEach(async () => {
    if (created.length) await repo.delete(created.splice(0).map((date) => ({ date })));
    for (const year of publishedYears.splice(0)) {
      await years.delete({ year });
      await repo.query(`DELETE FROM calendar_overrides WHERE extract(year FROM date) = $1`, [year]);
    }
  });
  afterAll(() => ds.destroy());

  describe('2026 Spring Festival: 02-15…02-23 off, 02-14 (Sat) and 02-28 (Sat) worked', () => {
    it.each([
      ['2026-02-13', true], ['2026-02-14', true], ['2026-02-15', false], ['2026-02-20', false],
      ['2026-02-23', false], ['2026-02-24', true], ['2026-02-28', true], ['2026-03-01', false],
    ])('says %s is a working day: %s', async (date, expected) => {
      expect(await calendar.isWorkingDay(date)).toBe(expected);
    });

    it('counts the make-up Saturday and skips the holiday', async () => {
      expect(await calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
      expect(await calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    });

    it('finds the 10th working day after 2026-02-12', async () => {
      // 02-13 Fri (1), 02-14 Sat worked (2), 02-15…02-23 off, 02-24 (3), 02-25 (4), 02-26 (5), 02-27 (6),
      // 02-28 Sat worked (7), 03-01 Sun off, 03-02 (8), 03-03 (9), 03-04 (10).
      expect(await calendar.addWorkingDays('2026-02-12', 10)).toBe('2026-03-04');
      expect(await calendar.workingDaysBetween('2026-02-12', '2026-03-04')).toBe(10);
      expect(await calendar.workingDaysBetween('2026-03-04', '2026-02-12')).toBe(-10);
    });
  });

  describe('2026 National Day: 10-01…10-07 off, 09-20 (Sun) and 10-10 (Sat) worked', () => {
    it.each([
      ['2026-09-20', true], ['2026-09-25', false], ['2026-10-01', false], ['2026-10-07', false],
      ['2026-10-08', true], ['2026-10-10', true], ['2026-10-11', false],
    ])('says %s is a working day: %s', async (date, expected) => {
      expect(await calendar.isWorkingDay(date)).toBe(expected);
    });

    it('jumps the week off', async () => {
      expect(await calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    });

    it('finds the 10th working day after 2026-09-24, across 中秋 and 国庆', async () => {
      // 09-25…09-27 中秋 off, 09-28 (1), 09-29 (2), 09-30 (3), 10-01…10-07 off, 10-08 (4), 10-09 (5),
      // 10-10 Sat worked (6), 10-11 Sun off, 10-12 (7), 10-13 (8), 10-14 (9), 10-15 (10).
      expect(await calendar.addWorkingDays('2026-09-24', 10)).toBe('2026-10-15');
      expect(await calendar.workingDaysBetween('2026-09-24', '2026-10-15')).toBe(10);
    });

    it('finds the 10th working day after 2026-09-18, counting the make-up Sunday', async () => {
      // 09-19 Sat off, 09-20 Sun worked (1), 09-21…09-24 (2–5), 09-25…09-27 off, 09-28…09-30 (6–8),
      // 10-01…10-07 off, 10-08 (9), 10-09 (10).
      expect(await calendar.addWorkingDays('2026-09-18', 10)).toBe('2026-10-09');
    });
  });

  it('counts the working days from one date to a page of dates in one walk, as workingDaysBetween counts each', async () => {
    // from 2026-02-12 (Thu): 03-04 is the 10th working day (above); back to 02-01 (Sun): 02-02…02-06 and 02-09…02-12,
    // nine working days, so -9; the same date, 0; a year no schedule covers, no count
    const dates = ['2026-03-04', '2026-02-01', '2026-02-12', '2026-03-04', '2091-03-05'];
    const counts = await calendar.workingDaysFrom('2026-02-12', dates);
    expect(Object.fromEntries(counts)).toEqual({ '2026-03-04': 10, '2026-02-01': -9, '2026-02-12': 0, '2091-03-05': null });
    for (const d of dates.slice(0, 3)) expect(counts.get(d)).toBe(await calendar.workingDaysBetween('2026-02-12', d));
  });

  it('returns the start date for 0 working days, even on a holiday', async () => {
    expect(await calendar.addWorkingDays('2026-10-01', 0)).toBe('2026-10-01');
    expect(await calendar.workingDaysBetween('2026-10-01', '2026-10-01')).toBe(0);
  });

  it('adds calendar days across month and year ends, holidays included', () => {
    expect(calendar.addCalendarDays('2026-02-13', 30)).toBe('2026-03-15');
    expect(calendar.addCalendarDays('2026-12-20', 30)).toBe('2027-01-19');
  });

  it('lets an administrator override win over the official calendar', async () => {
    await override('2026-03-03', false); // e.g. a district-wide closure
    expect(await calendar.addWorkingDays('2026-02-12', 10)).toBe('2026-03-05');
    await override('2026-03-01', true); // a Sunday worked
    expect(await calendar.addWorkingDays('2026-02-12', 10)).toBe('2026-03-04');
    await calendar.removeOverride('2026-03-01');
    await calendar.removeOverride('2026-03-03');
    expect(await calendar.addWorkingDays('2026-02-12', 10)).toBe('2026-03-04');
  });

  // Years far enough ahead that neither the library nor the test set-up (which publishes next year) covers them.
  it('refuses a year the calendar does not cover', async () => {
    await expect(calendar.isWorkingDay('2091-03-05')).rejects.toMatchObject({
      code: 'CALENDAR_YEAR_UNKNOWN',
      status: 422,
      message: expect.stringContaining('2091'),
    });
    // A deadline into the year after the last known one is provisional (statutory days off, no 调休); one that runs
    // further, two years past the calendar, fails instead of silently ignoring that year's holidays.
    const last = Math.max(...(await calendar.knownYears()));
    expect(await calendar.isProvisional(`${last}-12-25`, await calendar.addWorkingDays(`${last}-12-25`, 10))).toBe(true);
    expect(await codeOf(calendar.addWorkingDays(`${last + 1}-12-25`, 10))).toBe('CALENDAR_YEAR_UNKNOWN');
  });

  it('does not count a year as known because of a stray override', async () => {
    await override('2092-03-03', false);
    expect(await codeOf(calendar.isWorkingDay('2092-03-04'))).toBe('CALENDAR_YEAR_UNKNOWN');
  });

  it('counts a year once its schedule is published, holidays and weekends worked included', async () => {
    publishedYears.push(2093);
    await calendar.publishYear(2093, {
      holidays: statutoryHolidays(2093),
      workdays: [{ date: '2093-01-24', name: '春节' }], // a Saturday worked in exchange
      basis: '单元测试',
    }, null);
    expect(await calendar.isWorkingDay('2093-01-01')).toBe(false); // 元旦, a Thursday
    expect(await calendar.isWorkingDay('2093-01-24')).toBe(true);
    expect(await calendar.addWorkingDays('2092-12-31', 1)).toBe('2093-01-02');
    expect((await calendar.yearStatus()).find((y) => y.year === 2093)).toMatchObject({ source: 'published', basis: '单元测试' });
  });

  it('publishes nothing when one day of the schedule is wrong', async () => {
    publishedYears.push(2094);
    const bad = calendar.publishYear(2094, {
      holidays: statutoryHolidays(2094),
      workdays: [{ date: '2094-03-03', name: '错误' }], // a Wednesday: cannot be a weekend worked
      basis: '单元测试',
    }, null);
    expect(await codeOf(bad)).toBe('CALENDAR_WORKDAY_NOT_WEEKEND');
    expect(await repo.query(`SELECT 1 FROM calendar_overrides WHERE extract(year FROM date) = 2094`)).toEqual([]);
    expect(await codeOf(calendar.isWorkingDay('2094-01-05'))).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(await codeOf(calendar.publishYear(2026, { holidays: statutoryHolidays(2026), workdays: [], basis: 'x' }, null)))
      .toBe('CALENDAR_YEAR_OFFICIAL');
  });

  it('warns from October while next year is missing, and never while both years are known', async () => {
    publishedYears.push(2097, 2098);
    for (const year of [2097, 2098]) await calendar.publishYear(year, { holidays: statutoryHolidays(year), workdays: [], basis: '单元测试' }, null);
    expect(await calendar.missingYearWarning('2098-09-30')).toBeNull();
    expect(await calendar.missingYearWarning('2098-10-01')).toContain('2099 年');
    expect(await calendar.missingYearWarning('2097-12-31')).toBeNull();
    expect(await calendar.missingYearWarning('2099-03-01')).toContain('本年度（2099 年）');
  });

  // 《全国年节及纪念日放假办法》 as amended for 2025: its 13 statutory days must all be days off in the official data.
  it.each([2025, 2026])('derives %i\'s statutory holidays that the State Council notice also gives', (year) => {
    const official: Record<string, string> = officialCalendar.holidays;
    const days = statutoryHolidays(year);
    expect(days).toHaveLength(13);
    expect(days.filter((d) => !official[d.date])).toEqual([]);
  });

  it('finds 2027\'s Spring Festival, 端午 and 中秋 from the lunar calendar', () => {
    const byName = (n: string) => statutoryHolidays(2027).filter((d) => d.name === n).map((d) => d.date);
    expect(byName('春节')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect(byName('清明节')).toEqual(['2027-04-05']);
    expect(byName('端午节')).toEqual(['2027-06-09']);
    expect(byName('中秋节')).toEqual(['2027-09-15']);
  });

  it.each(['2026-02-30', '2026-2-3', '20260203', 'tomorrow', ''])('rejects the date %j with DATE_INVALID', async (date) => {
    expect(await codeOf(calendar.isWorkingDay(date))).toBe('DATE_INVALID');
    expect(await codeOf(calendar.addWorkingDays(date, 1))).toBe('DATE_INVALID');
  });

  it('reads the overrides once, not once per day stepped', async () => {
    const find = jest.spyOn(repo, 'find');
    await calendar.addWorkingDays('2026-01-05', 200);
    await calendar.workingDaysBetween('2026-01-01', '2026-12-31');
    expect(find).toHaveBeenCalledTimes(1);
    find.mockRestore();
  });

  // The library's own isWorkday() is right only east of Greenwich (see CalendarService); there, both must agree.
  (new Date().getTimezoneOffset() <= 0 ? it : it.skip)('agrees with chinese-days on every day of 2004–2026', async () => {
    for (let d = new Date('2004-01-01'); d <= new Date('2026-12-31'); d.setUTCDate(d.getUTCDate() + 1)) {
      const iso = d.toISOString().slice(0, 10);
      if ((await calendar.isWorkingDay(iso)) !== libraryIsWorkday(iso)) throw new Error(`disagree on ${iso}`);
    }
  });
});
