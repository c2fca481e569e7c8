import { Alert, App, Button, Col, Collapse, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, post } from '../../api/client';
import { describeError } from '../../api/errors';
import { applyApiErrors } from '../../lib/formErrors';
import { useBureauName } from '../../lib/lookups';
import { isValidIdNumber, usccRule } from '../../lib/validators';
import { ClassificationPanel } from './ClassificationPanel';
import { BUREAU_DEFAULTS, type FieldDef } from './fields';
import type { Finding, PublicityDecision } from './types';

function input(f: FieldDef) {
  switch (f.type) {
    case 'textarea': return <Input.TextArea rows={2} maxLength={f.key === 'facts' ? 5000 : 2000} />;
    case 'date': return <DatePicker style={{ width: '100%' }} />;
    // the unit is in the label (罚款金额（万元）): InputNumber's addonAfter is deprecated and warns on every render
    case 'amount': return <InputNumber min={0} step={0.01} style={{ width: '100%' }} />;
    case 'choice': return <Select options={f.options ? [...f.options] : f.choices!.map((c) => ({ value: c, label: c }))} />;
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

/** The parts of the public text (公示文本) a clerk may word differently from the decision, per kind. */
const PUBLIC_TEXT: Record<'penalty' | 'licence', { key: string; label: string }[]> = {
  penalty: [{ key: 'facts', label: '公示的违法事实' }, { key: 'basis', label: '公示的处罚依据' }, { key: 'content', label: '公示的处罚内容' }],
  licence: [{ key: 'content', label: '公示的许可内容' }],
};

function saved(d: PublicityDecision): string {
  if (d.status === 'recorded') return '已登记：不予公示（轻微失信），已归档并报送市级平台';
  if (d.status === 'published') return '已登记并公示';
  return '已登记，公示文本待审核人审核后公示';
}

/**
 * A 双公示 decision form from its field list; dates go out as YYYY-MM-DD, messages come back under each field. A
 * penalty shows its class and periods before saving; its public text is checked for personal data as it is typed.
 */
export function DecisionForm({ fields, endpoint, title, kind = 'penalty' }: { fields: FieldDef[]; endpoint: string; title: string; kind?: 'penalty' | 'licence' }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<Finding[]>([]);
  const [busy, setBusy] = useState(false);
  const bureau = useBureauName();
  // the name arrives after the form mounted: fill it in unless the clerk has already typed one
  useEffect(() => {
    if (!bureau) return;
    // setFieldsValue, not setFieldValue: the latter logs a false "circular references" warning (ant-design#53795)
    for (const key of ['authorityName', 'sourceUnitName']) if (!form.getFieldValue(key)) form.setFieldsValue({ [key]: bureau });
  }, [bureau, form]);
  const submit = async (values: Record<string, unknown>) => {
    const body: Record<string, unknown> = {};
    for (const key of [...fields.map((f) => f.key), 'raiseClassTo', 'raiseReason', 'minorPublicationReason']) {
      const f = fields.find((x) => x.key === key);
      const v = values[key];
      if (v === undefined || v === null || v === '') continue;
      body[key] = f?.type === 'date' ? (v as Dayjs).format('YYYY-MM-DD') : typeof v === 'string' ? v.trim() : v;
    }
    const reworded = Object.fromEntries(Object.entries((values.publicText ?? {}) as Record<string, string>).filter(([, v]) => v?.trim()));
    if (Object.keys(reworded).length) body.publicText = reworded;
    body.publish = values.publish !== false;
    setBusy(true);
    setError(null);
    setRefused([]);
    try {
      message.success(saved(await post<PublicityDecision>(endpoint, body)));
      form.resetFields();
    } catch (e) {
      applyApiErrors(form, e);
      if (e instanceof ApiError && e.code === 'PERSONAL_DATA_IN_PUBLIC_TEXT') setRefused((e.details?.fields ?? []) as Finding[]);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ ...BUREAU_DEFAULTS, authorityName: bureau || undefined, sourceUnitName: bureau || undefined, publish: true }} scrollToFirstError>
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
      <Collapse style={{ marginBottom: 16 }} items={[{
        key: 'text', label: '公示文本（与决定书措辞不同时填写，例如删去个人信息；须经审核人审核后公示）',
        children: PUBLIC_TEXT[kind].map((t) => (
          <Form.Item key={t.key} name={['publicText', t.key]} label={t.label}><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
        )),
      }]} />
      {kind === 'penalty' && <ClassificationPanel refused={refused} />}
      <Form.Item name="publish" label="审核通过后立即公示" valuePropName="checked"><Switch /></Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>登记{title}</Button>
    </Form>
  );
}
