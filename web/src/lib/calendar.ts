import { useEffect, useState } from 'react';
import { get } from '../api/client';
import type { WorkingDayCheck } from '../api/types';
import { beijingToday } from './dates';
import { datesBetween, weekendRule, workingDaysLeft, type IsWorkingDay } from './workdays';

/**
 * The official calendar (holidays, 调休 and admin overrides) as the API answers it, one date at a time,
 * cached for the session. Until a date is known the weekend rule stands in.
 */
const known = new Map<string, boolean>();
const pending = new Map<string, Promise<void>>();

async function load(date: string): Promise<void> {
  if (known.has(date)) return;
  if (!pending.has(date)) {
    pending.set(
      date,
      get<WorkingDayCheck>('/calendar/working-days/check', { date })
        .then((r) => void known.set(date, r.workingDay))
        .catch(() => undefined)
        .finally(() => pending.delete(date)),
    );
  }
  await pending.get(date);
}

export const calendarRule: IsWorkingDay = (d) => known.get(d) ?? weekendRule(d);

/**
 * A countdown is for deadlines close enough to act on: a due date more than this many calendar days ahead shows the
 * date alone (an overdue one always counts), so the console never asks the calendar about every day up to a due date
 * years away (a case blocked on an unpublished year has one), which would flood the API with requests it must refuse.
 */
export const COUNTDOWN_HORIZON_DAYS = 120;
const withinHorizon = (a: string, b: string) => b <= a || datesBetween(a, b).length <= COUNTDOWN_HORIZON_DAYS;

export async function loadRange(a: string, b: string): Promise<void> {
  if (!withinHorizon(a, b)) return;
  const dates = datesBetween(a, b).filter((d) => !known.has(d));
  // a few at a time: a worklist of twenty tasks must not fire a hundred requests at once
  for (let i = 0; i < dates.length; i += 8) await Promise.all(dates.slice(i, i + 8).map(load));
}

/** Working days left until `due` by the official calendar; `serverValue` (when the API gives it) wins. */
export function useWorkingDaysLeft(due: string | null | undefined, serverValue?: number | null): number | null {
  const today = beijingToday();
  const [, setVersion] = useState(0);
  useEffect(() => {
    if (!due || typeof serverValue === 'number') return;
    let live = true;
    void loadRange(today, due).then(() => live && setVersion((v) => v + 1));
    return () => {
      live = false;
    };
  }, [due, serverValue, today]);
  if (!due) return null;
  if (typeof serverValue === 'number') return serverValue;
  if (!withinHorizon(today, due)) return null;
  return workingDaysLeft(today, due, calendarRule);
}
