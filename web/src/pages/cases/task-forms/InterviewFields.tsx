import { DatePicker, Form, Input, Radio, Select } from 'antd';

/** The plan's 提示性约谈 **or** 警示性约谈, or none with a reason (workflows/task-rules.ts checks the same). */
export const INTERVIEW_CHOICE_OPTIONS = [
  { value: 'reminder', label: '提示性约谈' },
  { value: 'warning', label: '警示性约谈' },
  { value: 'none', label: '不约谈' },
];

/** The officer's proposal after a missed or failed rectification; the approver agrees or returns it. */
export function ProposeInterviewFields() {
  const choice = Form.useWatch('interviewKind', Form.useFormInstance());
  return (
    <>
      <Form.Item name="interviewKind" label="拟约谈方式" rules={[{ required: true, message: '请选择提示性约谈、警示性约谈或不约谈' }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={INTERVIEW_CHOICE_OPTIONS} />
      </Form.Item>
      {choice === 'none' && (
        <Form.Item name="reason" label="不约谈的理由" rules={[{ required: true, whitespace: true, message: '不约谈须写明理由' }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      )}
    </>
  );
}

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
