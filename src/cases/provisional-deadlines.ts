import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { CaseDeadlineRepository } from './case-deadline.repository';
import { CaseGateway } from './case-gateway';

/**
 * Issue #21: a deadline that fell in a year the administrator had not published was computed provisionally
 * (statutory holidays, no 调休). Once that year is published, every case with such a deadline open is signalled; the
 * workflow recomputes it, records the change and tells the institution if it moved.
 */
@Injectable()
export class ProvisionalDeadlines {
  private readonly log = new Logger(ProvisionalDeadlines.name);

  constructor(
    calendar: CalendarService,
    private readonly deadlines: CaseDeadlineRepository,
    private readonly gateway: CaseGateway,
    private readonly ds: DataSource,
  ) {
    calendar.onYearPublished((year) => this.recompute(year));
  }

  /** Signals each case with an open provisional deadline in `year` or later; answers how many were told. */
  async recompute(year: number): Promise<number> {
    const cases = await this.deadlines.provisionalCases(this.ds.manager, year);
    let told = 0;
    for (const caseNo of cases) {
      // the approval has committed: a case that ended meanwhile, or a lost connection, must not undo it
      await this.gateway.calendarPublished(caseNo, year).then(() => told++,
        (err: Error) => this.log.warn(`case ${caseNo}: calendar ${year} not signalled (${err.message})`));
    }
    return told;
  }
}
