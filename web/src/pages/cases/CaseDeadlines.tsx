import { Table } from 'antd';
import type { CaseView } from '../../api/types';
import { DeadlineCountdown } from '../../components/DeadlineCountdown';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { DEADLINE_KIND_LABELS, taskKindLabel } from '../../lib/labels';

interface Row {
  key: string;
  what: string;
  who: string;
  dueDate: string;
  workingDaysLeft?: number;
  done: boolean;
  status: string;
  provisional?: boolean;
}

const INSTITUTION_STATUS: Record<string, string> = {
  open: '待提交', answered: '已提交', missed: '逾期未提交', closed: '已结束',
};

/** Every deadline of the case: the bureau's tasks and the institution's own, with working days left. */
export function CaseDeadlines({ view }: { view: CaseView }) {
  const rows: Row[] = [
    ...view.tasks
      .filter((t) => t.status === 'open' || t.status === 'claimed')
      .map((t) => ({ key: t.id, what: taskKindLabel(t.kind), who: t.candidateRole === 'approver' ? '审核人' : '经办人', dueDate: t.dueDate, done: false, status: t.overdue ? '已逾期' : '办理中' })),
    ...(view.institutionDeadlines ?? []).map((d, i) => ({
      key: `inst-${i}`, what: DEADLINE_KIND_LABELS[d.kind] ?? d.kind, who: '机构', dueDate: d.dueDate, workingDaysLeft: d.workingDaysLeft ?? undefined,
      done: d.status !== 'open', status: INSTITUTION_STATUS[d.status] ?? d.status, provisional: d.provisional,
    })),
  ];
  return (
    <Table<Row>
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: '当前没有未到期的期限' }}
      columns={[
        { title: '事项', dataIndex: 'what' },
        { title: '办理方', dataIndex: 'who', width: 70 },
        { title: '期限', dataIndex: 'dueDate', render: (_, r) => <><DeadlineCountdown dueDate={r.dueDate} workingDaysLeft={r.workingDaysLeft} done={r.done} /><ProvisionalTag provisional={r.provisional && !r.done} /></> },
        { title: '状态', dataIndex: 'status', width: 100 },
      ]}
    />
  );
}
