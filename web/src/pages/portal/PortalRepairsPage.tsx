import { Alert, App, Button, Card, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { CreditFile, RecordRepair } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { beijingToday, formatDate } from '../../lib/dates';
import { applyApiErrors } from '../../lib/formErrors';
import { useAsync } from '../../lib/useAsync';
import { REPAIR_STATUS_COLORS, repairablePenalties } from '../repairs/repairText';

interface Values { recordId: string; correction: string; commitment: string }

/** The institution applies to repair one of its own 行政处罚 with its commitment (signed today by submitting). */
export function PortalRepairForm({ uscc, onDone }: { uscc: string; onDone: (r: RecordRepair) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const records = useAsync(async () => repairablePenalties((await get<CreditFile>(`/institutions/${uscc}/credit-file`)).items), [uscc]);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const created = await post<RecordRepair>('/portal/record-repairs', { ...v, fileIds: [] });
      message.success(created.status === 'referred' ? '该信息由其他部门认定，已转其办理' : `申请已提交，受理期限 ${formatDate(created.acceptDue)}`);
      form.resetFields();
      onDone(created);
    } catch (e) {
      applyApiErrors(form, e);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="portal-repair-form">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="recordId" label="申请修复的行政处罚信息" rules={[{ required: true, message: '请选择要修复的信息' }]}
        extra={!records.loading && !records.data?.length ? '本机构没有可申请修复的行政处罚信息' : undefined}>
        <Select loading={records.loading} options={(records.data ?? []).map((r) => ({ value: r.id, label: `${r.title}（${formatDate(r.decisionDate)}）` }))} />
      </Form.Item>
      <Form.Item name="correction" label="整改情况" rules={[{ required: true, whitespace: true, message: '请填写纠正失信行为、履行义务（如缴纳罚款）的情况' }, { min: 5, message: '整改情况至少 5 个字' }]}>
        <Input.TextArea rows={3} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="commitment" label="信用修复承诺" extra={`提交即视为于 ${formatDate(beijingToday())} 签署，准予修复后随修复结果公示`}
        rules={[{ required: true, whitespace: true, message: '请填写信用修复承诺' }, { min: 10, message: '承诺内容至少 10 个字' }]}>
        <Input.TextArea rows={3} maxLength={5000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>提交申请</Button>
    </Form>
  );
}

/** The institution's applications and their outcome, with the reason of a refusal and the decision's number. */
export function PortalRepairList({ items, loading }: { items: RecordRepair[]; loading?: boolean }) {
  return (
    <Table<RecordRepair>
      rowKey="id" size="small" loading={loading} dataSource={items} pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: '尚未申请信用修复' }}
      columns={[
        { title: '被修复信息', dataIndex: 'recordTitle', ellipsis: true },
        { title: '提交日期', dataIndex: 'receivedOn', width: 120, render: formatDate },
        { title: '状态', dataIndex: 'statusLabel', width: 130, render: (l: string, r) => <Tag color={REPAIR_STATUS_COLORS[r.status]}>{l}</Tag> },
        { title: '办理结果', key: 'outcome', render: (_: unknown, r) => (r.decidedOn
          ? <>{formatDate(r.decidedOn)}{r.documentNo ? ` ${r.documentNo}` : ''}{r.reason ? `：${r.reason}` : ''}</>
          : r.decideDue ? `已受理，${formatDate(r.decideDue)} 前作出决定` : `${formatDate(r.acceptDue)} 前受理`) },
      ]}
    />
  );
}

export default function PortalRepairsPage() {
  const me = useMe();
  const list = useAsync(() => get<RecordRepair[]>('/portal/record-repairs'), []);
  return (
    <>
      <Typography.Title level={2} className="page-title">信用修复</Typography.Title>
      <Card size="small" title="申请修复行政处罚信息" style={{ marginBottom: 16, maxWidth: 820 }}>
        <Typography.Paragraph type="secondary">
          最短公示期满、已履行处罚决定的全部义务（含缴纳罚款）并签署信用修复承诺的，可申请停止公示（国家发展改革委令第36号）。
        </Typography.Paragraph>
        <PortalRepairForm uscc={me.uscc ?? ''} onDone={list.reload} />
      </Card>
      <ErrorAlert error={list.error} />
      <PortalRepairList items={list.data ?? []} loading={list.loading} />
    </>
  );
}
