import { Injectable } from '@nestjs/common';
import { CalendarService } from '../../calendar/calendar.service';

export type PeriodRule = { workingDays: number } | { calendarDays: number };

/**
 * Dates the law counts from service (brief §7). Every period owed by the institution runs from the day after service
 * (民法典 art. 201: the day an event happens is not counted), in working or calendar days as its rule says.
 */
@Injectable()
export class ServiceDeadlines {
  constructor(private readonly calendar: CalendarService) {}

  /**
   * The last day of a period served on `servedOn`. Working days: the N-th working day after service. Calendar days:
   * service day + N; a last day that is a day off moves to the next working day (民法典 art. 203).
   */
  async dueFrom(servedOn: string, rule: PeriodRule): Promise<string> {
    if ('workingDays' in rule) return this.calendar.addWorkingDays(servedOn, rule.workingDays);
    const last = this.calendar.addCalendarDays(servedOn, rule.calendarDays);
    return (await this.calendar.isWorkingDay(last)) ? last : this.calendar.addWorkingDays(last, 1);
  }

  /** A decision not handed over in person is served within 7 working days of the decision (行政处罚法 art. 61, 85). */
  serveBy(decidedOn: string): Promise<string> {
    return this.calendar.addWorkingDays(decidedOn, 7);
  }

  /** 公告送达: served when 30 days have passed since the announcement (民事诉讼法 art. 95). */
  publicNoticeServedOn(announcedOn: string): string {
    return this.calendar.addCalendarDays(announcedOn, 30);
  }
}
