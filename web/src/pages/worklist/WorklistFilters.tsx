import { Button, Checkbox, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { SEVERITY_LABELS, STAGE_LABELS } from '../../lib/labels';
import { useOffices } from '../../lib/lookups';

export interface WorklistFilter {
  stage?: string;
  officeCode?: string;
  uscc?: string;
  severity?: string;
  dueBefore?: string;
  overdue?: boolean;
}

interface FormValues {
  stage?: string;
  officeCode?: string;
  uscc?: string;
  severity?: string;
  dueBefore?: Dayjs | null;
  overdue?: boolean;
}

const stageOptions = Object.entries(STAGE_LABELS)
  .filter(([k]) => !['CLOSED', 'WITHDRAWN', 'DETERMINED', 'REGISTERED'].includes(k))
  .map(([value, label]) => ({ value, label }));

export function WorklistFilters({ onChange }: { onChange: (f: WorklistFilter) => void }) {
  const [form] = Form.useForm<FormValues>();
  const { options: officeOptions } = useOffices();
  const apply = (v: FormValues) =>
    onChange({
      stage: v.stage || undefined,
      officeCode: v.officeCode || undefined,
      uscc: v.uscc?.trim().toUpperCase() || undefined,
      severity: v.severity || undefined,
      dueBefore: v.dueBefore ? v.dueBefore.format('YYYY-MM-DD') : undefined,
      overdue: v.overdue ? true : undefined,
    });
  return (
    <Form form={form} layout="inline" onFinish={apply} style={{ marginBottom: 12, rowGap: 8 }}>
      <Form.Item name="stage"><Select allowClear placeholder="阶段" options={stageOptions} style={{ width: 140 }} /></Form.Item>
      <Form.Item name="officeCode"><Select allowClear placeholder="科室" options={officeOptions} style={{ width: 140 }} /></Form.Item>
      <Form.Item name="uscc"><Input allowClear placeholder="机构统一社会信用代码" style={{ width: 200 }} /></Form.Item>
      <Form.Item name="severity">
        <Select allowClear placeholder="失信程度" style={{ width: 110 }} options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="dueBefore"><DatePicker placeholder="期限早于" style={{ width: 130 }} /></Form.Item>
      <Form.Item name="overdue" valuePropName="checked"><Checkbox>只看逾期</Checkbox></Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">查询</Button>
        <Button onClick={() => { form.resetFields(); apply({}); }}>重置</Button>
      </Space>
    </Form>
  );
}
