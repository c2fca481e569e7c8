import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, beijingToday, formatDate } from '../lib/dates';
import { stubApi } from '../test/api';
import { DeadlineCountdown } from './DeadlineCountdown';

afterEach(() => vi.unstubAllGlobals());

describe('DeadlineCountdown', () => {
  it('shows a due date years ahead without a countdown and without asking the calendar about every day until then', async () => {
    const calls = stubApi({ '/calendar/working-days/check': { workingDay: true } });
    const far = addDays(beijingToday(), 3650);
    render(<DeadlineCountdown dueDate={far} />);
    expect(screen.getByText(formatDate(far))).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('countdown')).toBeNull();
    expect(calls).toEqual([]);
  });

  it('counts a deadline a few days ahead by the calendar', async () => {
    const calls = stubApi({ '/calendar/working-days/check': { workingDay: true } });
    render(<DeadlineCountdown dueDate={addDays(beijingToday(), 3)} />);
    await waitFor(() => expect(screen.getByTestId('countdown').textContent).toBe('剩余 3 个工作日'));
    expect(calls.length).toBeGreaterThan(0);
  });
});
