import { Alert, App, Button, Form, Input, Modal, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, put } from '../../api/client';
import { describeError } from '../../api/errors';
import { personalDataLabel } from '../../components/MarkedText';
import { applyApiErrors } from '../../lib/formErrors';
import { useAsync } from '../../lib/useAsync';
import { CLASS_COLORS, TEXT_FIELD_LABELS, type ClassName, type Finding } from './types';

interface Change {
  id: string; recordId: string; institutionName: string; kind: string; title: string; decisionDate: string; action: string;
  fromClass: ClassName; toClass: ClassName; previousPublicityUntil: string | null; publicityUntil: string | null; reasons: string[];
  platformState: string | null;
}
interface Withheld { recordId: string; institutionName: string; kind: string; title: string; decisionDate: string; findings: Finding[] }
interface Report { basis: string; withdrawn: number; cut: number; reclassified: number; changes: Change[]; withheld: Withheld[] }

const ACTIONS: Record<string, string> = { withdrawn: '撤下公示', cut: '缩短公示期', reclassified: '仅改分类' };
const CLASS: Record<ClassName, string> = { minor: '轻微', general: '一般', serious: '严重' };
const TEXT_KEYS: Record<string, string[]> = { penalty: ['title', 'violationType', 'facts', 'basis', 'content'], licence: ['title', 'documentName', 'certificateName', 'content'] };

/** 36号令过渡处理: what the transition changed, and the records withheld until their public texts are redrafted. */
export function TransitionPanel() {
  const report = useAsync(() => get<Report>('/publicity/transition-report'), []);
  const [editing, setEditing] = useState<Withheld | null>(null);
  const r = report.data;
  return (
    <>
      {report.error ? <Alert type="error" showIcon message={describeError(report.error)} /> : null}
      {r && (
        <>
          <Typography.Paragraph type="secondary">{r.basis}：按分类标准重新分类；轻微失信撤下公示；超过最长公示期的缩短。每项变更都记入信用档案并报送市级平台。</Typography.Paragraph>
          <div style={{ display: 'flex', gap: 48, marginBottom: 16 }}>
            <Statistic title="撤下公示" value={r.withdrawn} /><Statistic title="缩短公示期" value={r.cut} /><Statistic title="仅改分类" value={r.reclassified} />
            <Statistic title="暂停公示待处理" value={r.withheld.length} />
          </div>
          {r.withheld.length > 0 && (
            <Table<Withheld> rowKey="recordId" size="small" title={() => '公示文本含个人信息、暂停公示的记录'} dataSource={r.withheld} pagination={false} style={{ marginBottom: 16 }}
              columns={[
                { title: '机构', dataIndex: 'institutionName' }, { title: '记录', dataIndex: 'title' }, { title: '决定日期', dataIndex: 'decisionDate' },
                { title: '发现', render: (_, w) => [...new Set(w.findings.flatMap((f) => f.spans.map((s) => personalDataLabel(s.kind))))].join('、') },
                { title: '', render: (_, w) => <Button onClick={() => setEditing(w)}>重新起草公示文本</Button> },
              ]} />
          )}
          <Table<Change> rowKey="id" size="small" dataSource={r.changes} loading={report.loading}
            columns={[
              { title: '机构', dataIndex: 'institutionName' }, { title: '记录', dataIndex: 'title' }, { title: '决定日期', dataIndex: 'decisionDate' },
              { title: '处理', dataIndex: 'action', render: (a: string) => ACTIONS[a] ?? a },
              { title: '分类', render: (_, c) => <><Tag color={CLASS_COLORS[c.fromClass]}>{CLASS[c.fromClass]}</Tag>→<Tag color={CLASS_COLORS[c.toClass]}>{CLASS[c.toClass]}</Tag></> },
              { title: '公示截止', render: (_, c) => `${c.previousPublicityUntil ?? '—'} → ${c.publicityUntil ?? '撤下'}` },
              { title: '理由', dataIndex: 'reasons', render: (rs: string[]) => rs.join('；') },
              { title: '报送', dataIndex: 'platformState', render: (s: string | null) => (s === 'delivered' ? '已报送' : s ? '报送中' : '—') },
            ]} />
        </>
      )}
      {editing && <RedraftModal record={editing} onClose={(done) => { setEditing(null); if (done) report.reload(); }} />}
    </>
  );
}

function RedraftModal({ record, onClose }: { record: Withheld; onClose: (done: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const submit = async (fields: Record<string, string>) => {
    try {
      await put(`/publicity/records/${record.recordId}/public-text`, { fields });
      message.success('已提交新的公示文本，待审核人审核');
      onClose(true);
    } catch (e) {
      applyApiErrors(form, e);
      setError(describeError(e));
    }
  };
  return (
    <Modal open title={`重新起草公示文本：${record.title}`} onCancel={() => onClose(false)} onOk={() => form.submit()} okText="提交审核" width={720}>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="原公示文本含有个人信息，已暂停公示" description={record.findings.map((f) => (
        <div key={f.field}>{TEXT_FIELD_LABELS[f.field] ?? f.field}：{f.spans.map((s) => `${personalDataLabel(s.kind)}（${s.masked}）`).join('、')}</div>
      ))} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ title: record.title }}>
        {(TEXT_KEYS[record.kind] ?? ['title']).map((k) => (
          <Form.Item key={k} name={k} label={TEXT_FIELD_LABELS[k] ?? k} rules={k === 'title' ? [{ required: true, message: '请填写标题' }] : []}>
            <Input.TextArea rows={k === 'title' ? 1 : 3} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
