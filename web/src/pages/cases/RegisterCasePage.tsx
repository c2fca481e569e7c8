import { Alert, App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { get, post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { Catalogue, CaseView } from '../../api/types';
import { InstitutionSelect } from '../../components/InstitutionSelect';
import { applyApiErrors } from '../../lib/formErrors';
import { CASE_SOURCES, severityLabel } from '../../lib/labels';
import { useAsync } from '../../lib/useAsync';

export interface LeadValues {
  uscc: string;
  behaviourCode: string;
  source: string;
  facts: string;
}

export const leadRules = {
  uscc: [{ required: true, message: '请选择机构' }],
  behaviourCode: [{ required: true, message: '请选择失信行为' }],
  source: [{ required: true, message: '请选择线索来源' }],
  facts: [
    { required: true, whitespace: true, message: '请填写违法失信事实' },
    { min: 10, message: '事实描述至少 10 个字' },
    { max: 5000, message: '事实描述不能超过 5000 个字' },
  ],
};

/** 线索登记: institution, catalogue item, facts, source → a new case and its first task. */
export default function RegisterCasePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<LeadValues>();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const catalogue = useAsync(() => get<Catalogue>('/catalogue'), []);

  const submit = async (v: LeadValues) => {
    setBusy(true);
    setError(null);
    try {
      const c = await post<CaseView>('/cases', { ...v, facts: v.facts.trim() });
      message.success(`已登记，案件编号 ${c.caseNo}`);
      void navigate(`/cases/${c.caseNo}`);
    } catch (e) {
      applyApiErrors(form, e);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={2} className="page-title">登记线索</Typography.Title>
      <Card style={{ maxWidth: 820 }}>
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ source: 'inspection', uscc: params.get('uscc') ?? undefined }}>
          <Form.Item name="uscc" label="被登记机构" rules={leadRules.uscc}>
            <InstitutionSelect />
          </Form.Item>
          <Form.Item name="behaviourCode" label={`失信行为（${catalogue.data?.title ?? '失信行为清单'}）`} rules={leadRules.behaviourCode}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={catalogue.loading}
              options={(catalogue.data?.items ?? []).map((i) => ({ value: i.code, label: `${i.title}（默认${severityLabel(i.severity)}）` }))}
            />
          </Form.Item>
          <Form.Item name="source" label="线索来源" rules={leadRules.source}>
            <Select options={CASE_SOURCES} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="facts" label="违法失信事实" rules={leadRules.facts}>
            <Input.TextArea rows={5} maxLength={5000} showCount placeholder="时间、地点、经过、证据等" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>登记并开始调查</Button>
        </Form>
      </Card>
    </>
  );
}
