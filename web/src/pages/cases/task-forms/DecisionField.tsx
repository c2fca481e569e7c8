import { Form, Radio } from 'antd';
import { DECISIONS } from './options';

export function DecisionField({ kind }: { kind: string }) {
  const options = DECISIONS[kind];
  if (!options) return null;
  return (
    <Form.Item name="decision" label="办理结论" rules={[{ required: true, message: '请选择办理结论' }]}>
      <Radio.Group optionType="button" buttonStyle="solid" options={options.map(({ value, label }) => ({ value, label }))} />
    </Form.Item>
  );
}
