import { addDays } from './dates';

export type IsWorkingDay = (date: string) => boolean;

/** Saturday and Sunday off: only a stand-in until the official calendar has answered. */
export const weekendRule: IsWorkingDay = (date) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d !== 0 && d !== 6;
};

/**
 * Working days left until `due`, counting the days after `today` up to and including `due`:
 * 0 means due today, a negative number is how many working days it is overdue.
 */
export function workingDaysLeft(today: string, due: string, isWorking: IsWorkingDay): number {
  if (due === today) return 0;
  const forward = due > today;
  const [from, to] = forward ? [today, due] : [due, today];
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorking(d)) n++;
  // overdue from the first working day after the due date
  return forward ? n : -n;
}

export type CountdownState = 'ok' | 'soon' | 'today' | 'overdue' | 'done';

export interface Countdown {
  text: string;
  state: CountdownState;
}

/** What a clerk reads: “剩余 3 个工作日”, “今天到期”, “已逾期 2 个工作日”. */
export function describeCountdown(left: number, soonWithin = 2): Countdown {
  if (left < 0) return { text: `已逾期 ${-left} 个工作日`, state: 'overdue' };
  if (left === 0) return { text: '今天到期', state: 'today' };
  return { text: `剩余 ${left} 个工作日`, state: left <= soonWithin ? 'soon' : 'ok' };
}

/** Dates between two YYYY-MM-DD values, both ends included. */
export function datesBetween(a: string, b: string): string[] {
  const [from, to] = a <= b ? [a, b] : [b, a];
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}
