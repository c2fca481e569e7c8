import { Form, Select } from 'antd';
import { DEPARTMENT_SUGGESTIONS, MEASURE_SUGGESTIONS } from './options';

export function MeasuresField({ required }: { required?: boolean }) {
  return (
    <Form.Item
      name="measures"
      label={required ? '联合惩戒措施' : '拟采取的措施'}
      rules={required ? [{ required: true, type: 'array', min: 1, message: '请列明联合惩戒措施' }] : []}
    >
      <Select mode="tags" options={MEASURE_SUGGESTIONS.map((m) => ({ value: m }))} placeholder="选择或输入措施" />
    </Form.Item>
  );
}

/**
 * The measures and the member departments to notify. An industry ban (行业禁入) is not ordered here: it is a penalty
 * of its own, with notice, hearing and a second person's decision (行业禁入 page, docs/industry-bans.md).
 */
export function SanctionFields() {
  return (
    <>
      <MeasuresField required />
      <Form.Item name="departments" label="通知成员单位">
        <Select mode="tags" options={DEPARTMENT_SUGGESTIONS.map((d) => ({ value: d }))} placeholder="选择或输入部门" />
      </Form.Item>
    </>
  );
}
