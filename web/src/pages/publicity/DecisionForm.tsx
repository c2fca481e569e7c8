import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import { applyApiErrors } from '../../lib/formErrors';
import { isValidIdNumber, usccRule } from '../../lib/validators';
import { BUREAU_DEFAULTS, type FieldDef } from './fields';

function input(f: FieldDef) {
  switch (f.type) {
    case 'textarea': return <Input.TextArea rows={2} maxLength={f.key === 'facts' ? 5000 : 2000} />;
    case 'date': return <DatePicker style={{ width: '100%' }} />;
    case 'amount': return <InputNumber min={0} step={0.01} style={{ width: '100%' }} addonAfter="万元" />;
    case 'choice': return <Select options={f.choices!.map((c) => ({ value: c, label: c }))} />;
    case 'multi': return <Select mode="multiple" options={f.choices!.map((c) => ({ value: c, label: c }))} />;
    default: return <Input maxLength={200} />;
  }
}

function rules(f: FieldDef) {
  const r: object[] = [];
  if (f.required) r.push({ required: true, whitespace: f.type === 'text' || f.type === 'textarea', message: `请填写${f.label}` });
  if (f.requiredWhen) {
    r.push(({ getFieldsValue }: { getFieldsValue: () => Record<string, unknown> }) => ({
      validator: (_: unknown, v: unknown) =>
        f.requiredWhen!(getFieldsValue()) && (v === undefined || v === null) ? Promise.reject(new Error(`请填写${f.label}`)) : Promise.resolve(),
    }));
  }
  if (f.type === 'uscc') r.push(usccRule);
  if (f.type === 'idNumber') r.push({ validator: (_: unknown, v?: string) => (!v || isValidIdNumber(v) ? Promise.resolve() : Promise.reject(new Error('身份证号不正确，请核对'))) });
  return r;
}

/** A 双公示 decision form from its field list; dates go out as YYYY-MM-DD, messages come back under each field. */
export function DecisionForm({ fields, endpoint, title }: { fields: FieldDef[]; endpoint: string; title: string }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    const body: Record<string, unknown> = {};
    for (const f of fields) {
      const v = values[f.key];
      if (v === undefined || v === null || v === '') continue;
      body[f.key] = f.type === 'date' ? (v as Dayjs).format('YYYY-MM-DD') : typeof v === 'string' ? v.trim() : v;
    }
    body.publish = values.publish !== false;
    setBusy(true);
    setError(null);
    try {
      await post(endpoint, body);
      message.success(`${title}已登记${body.publish ? '并公示' : '，待公示'}`);
      form.resetFields();
    } catch (e) {
      applyApiErrors(form, e);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ ...BUREAU_DEFAULTS, publish: true }} scrollToFirstError>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Row gutter={16}>
        {fields.map((f) => (
          <Col key={f.key} xs={24} md={f.span === 2 ? 24 : 12} xl={f.span === 2 ? 24 : 8}>
            <Form.Item name={f.key} label={f.label} rules={rules(f)} dependencies={f.requiredWhen ? ['penaltyCategory'] : undefined}>
              {input(f)}
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item name="publish" label="立即公示" valuePropName="checked"><Switch /></Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>登记{title}</Button>
    </Form>
  );
}
