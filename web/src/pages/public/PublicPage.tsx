import { Alert, Card, Descriptions, Input, List, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { get } from '../../api/client';
import { describeError } from '../../api/errors';
import type { PublicInstitution, PublicInstitutionHits } from '../../api/types';
import { formatDate } from '../../lib/dates';
import { severityLabel } from '../../lib/labels';
import { useBureauName } from '../../lib/lookups';
import { InspectionsSection } from './InspectionsSection';

type Hit = PublicInstitutionHits['items'][number];
type PublicRecord = PublicInstitution['records'][number];

const LABELS: Record<string, string> = {
  decisionNo: '决定书文号', documentNo: '文书号', violationType: '违法行为类型', penaltyCategory: '处罚类别', content: '内容',
  legalRepName: '法定代表人', legalRepIdMasked: '法定代表人身份证号', authorityName: '决定机关', licenceNo: '许可编号',
  fineAmount: '罚款金额（万元）', basis: '依据', facts: '事实', confiscatedAmount: '没收违法所得（万元）', documentName: '文书名称',
  certificateName: '许可证书名称', measures: '惩戒措施', departments: '实施部门', validUntil: '有效期至',
};

function content(c: Record<string, unknown>) {
  const entries = Object.entries(c).filter(([k, v]) => LABELS[k] && v !== null && v !== '');
  return (
    <Descriptions size="small" column={1}>
      {entries.map(([k, v]) => <Descriptions.Item key={k} label={LABELS[k]}>{Array.isArray(v) ? v.join('、') : String(v)}</Descriptions.Item>)}
    </Descriptions>
  );
}

/** 公众查询 (no login): search by name or USCC; only records in publication, personal data masked by the API. */
export default function PublicPage() {
  const bureau = useBureauName();
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [detail, setDetail] = useState<PublicInstitution | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const run = async <T,>(fn: () => Promise<T>, then: (v: T) => void) => {
    setLoading(true);
    setError(null);
    try { then(await fn()); } catch (e) { setError(describeError(e)); } finally { setLoading(false); }
  };
  const search = (q: string) => {
    if (q.trim().length < 2) return setError('请输入至少 2 个字的机构名称或统一社会信用代码');
    setDetail(null);
    void run(() => get<PublicInstitutionHits>('/public/institutions', { q: q.trim() }), (r) => setHits(r.items));
  };
  const open = (uscc: string) => run(() => get<PublicInstitution>(`/public/institutions/${uscc}`), setDetail);
  return (
    <div style={{ maxWidth: 1000, margin: '0 auto', padding: 24 }}>
      <Typography.Title level={2}>教育机构信用信息公示查询</Typography.Title>
      <Typography.Paragraph type="secondary">{bureau ? `${bureau} · ` : ''}仅显示公示期内的信息，个人信息已脱敏。<Link to="/login" style={{ marginLeft: 12 }}>工作人员登录</Link></Typography.Paragraph>
      <Input.Search placeholder="机构名称或 18 位统一社会信用代码" enterButton="查询" size="large" onSearch={search} loading={loading} aria-label="查询机构" />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} role="alert" />}
      {hits && !detail && (
        <List style={{ marginTop: 16 }} bordered dataSource={hits} locale={{ emptyText: '没有找到符合条件的机构' }}
          renderItem={(h) => (
            <List.Item actions={[<a key="v" onClick={() => open(h.uscc)}>查看</a>]}>
              <List.Item.Meta title={<a onClick={() => open(h.uscc)}>{h.name}</a>} description={`${h.uscc} · ${h.typeLabel}`} />
              {h.recordsInPublication ? <Tag color="red">公示中 {h.recordsInPublication} 条</Tag> : <Tag color="green">无公示中的失信信息</Tag>}
            </List.Item>
          )} />
      )}
      {detail && (
        <Card style={{ marginTop: 16 }} title={detail.name} extra={<a onClick={() => setDetail(null)}>返回结果</a>}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label="统一社会信用代码">{detail.uscc}</Descriptions.Item>
            <Descriptions.Item label="机构类型">{detail.typeLabel}</Descriptions.Item>
            <Descriptions.Item label="公示状态" span={2}><span data-testid="public-status">{detail.creditStatus}</span></Descriptions.Item>
          </Descriptions>
          <Table<PublicRecord> rowKey="id" size="small" dataSource={detail.records} pagination={false} style={{ marginTop: 12 }}
            locale={{ emptyText: '没有公示中的记录' }}
            expandable={{ expandedRowRender: (r) => content(r.content), rowExpandable: (r) => Object.keys(r.content).length > 0 }}
            columns={[
              { title: '类别', dataIndex: 'kindLabel' }, { title: '事项', dataIndex: 'title' },
              { title: '程度', dataIndex: 'severity', render: (s: string | null) => severityLabel(s) || '—' },
              { title: '决定日期', dataIndex: 'decisionDate', render: formatDate },
              { title: '公示截止', dataIndex: 'publicityUntil', render: (d: string | null) => (d ? formatDate(d) : '—') },
            ]} />
        </Card>
      )}
      <InspectionsSection />
    </div>
  );
}
