import { describe, expect, it } from 'vitest';
import { describeCountdown, weekendRule, workingDaysLeft, type IsWorkingDay } from './workdays';

// 2026 国庆: 10-01…10-07 off, 09-20 (Sunday) and 10-10 (Saturday) worked — brief §5
const OFF = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);
const WORKED = new Set(['2026-09-20', '2026-10-10']);
const official: IsWorkingDay = (d) => (WORKED.has(d) ? true : OFF.has(d) ? false : weekendRule(d));

describe('workingDaysLeft', () => {
  it('counts the working days after today up to and including the due date', () => {
    expect(workingDaysLeft('2026-03-02', '2026-03-06', weekendRule)).toBe(4); // Mon → Fri
    expect(workingDaysLeft('2026-03-06', '2026-03-09', weekendRule)).toBe(1); // Fri → Mon
  });

  it('skips the National Day holiday and counts the make-up Saturday', () => {
    expect(workingDaysLeft('2026-09-30', '2026-10-12', official)).toBe(4); // 10-08, 10-09, 10-10 (调休), 10-12
  });

  it('is zero on the due date and negative once overdue', () => {
    expect(workingDaysLeft('2026-03-06', '2026-03-06', weekendRule)).toBe(0);
    expect(workingDaysLeft('2026-03-09', '2026-03-06', weekendRule)).toBe(-1); // due Fri, today Mon
    expect(workingDaysLeft('2026-10-08', '2026-09-30', official)).toBe(-1); // the holiday does not count as overdue days
  });
});

describe('describeCountdown', () => {
  it('speaks as a clerk reads it', () => {
    expect(describeCountdown(5)).toEqual({ text: '剩余 5 个工作日', state: 'ok' });
    expect(describeCountdown(2)).toEqual({ text: '剩余 2 个工作日', state: 'soon' });
    expect(describeCountdown(0)).toEqual({ text: '今天到期', state: 'today' });
    expect(describeCountdown(-3)).toEqual({ text: '已逾期 3 个工作日', state: 'overdue' });
  });
});
