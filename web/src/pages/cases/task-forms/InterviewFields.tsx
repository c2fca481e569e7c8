import { DatePicker, Form, Input, Select } from 'antd';

const attendeesRule = { required: true, type: 'array' as const, min: 1, message: '请填写参加约谈的人员' };

export function ScheduleInterviewFields() {
  return (
    <>
      <Form.Item name="scheduledAt" label="约谈时间" rules={[{ required: true, message: '请填写约谈时间' }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY年M月D日 HH:mm" style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="place" label="约谈地点" rules={[{ required: true, whitespace: true, message: '请填写约谈地点' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="attendees" label="参加人员" rules={[attendeesRule]} extra="输入姓名后按回车，可填多人">
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
      </Form.Item>
    </>
  );
}

export function RecordInterviewFields() {
  return (
    <>
      <Form.Item name="attendees" label="实际到场人员" rules={[{ ...attendeesRule, message: '请填写实际到场人员' }]}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Form.Item name="minutes" label="约谈记录" rules={[{ required: true, whitespace: true, message: '请填写约谈记录' }]}>
        <Input.TextArea rows={5} maxLength={5000} showCount />
      </Form.Item>
    </>
  );
}
