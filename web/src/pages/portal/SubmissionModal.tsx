import { Alert, App, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../lib/dates';
import { describeError } from '../../api/errors';
import { UploadField } from '../../components/UploadField';
import { applyApiErrors } from '../../lib/formErrors';

export type SubmissionKind = 'objection' | 'rectification' | 'repair' | 'statement';
export type SubmissionReceipt = components['schemas']['SubmissionReceiptDto'];

/** The receipt of what was just sent: the newest submission of that kind in the case (GET /portal/submissions). */
async function latestReceipt(caseNo: string, kind: SubmissionKind): Promise<SubmissionReceipt | undefined> {
  const { items } = await get<{ items: SubmissionReceipt[] }>('/portal/submissions', { caseNo });
  return items.find((r) => r.kind === kind);
}

export const REPAIR_ROUTES = [
  { value: 'commitment', label: '签署信用修复承诺书' },
  { value: 'training', label: '参加信用修复培训' },
  { value: 'credit-report', label: '提交信用报告' },
  { value: 'public-welfare', label: '参加公益服务' },
];

const CONFIG: Record<SubmissionKind, { title: string; path: string; textKey: string; textLabel: string; min: number }> = {
  objection: { title: '提出异议', path: 'objection', textKey: 'reason', textLabel: '异议理由', min: 5 },
  rectification: { title: '提交整改报告', path: 'rectification-report', textKey: 'summary', textLabel: '整改情况', min: 5 },
  repair: { title: '申请信用修复', path: 'repair-application', textKey: 'commitment', textLabel: '信用修复承诺', min: 10 },
  // 陈述申辩 against a proposed listing on the serious-dishonesty list (POST /portal/cases/:caseNo/statement)
  statement: { title: '陈述申辩', path: 'statement', textKey: 'reason', textLabel: '陈述申辩意见', min: 5 },
};

export interface SubmissionValues {
  text: string;
  fileIds?: string[];
  routes?: string[];
}

export function submissionRules(kind: SubmissionKind) {
  const c = CONFIG[kind];
  return {
    text: [
      { required: true, whitespace: true, message: `请填写${c.textLabel}` },
      { min: c.min, message: `${c.textLabel}至少 ${c.min} 个字` },
      { max: 5000, message: `${c.textLabel}不能超过 5000 个字` },
    ],
    fileIds: kind === 'objection' || kind === 'statement' ? [] : [{ required: true, type: 'array' as const, min: 1, message: '请上传至少一份证明材料' }],
    routes: [{ required: true, type: 'array' as const, min: 1, message: '请选择至少一种修复途径' }],
  };
}

/** The institution answers a deadline: objection, rectification report, or repair application, with evidence. */
export function SubmissionModal({ kind, caseNo, open, onClose }: { kind: SubmissionKind; caseNo: string; open: boolean; onClose: (sent: boolean) => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<SubmissionValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const c = CONFIG[kind];
  const rules = submissionRules(kind);
  const submit = async (v: SubmissionValues) => {
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = { [c.textKey]: v.text.trim(), fileIds: v.fileIds ?? [] };
    if (kind === 'repair') body.routes = v.routes;
    try {
      await post(`/portal/cases/${caseNo}/${c.path}`, body);
      form.resetFields();
      onClose(true);
      // the receipt is proof of having answered in time: its number and the time the bureau received it
      const receipt = await latestReceipt(caseNo, kind).catch(() => undefined);
      if (receipt) {
        modal.success({
          title: `${c.title}已提交`, okText: '知道了',
          content: <div data-testid="submission-receipt">回执号：<b>{receipt.receiptNo}</b><br />收到时间：{formatDateTime(receipt.submittedAt)}<br />可在“我提交的材料”中随时查看。</div>,
        });
      } else {
        message.success(`${c.title}已提交`);
      }
    } catch (e) {
      applyApiErrors(form, e);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal cancelText="取消" title={`${c.title}（案件 ${caseNo}）`} open={open} onCancel={() => onClose(false)} onOk={() => form.submit()} okText="提交" confirmLoading={busy} width={640} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        {kind === 'repair' && (
          <Form.Item name="routes" label="修复途径" rules={rules.routes}>
            <Checkbox.Group options={REPAIR_ROUTES} />
          </Form.Item>
        )}
        <Form.Item name="text" label={c.textLabel} rules={rules.text}>
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="fileIds" label="证明材料" rules={rules.fileIds}>
          <UploadField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
