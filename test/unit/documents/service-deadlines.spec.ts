import { DataSource } from 'typeorm';
import { CalendarOverrideEntity } from '../../../src/calendar/calendar-override.entity';
import { CalendarYearEntity } from '../../../src/calendar/calendar-year.entity';
import { CalendarService } from '../../../src/calendar/calendar.service';
import { dataSourceOptions } from '../../../src/database/data-source';
import { ServiceDeadlines } from '../../../src/documents/service/service-deadlines';

/*
 * Hand-computed across the 2026 National Day (国务院办公厅 2026 schedule): 10-01 (Thursday) … 10-07 are days off,
 * Sunday 09-20 and Saturday 10-10 are worked (调休). Working days after Wednesday 09-30: 10-08 Thu (1), 10-09 Fri (2),
 * 10-10 Sat (3), 10-12 Mon (4), 10-13 Tue (5), 10-14 Wed (6), 10-15 Thu (7).
 */
describe(ServiceDeadlines.name, () => {
  let ds: DataSource;
  let deadlines: ServiceDeadlines;

  beforeAll(async () => {
    ds = await new DataSource({ ...dataSourceOptions(), entities: [CalendarOverrideEntity, CalendarYearEntity] }).initialize();
    deadlines = new ServiceDeadlines(new CalendarService(ds.getRepository(CalendarOverrideEntity), ds.getRepository(CalendarYearEntity)));
  });
  afterAll(() => ds.destroy());

  it('counts working days from the day after service: served 09-30, 5 working days end on 10-13', async () => {
    expect(await deadlines.dueFrom('2026-09-30', { workingDays: 5 })).toBe('2026-10-13');
  });

  it('does not count the day of service itself: served on Friday 11-13, one working day ends on Monday 11-16', async () => {
    expect(await deadlines.dueFrom('2026-11-13', { workingDays: 1 })).toBe('2026-11-16');
  });

  it('counts the make-up Sunday 09-20 as a working day: served Friday 09-18, 2 working days end on 09-21', async () => {
    expect(await deadlines.dueFrom('2026-09-18', { workingDays: 2 })).toBe('2026-09-21');
  });

  it('ends a calendar-day period on its last day when that is a working day: served 09-20, 10 days end on 09-30', async () => {
    expect(await deadlines.dueFrom('2026-09-20', { calendarDays: 10 })).toBe('2026-09-30');
  });

  it('moves a calendar-day period ending in the National Day holiday to the next working day (民法典 art. 203): served 09-25, 7 days → 10-02 → 10-08', async () => {
    expect(await deadlines.dueFrom('2026-09-25', { calendarDays: 7 })).toBe('2026-10-08');
  });

  it('moves a calendar-day period ending on an ordinary Sunday to Monday: served 09-26, 15 days → Sunday 10-11 → 10-12', async () => {
    expect(await deadlines.dueFrom('2026-09-26', { calendarDays: 15 })).toBe('2026-10-12');
  });

  it('keeps a calendar-day period ending on the make-up Saturday 10-10, a working day: served 09-10, 30 days', async () => {
    expect(await deadlines.dueFrom('2026-09-10', { calendarDays: 30 })).toBe('2026-10-10');
  });

  it('serves a public announcement 30 days after it, whatever day that is (公告送达): 09-10 → 10-10, 12-15 → 2027-01-14', () => {
    expect(deadlines.publicNoticeServedOn('2026-09-10')).toBe('2026-10-10');
    expect(deadlines.publicNoticeServedOn('2026-12-15')).toBe('2027-01-14');
  });

  it('gives a decision not handed over in person 7 working days to be served (行政处罚法 art. 61): decided Monday 09-28 → 10-13', async () => {
    // 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), 10-10 (5), 10-12 (6), 10-13 (7)
    expect(await deadlines.serveBy('2026-09-28')).toBe('2026-10-13');
  });
});
