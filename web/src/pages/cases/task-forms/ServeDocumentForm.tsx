import { Alert, Button, DatePicker, Form, Input, Radio, Select, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { get, post } from '../../../api/client';
import { describeError } from '../../../api/errors';
import type { CaseDocument } from '../../../api/types';
import { applyApiErrors } from '../../../lib/formErrors';

/** Documents the case sends to member departments, or that service itself makes: never served on the institution. */
const NOT_SERVED_ON_SUBJECT = new Set(['sanction-letter', 'sanction-lifting-letter', 'service-receipt']);

const METHODS = [
  { value: 'direct', label: '直接送达' }, { value: 'postal', label: '邮寄送达' },
  { value: 'left', label: '留置送达' }, { value: 'public_notice', label: '公告送达' },
];

interface Values {
  documentId: string;
  method: string;
  servedOn?: Dayjs;
  recipient?: string;
  servers?: string[];
  trackingNo?: string;
  witness?: string;
  announcedOn?: Dayjs;
  announcedIn?: string;
}

/** The body POST /api/documents/:id/service takes, from what the form holds. */
export function toServiceBody(v: Values): Record<string, unknown> {
  const date = (d?: Dayjs) => d?.format('YYYY-MM-DD');
  const body: Record<string, unknown> = { method: v.method };
  if (v.method === 'public_notice') return { ...body, announcedOn: date(v.announcedOn), announcedIn: v.announcedIn?.trim() };
  body.servedOn = date(v.servedOn);
  if (v.method === 'postal') body.trackingNo = v.trackingNo?.trim();
  if (v.method === 'direct' || v.method === 'left') body.servers = v.servers;
  if (v.method === 'direct') body.recipient = v.recipient?.trim();
  if (v.method === 'left') body.witness = v.witness?.trim();
  return body;
}

/**
 * 「送达文书」: the officer records how and when a document of the case was served on paper. The record signals the
 * case, which closes this task and counts the institution's deadline from the day after the service date.
 */
export function ServeDocumentForm({ caseNo, onDone }: { caseNo: string; onDone?: () => void }) {
  const [form] = Form.useForm<Values>();
  const [docs, setDocs] = useState<CaseDocument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const method = Form.useWatch('method', form);

  useEffect(() => {
    get<CaseDocument[]>(`/cases/${encodeURIComponent(caseNo)}/documents`)
      .then((all) => setDocs(all.filter((d) => d.status === 'issued' && !d.servedOn && !NOT_SERVED_ON_SUBJECT.has(d.kind))))
      .catch((e: unknown) => setError(describeError(e)));
  }, [caseNo]);

  const finish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await post(`/documents/${v.documentId}/service`, toServiceBody(v));
      form.resetFields();
      onDone?.();
    } catch (e) {
      applyApiErrors(form, e, ['servedOn', 'recipient', 'servers', 'trackingNo', 'witness', 'announcedOn', 'announcedIn']);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  if (!docs && !error) return <Spin />;
  return (
    <Form form={form} layout="vertical" onFinish={finish} data-testid="task-form-serve-document" initialValues={{ method: 'direct', documentId: docs?.[0]?.id }}>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form.Item name="documentId" label="送达的文书" rules={[{ required: true, message: '请选择送达的文书' }]}>
        <Select options={(docs ?? []).map((d) => ({ value: d.id, label: `${d.title}（${d.docNo}）` }))} />
      </Form.Item>
      <Form.Item name="method" label="送达方式" rules={[{ required: true, message: '请选择送达方式' }]}>
        <Radio.Group options={METHODS} />
      </Form.Item>
      {method === 'public_notice' ? (
        <>
          <Form.Item name="announcedOn" label="公告日期" rules={[{ required: true, message: '请选择公告日期' }]} extra="自公告之日起满三十日视为送达">
            <DatePicker />
          </Form.Item>
          <Form.Item name="announcedIn" label="公告载体" rules={[{ required: true, whitespace: true, message: '请填写公告载体' }]}>
            <Input maxLength={200} placeholder="如本局网站或报纸名称" />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="servedOn" label="送达日期" rules={[{ required: true, message: '请选择送达日期' }]} extra="机构的期限自送达之次日起计算">
          <DatePicker />
        </Form.Item>
      )}
      {method === 'postal' && (
        <Form.Item name="trackingNo" label="邮件号码" rules={[{ required: true, whitespace: true, message: '请填写邮件号码' }]}>
          <Input maxLength={100} />
        </Form.Item>
      )}
      {(method === 'direct' || method === 'left') && (
        <Form.Item name="servers" label="送达人" rules={[{ required: true, type: 'array', min: 1, message: '请填写送达人' }]} extra="输入姓名后按回车，可填多人">
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
      )}
      {method === 'direct' && (
        <Form.Item name="recipient" label="签收人" rules={[{ required: true, whitespace: true, message: '请填写签收人' }]}>
          <Input maxLength={100} />
        </Form.Item>
      )}
      {method === 'left' && (
        <Form.Item name="witness" label="见证人" rules={[{ required: true, whitespace: true, message: '请填写见证人' }]}>
          <Input maxLength={100} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={busy} disabled={!docs?.length}>登记送达</Button>
    </Form>
  );
}
