import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeadlineCountdown } from './DeadlineCountdown';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The calendar API answers: 2026-10-01…07 off, 10-10 worked, otherwise weekdays. */
function stubCalendar() {
  const off = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);
  const fetch = vi.fn(async (url: string) => {
    const date = new URL(url, 'http://x').searchParams.get('date')!;
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    const workingDay = date === '2026-10-10' || (!off.has(date) && day !== 0 && day !== 6);
    return new Response(JSON.stringify({ date, workingDay }), { status: 200 });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('DeadlineCountdown', () => {
  it('shows the working days the API counted, in Chinese, with the date', () => {
    render(<DeadlineCountdown dueDate="2026-03-09" workingDaysLeft={3} />);
    expect(screen.getByText('2026年3月9日')).toBeTruthy();
    const tag = screen.getByTestId('countdown');
    expect(tag.textContent).toBe('剩余 3 个工作日');
    expect(tag.dataset.state).toBe('ok');
  });

  it('marks an overdue deadline red', () => {
    render(<DeadlineCountdown dueDate="2026-03-02" workingDaysLeft={-2} />);
    expect(screen.getByTestId('countdown').textContent).toBe('已逾期 2 个工作日');
    expect(screen.getByTestId('countdown').dataset.state).toBe('overdue');
  });

  it('says “due today” on the due date', () => {
    render(<DeadlineCountdown dueDate="2026-03-02" workingDaysLeft={0} />);
    expect(screen.getByTestId('countdown').textContent).toBe('今天到期');
  });

  it('counts by the official calendar when the API gave no count, skipping the National Day holiday', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-09-30T02:00:00Z')); // 10:00 in Beijing
    const fetch = stubCalendar();
    render(<DeadlineCountdown dueDate="2026-10-12" />);
    expect(await screen.findByText('剩余 4 个工作日')).toBeTruthy();
    expect(fetch).toHaveBeenCalled();
  });

  it('shows only the date of a deadline already met', () => {
    render(<DeadlineCountdown dueDate="2026-03-02" workingDaysLeft={-5} done />);
    expect(screen.queryByTestId('countdown')).toBeNull();
  });
});
