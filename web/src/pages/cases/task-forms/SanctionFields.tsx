import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { isValidIdNumber } from '../../../lib/validators';
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

/** 行业禁入: named persons and a period of 1–10 years; the ID number is sealed by the API and shown masked after. */
export function SanctionFields() {
  return (
    <>
      <MeasuresField required />
      <Form.Item name="departments" label="通知成员单位">
        <Select mode="tags" options={DEPARTMENT_SUGGESTIONS.map((d) => ({ value: d }))} placeholder="选择或输入部门" />
      </Form.Item>
      <Form.List name="bans">
        {(fields, { add, remove }) => (
          <Form.Item label="行业禁入人员">
            {fields.map(({ key, name }) => (
              <Space key={key} align="baseline" wrap>
                <Form.Item name={[name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                  <Input placeholder="姓名" style={{ width: 110 }} />
                </Form.Item>
                <Form.Item
                  name={[name, 'idNumber']}
                  rules={[{ required: true, message: '请填写身份证号' }, { validator: (_, v) => (!v || isValidIdNumber(v) ? Promise.resolve() : Promise.reject(new Error('身份证号不正确，请核对'))) }]}
                >
                  <Input placeholder="身份证号" style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[name, 'years']} rules={[{ required: true, type: 'number', min: 1, max: 10, message: '禁入期限应为 1–10 年' }]}>
                  <InputNumber placeholder="年限" addonAfter="年" style={{ width: 110 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(name)} aria-label="删除此人" />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ years: 3 })}>添加禁入人员</Button>
          </Form.Item>
        )}
      </Form.List>
    </>
  );
}
