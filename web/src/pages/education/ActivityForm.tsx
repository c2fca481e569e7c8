import { Alert, App, AutoComplete, Button, DatePicker, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import { InstitutionSelect } from '../../components/InstitutionSelect';
import { UploadField } from '../../components/UploadField';
import { applyApiErrors } from '../../lib/formErrors';
import { THEMES } from './terms';

export interface ActivityValues {
  uscc?: string;
  theme: string;
  date: Dayjs;
  participants: number;
  description?: string;
  evidenceFileIds?: string[];
}

export const activityRules = {
  theme: [{ required: true, whitespace: true, message: '请填写活动主题' }, { max: 100, message: '主题不能超过 100 个字' }],
  date: [{ required: true, message: '请选择活动日期' }],
  participants: [{ required: true, message: '请填写参加人数' }, { type: 'number' as const, min: 1, max: 100000, message: '参加人数应为 1–100000' }],
};

/** 诚信教育活动: a school records theme, date, participants and evidence; staff may record for a school. */
export function ActivityForm({ uscc, onDone }: { uscc: string | null; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ActivityValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: ActivityValues) => {
    setBusy(true);
    setError(null);
    try {
      await post('/integrity-education/activities', {
        uscc: uscc ?? v.uscc, theme: v.theme.trim(), date: v.date.format('YYYY-MM-DD'), participants: v.participants,
        description: v.description?.trim() || undefined, evidenceFileIds: v.evidenceFileIds ?? [],
      });
      message.success('活动已记录');
      form.resetFields();
      onDone();
    } catch (e) {
      applyApiErrors(form, e);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 720 }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {!uscc && <Form.Item name="uscc" label="学校" rules={[{ required: true, message: '请选择学校' }]}><InstitutionSelect /></Form.Item>}
      <Form.Item name="theme" label="活动主题" rules={activityRules.theme}>
        <AutoComplete options={THEMES.map((t) => ({ value: t }))} placeholder="如 诚信主题班会" />
      </Form.Item>
      <Form.Item name="date" label="活动日期" rules={activityRules.date}><DatePicker /></Form.Item>
      <Form.Item name="participants" label="参加人数" rules={activityRules.participants}><InputNumber addonAfter="人" /></Form.Item>
      <Form.Item name="description" label="活动简介"><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      {/* evidence is uploaded by the school itself (POST /api/portal/uploads is for institution accounts) */}
      {uscc && <Form.Item name="evidenceFileIds" label="佐证材料（照片、签到表等）"><UploadField /></Form.Item>}
      <Button type="primary" htmlType="submit" loading={busy}>保存活动</Button>
    </Form>
  );
}
