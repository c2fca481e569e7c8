import { Alert, Button, DatePicker, Form, Input, Radio, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { CounterIntake, CreditRecord } from '../../api/types';
import { UploadField } from '../../components/UploadField';
import { beijingToday, formatDate } from '../../lib/dates';
import { applyApiErrors } from '../../lib/formErrors';

interface Values {
  kind: 'objection' | 'statement';
  recordId?: string;
  channel: 'counter' | 'post';
  content: string;
  servedOn?: Dayjs;
  receivedOn: Dayjs;
  materialIds?: string[];
}

const FIELDS = ['kind', 'recordId', 'channel', 'content', 'servedOn', 'receivedOn', 'materialIds'];
const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');
const afterToday = (d: Dayjs) => day(d)! > beijingToday();

/** What the API decided of an objection entered just now: late or in time, and the deadlines of its review. */
export function IntakeOutcome({ intake }: { intake: CounterIntake }) {
  if (intake.kind !== 'objection') return <Alert type="success" showIcon message="已登记陈述、申辩材料，随卷保存" />;
  return (
    <Alert type={intake.late ? 'warning' : 'success'} showIcon data-testid="intake-outcome"
      message={(
        <Space wrap>
          已登记异议
          {intake.late ? <Tag color="red">逾期提出</Tag> : <Tag color="green">在异议期内</Tag>}
          {intake.acceptDue && <span>{`受理期限 ${formatDate(intake.acceptDue)}`}</span>}
          {intake.answerDue && <span>{`答复期限 ${formatDate(intake.answerDue)}`}</span>}
        </Space>
      )}
      description={intake.late ? intake.lateBasis : intake.objectionDue && `异议期至 ${formatDate(intake.objectionDue)}`} />
  );
}

/**
 * 窗口登记 of a natural person's objection or statement handed in on paper. The periods count from the day the person
 * was served (送达回证 or postal receipt) and the day the paper was received, not the day it is typed in; a late
 * objection is still entered, and the API records it as late. Conditional rules read the other fields when they run
 * (a watched value may lag the keystroke that submits the form).
 */
export function CounterIntakeForm({ subjectId, records, onDone }: { subjectId: string; records: CreditRecord[]; onDone: (i: CounterIntake) => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [entered, setEntered] = useState<CounterIntake | null>(null);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    setEntered(null);
    try {
      const created = await post<CounterIntake>(`/subjects/${subjectId}/intakes`, {
        kind: v.kind, channel: v.channel, content: v.content, receivedOn: day(v.receivedOn),
        ...(v.recordId ? { recordId: v.recordId } : {}),
        ...(v.kind === 'objection' && v.servedOn ? { servedOn: day(v.servedOn) } : {}),
        ...(v.materialIds?.length ? { materialIds: v.materialIds } : {}),
      });
      setEntered(created);
      form.resetFields();
      onDone(created);
    } catch (e) {
      const loose = applyApiErrors(form, e, FIELDS);
      setError(loose.length ? loose.join('；') : describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const isObjection = (get: (n: string) => unknown) => get('kind') === 'objection';
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ channel: 'counter' }} data-testid="counter-intake-form" style={{ maxWidth: 720 }}>
      {entered && <div style={{ marginBottom: 12 }}><IntakeOutcome intake={entered} /></div>}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="kind" label="材料类别" rules={[{ required: true, message: '请选择材料类别' }]}>
        <Radio.Group options={[{ value: 'objection', label: '异议' }, { value: 'statement', label: '陈述、申辩' }]} />
      </Form.Item>
      <Form.Item name="recordId" label="所针对的信用记录" dependencies={['kind']}
        rules={[({ getFieldValue }) => ({ required: isObjection(getFieldValue), message: '异议须选择所针对的信用记录' })]}>
        <Select allowClear placeholder={records.length ? '选择信用记录' : '该自然人暂无信用记录'}
          options={records.map((r) => ({ value: r.id, label: `${r.title}（${formatDate(r.decisionDate)}）` }))} />
      </Form.Item>
      <Form.Item name="channel" label="递交方式" rules={[{ required: true, message: '请选择递交方式' }]}>
        <Radio.Group options={[{ value: 'counter', label: '窗口递交' }, { value: 'post', label: '邮寄' }]} />
      </Form.Item>
      <Form.Item name="content" label="内容摘要" rules={[{ required: true, whitespace: true, message: '请填写异议理由或陈述要点' }, { min: 2, message: '内容至少 2 个字' }]}>
        <Input.TextArea rows={3} maxLength={5000} showCount />
      </Form.Item>
      <Space wrap align="start" size="large">
        <Form.Item name="servedOn" label="送达日期" dependencies={['kind', 'receivedOn']} extra="决定或告知书送达本人的日期（送达回证、邮寄回执）；异议期自送达次日起算"
          rules={[({ getFieldValue }) => ({ required: isObjection(getFieldValue), message: '异议须填写送达日期' }),
            ({ getFieldValue }) => ({ validator: (_, v?: Dayjs) => {
              const received = day(getFieldValue('receivedOn') as Dayjs | undefined);
              return v && received && day(v)! > received ? Promise.reject(new Error('送达日期不能晚于收到日期')) : Promise.resolve();
            } })]}>
          <DatePicker disabledDate={afterToday} />
        </Form.Item>
        <Form.Item name="receivedOn" label="收到日期" extra="窗口收到或邮件签收的日期，不是录入日期"
          rules={[{ required: true, message: '请选择收到日期' },
            { validator: (_, v?: Dayjs) => (v && afterToday(v) ? Promise.reject(new Error('收到日期不能晚于今天')) : Promise.resolve()) }]}>
          <DatePicker disabledDate={afterToday} />
        </Form.Item>
      </Space>
      <Form.Item name="materialIds" label="扫描件" extra="纸质材料、送达回证或邮寄回执的扫描件">
        <UploadField endpoint={`/subjects/${subjectId}/uploads`} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>登记</Button>
    </Form>
  );
}
