import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/role';
import { notFound } from '../common/errors/domain.exception';
import { CalendarErrorCode } from './calendar.errors';
import { FourEyesService, ProposalView } from '../common/four-eyes/four-eyes.service';
import { CalendarService, OverrideInput, YearSchedule } from './calendar.service';
import { toDayNumber } from './iso-date';

/**
 * An override, and a whole year's schedule, moves every deadline computed afterwards, for every case and
 * institution: one administrator proposes it and another approves it (four eyes, docs/four-eyes.md). The change is
 * checked when proposed and applied in the approval's transaction; the cached calendar is dropped once it commits.
 */
@Injectable()
export class CalendarProposals {
  constructor(
    private readonly calendar: CalendarService,
    private readonly fourEyes: FourEyesService,
  ) {
    const reload = () => this.calendar.invalidate();
    fourEyes.register('calendar_override', (m, p) => {
      const { date, workingDay, reason } = p.change as unknown as { date: string } & OverrideInput;
      return this.calendar.setOverride(date, { workingDay, reason }, p.proposedBy, m).then(() => undefined);
    }, reload);
    fourEyes.register('calendar_override_removal', (m, p) => this.calendar.removeOverride(String(p.change.date), m), reload);
    fourEyes.register('calendar_year', (m, p) => {
      const { year, holidays, workdays, basis } = p.change as unknown as YearSchedule & { year: number };
      return this.calendar.publishYear(year, { holidays, workdays, basis }, p.proposedBy, m);
    }, (p) => this.calendar.yearPublished(Number(p.subjectRef)));
  }

  /** A year's schedule from the State Council's notice (PUT /api/calendar/years/:year), checked whole now. */
  proposeYear(year: number, schedule: YearSchedule, admin: AuthUser): Promise<ProposalView> {
    const { holidays, workdays, basis } = schedule;
    this.calendar.assertPublishable(year, { holidays, workdays, basis });
    return this.fourEyes.propose({
      kind: 'calendar_year', subjectRef: String(year), office: null, decidingRole: 'admin', reason: basis,
      summary: `发布 ${year} 年节假日安排（放假 ${holidays.length} 天，调休上班 ${workdays.length} 天）`,
      // plain objects: the DTO instances carry class-transformer metadata nobody needs in jsonb
      change: { year, holidays: holidays.map(({ date, name }) => ({ date, name })), workdays: workdays.map(({ date, name }) => ({ date, name })), basis },
    }, admin);
  }

  proposeOverride(date: string, input: OverrideInput, admin: AuthUser): Promise<ProposalView> {
    toDayNumber(date);
    return this.fourEyes.propose({
      kind: 'calendar_override', subjectRef: date, office: null, decidingRole: 'admin', reason: input.reason,
      summary: `将 ${date} 调整为${input.workingDay ? '工作日' : '休息日'}`, change: { date, ...input },
    }, admin);
  }

  async proposeRemoval(date: string, reason: string, admin: AuthUser): Promise<ProposalView> {
    toDayNumber(date);
    const existing = await this.calendar.listOverrides(Number(date.slice(0, 4)));
    if (!existing.some((o) => o.date === date)) throw notFound(CalendarErrorCode.CALENDAR_OVERRIDE_NOT_FOUND, `${date} 没有人工调整的日历记录`);
    return this.fourEyes.propose({
      kind: 'calendar_override_removal', subjectRef: date, office: null, decidingRole: 'admin', reason,
      summary: `删除 ${date} 的人工调整，恢复官方日历`, change: { date },
    }, admin);
  }
}
