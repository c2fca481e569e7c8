import { Injectable } from '@nestjs/common';
import { beijingClock } from '../../activities/case-clock';
import { CalendarService } from '../calendar/calendar.service';

/** Working days left until a due date, counted from today in Beijing: what a countdown in the portal shows. */
@Injectable()
export class DeadlineClockService {
  constructor(private readonly calendar: CalendarService) {}

  today(): string {
    return beijingClock.dateOf(Date.now());
  }

  /** 0 on the due date itself, negative once it has passed; null if the calendar cannot tell (unknown year). */
  async workingDaysLeft(dueDate: string): Promise<number | null> {
    return this.calendar.workingDaysBetween(this.today(), dueDate).catch(() => null);
  }
}
