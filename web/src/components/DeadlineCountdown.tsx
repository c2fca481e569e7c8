import { Space, Tag, Tooltip } from 'antd';
import { useWorkingDaysLeft } from '../lib/calendar';
import { formatDate } from '../lib/dates';
import { describeCountdown, type CountdownState } from '../lib/workdays';

const COLORS: Record<CountdownState, string> = { ok: 'green', soon: 'orange', today: 'volcano', overdue: 'red', done: 'default' };

interface Props {
  dueDate: string | null | undefined;
  /** When the API already counted the working days left, that count is shown as is. */
  workingDaysLeft?: number | null;
  /** A finished deadline shows its date only. */
  done?: boolean;
  showDate?: boolean;
}

/** “2026年3月9日 · 剩余 3 个工作日”, red when overdue; counted by the official working-day calendar. */
export function DeadlineCountdown({ dueDate, workingDaysLeft, done, showDate = true }: Props) {
  const left = useWorkingDaysLeft(done ? null : dueDate, workingDaysLeft);
  if (!dueDate) return <span>—</span>;
  const c = done || left === null ? null : describeCountdown(left);
  return (
    <Space size={4} wrap>
      {showDate && <span>{formatDate(dueDate)}</span>}
      {c && (
        <Tooltip title="按国务院办公厅公布的节假日安排及管理员调整计算的工作日">
          <Tag color={COLORS[c.state]} data-testid="countdown" data-state={c.state}>{c.text}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
