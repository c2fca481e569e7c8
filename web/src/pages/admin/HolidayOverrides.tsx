import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Popconfirm, Radio, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { del, get, put } from '../../api/client';
import { describeError } from '../../api/errors';
import type { CalendarOverride } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { beijingToday, formatDate } from '../../lib/dates';
import { useAsync } from '../../lib/useAsync';

/**
 * Admin overrides of the official calendar; every deadline computed afterwards follows them, so a change is a
 * proposal that another administrator approves (待审批事项, docs/four-eyes.md).
 */
export function HolidayOverrides() {
  const { message } = App.useApp();
  const [year, setYear] = useState(Number(beijingToday().slice(0, 4)));
  const [form] = Form.useForm<{ date: Dayjs; workingDay: boolean; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const list = useAsync(() => get<CalendarOverride[]>('/calendar/overrides', { year }), [year]);
  const save = async (v: { date: Dayjs; workingDay: boolean; reason: string }) => {
    setError(null);
    try {
      await put(`/calendar/overrides/${v.date.format('YYYY-MM-DD')}`, { workingDay: v.workingDay, reason: v.reason.trim() });
      message.success('已提交调整申请，须由另一名管理员在“待审批事项”中批准后生效');
      form.resetFields();
      list.reload();
    } catch (e) {
      setError(describeError(e));
    }
  };
  const remove = async (date: string) => {
    try {
      await del(`/calendar/overrides/${date}`);
      message.success('已提交删除申请，须由另一名管理员批准后生效');
      list.reload();
    } catch (e) {
      message.error(describeError(e));
    }
  };
  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="inline" onFinish={save} initialValues={{ workingDay: false }} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}><DatePicker placeholder="日期" /></Form.Item>
        <Form.Item name="workingDay"><Radio.Group options={[{ value: false, label: '休息日' }, { value: true, label: '工作日' }]} /></Form.Item>
        <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: '请填写调整依据' }]}><Input placeholder="调整依据，如 国办发明电〔2026〕X号" style={{ width: 280 }} /></Form.Item>
        <Button type="primary" htmlType="submit">提交调整申请</Button>
      </Form>
      <Space style={{ marginBottom: 8 }}>年份 <InputNumber value={year} min={2020} max={2100} onChange={(v) => v && setYear(v)} /></Space>
      <ErrorAlert error={list.error} />
      <Table<CalendarOverride> size="small" rowKey="date" loading={list.loading} dataSource={list.data ?? []} pagination={false}
        locale={{ emptyText: '本年没有人工调整，按国务院公布的节假日安排计算' }}
        columns={[
          { title: '日期', dataIndex: 'date', render: formatDate },
          { title: '调整为', dataIndex: 'workingDay', render: (w: boolean) => (w ? '工作日' : '休息日') },
          { title: '依据', dataIndex: 'reason' },
          { title: '操作', key: 'op', render: (_, o) => <Popconfirm title="申请删除这项调整？（须另一名管理员批准）" onConfirm={() => remove(o.date)}><a>删除</a></Popconfirm> },
        ]} />
    </>
  );
}
