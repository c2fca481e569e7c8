import { Alert, Button, Form, Input, Radio, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { post } from '../../../api/client';
import { describeError } from '../../../api/errors';
import type { CaseTask } from '../../../api/types';
import { SEVERITY_LABELS } from '../../../lib/labels';
import { applyApiErrors } from '../../../lib/formErrors';
import { DecisionField } from './DecisionField';
import { ProposeInterviewFields, RecordInterviewFields, ScheduleInterviewFields } from './InterviewFields';
import { DECISIONS, SUMMARY_LABELS } from './options';
import { MeasuresField, SanctionFields } from './SanctionFields';

interface Values {
  summary: string;
  severity?: string;
  decision?: string;
  measures?: string[];
  scheduledAt?: Dayjs;
  place?: string;
  attendees?: string[];
  minutes?: string;
  basis?: string;
  interviewKind?: string;
  reason?: string;
}

const KNOWN = ['summary', 'severity', 'decision', 'measures', 'scheduledAt', 'place', 'attendees', 'minutes', 'basis', 'interviewKind', 'reason'];

/** The outcome body POST /api/tasks/:id/complete takes, from what the form holds. */
export function toOutcome(v: Values): Record<string, unknown> {
  const o: Record<string, unknown> = { summary: v.summary?.trim() };
  if (v.severity) o.severity = v.severity;
  if (v.decision) o.decision = v.decision;
  if (v.measures?.length) o.measures = v.measures;
  if (v.scheduledAt) o.scheduledAt = v.scheduledAt.toISOString();
  if (v.place) o.place = v.place.trim();
  if (v.attendees?.length) o.attendees = v.attendees;
  if (v.minutes) o.minutes = v.minutes.trim();
  if (v.basis) o.basis = v.basis.trim();
  if (v.interviewKind) o.interviewKind = v.interviewKind;
  if (v.interviewKind === 'none' && v.reason) o.reason = v.reason.trim();
  return o;
}

function KindFields({ kind }: { kind: string }) {
  switch (kind) {
    case 'investigate':
      return (
        <>
          <Form.Item name="severity" label="拟认定失信程度" rules={[{ required: true, message: '请选择拟认定的失信程度' }]}>
            <Radio.Group options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <MeasuresField />
        </>
      );
    case 'decide-objection':
      return (
        <>
          <DecisionField kind={kind} />
          <Form.Item name="severity" label="调整后的失信程度" extra="异议部分成立时可降低程度；不调整请留空">
            <Radio.Group options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </>
      );
    case 'propose-interview':
      return <ProposeInterviewFields />;
    case 'schedule-interview':
      return <ScheduleInterviewFields />;
    case 'record-interview':
      return <RecordInterviewFields />;
    case 'confirm-sanction':
      return <SanctionFields />;
    case 'propose-listing':
      return (
        <>
          <DecisionField kind={kind} />
          <Form.Item name="basis" label="列入依据（提请列入时必填）" extra="法律、法规、规章或国家政策文件的具体条款">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      );
    default:
      return <DecisionField kind={kind} />;
  }
}

/** One form per task kind; client rules catch the obvious, the API's messages land under their fields. */
export function TaskForm({ task, onDone, submit = (body) => post(`/tasks/${task.id}/complete`, body) }: {
  task: Pick<CaseTask, 'id' | 'kind'>;
  onDone?: () => void;
  submit?: (body: Record<string, unknown>) => Promise<unknown>;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decision = Form.useWatch('decision', form);
  const needsReason = DECISIONS[task.kind]?.find((d) => d.value === decision)?.needsReason;

  const finish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await submit(toOutcome(v));
      form.resetFields();
      onDone?.();
    } catch (e) {
      const loose = applyApiErrors(form, e, KNOWN);
      setError([describeError(e), ...loose.filter((m) => m !== describeError(e))].join('；'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={finish} data-testid={`task-form-${task.kind}`} scrollToFirstError>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <KindFields kind={task.kind} />
      <Form.Item
        name="summary"
        label={needsReason ? '理由（必填，将告知经办人或机构）' : (SUMMARY_LABELS[task.kind] ?? '办理意见')}
        extra={task.kind === 'investigate' ? '审核同意后，即为认定事实：写入告知书、决定书，并据此起草公示文本' : undefined}
        rules={[
          { required: true, whitespace: true, message: needsReason ? '请写明理由' : '请填写办理意见' },
          { max: 2000, message: '办理意见不能超过 2000 个字符' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>提交</Button>
      </Space>
    </Form>
  );
}
