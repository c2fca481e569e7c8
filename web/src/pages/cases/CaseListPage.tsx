import { Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { get } from '../../api/client';
import type { CasePage, CaseSummary, Stage } from '../../api/types';
import { ErrorAlert, PendingFeature, isMissingEndpoint } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { formatDate } from '../../lib/dates';
import type { SheetColumn } from '../../lib/excel';
import { SEVERITY_COLORS, SEVERITY_LABELS, severityLabel, STAGE_LABELS, stageLabel } from '../../lib/labels';
import { useBehaviours, useOffices } from '../../lib/lookups';
import { useAsync } from '../../lib/useAsync';

export interface CaseFilter { q?: string; stage?: string; severity?: string; officeCode?: string; from?: string; to?: string }
interface FormValues { q?: string; stage?: string; severity?: string; officeCode?: string; dates?: [Dayjs | null, Dayjs | null] | null }

/** The filters in words, for the exported sheet's 筛选条件 row. */
export function describeCaseFilter(f: CaseFilter, officeName: (c: string) => string): string {
  return [
    f.q && `关键词“${f.q}”`, f.stage && `阶段：${stageLabel(f.stage)}`, f.severity && `程度：${severityLabel(f.severity)}`,
    f.officeCode && `科室：${officeName(f.officeCode)}`,
  ].filter(Boolean).join('；');
}

/** Every page of the list for an export (100 a page, the API's maximum), up to 5,000 rows. */
async function allCases(f: CaseFilter): Promise<CaseSummary[]> {
  const out: CaseSummary[] = [];
  for (let page = 1; page <= 50; page++) {
    const r = await get<CasePage>('/cases', { ...f, page, pageSize: 100 });
    out.push(...r.items);
    if (out.length >= r.total || !r.items.length) break;
  }
  return out;
}

/** Look up any case: one box for a name, a USCC or a case number, with dates, stage, severity and office. */
export default function CaseListPage() {
  const [form] = Form.useForm<FormValues>();
  const [filter, setFilter] = useState<CaseFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useAsync(() => get<CasePage>('/cases', { ...filter, ...page }), [JSON.stringify(filter), page.page, page.pageSize]);
  const { options: officeOptions, officeName } = useOffices();
  const { behaviourTitle } = useBehaviours();
  const apply = (v: FormValues) => {
    setFilter({
      q: v.q?.trim() || undefined, stage: v.stage || undefined, severity: v.severity || undefined, officeCode: v.officeCode || undefined,
      from: v.dates?.[0]?.format('YYYY-MM-DD'), to: v.dates?.[1]?.format('YYYY-MM-DD'),
    });
    setPage((p) => ({ ...p, page: 1 }));
  };
  const sheet: SheetColumn<CaseSummary>[] = [
    { header: '案件编号', value: (r) => r.caseNo, width: 18 }, { header: '机构', value: (r) => r.institutionName, width: 36 },
    { header: '统一社会信用代码', value: (r) => r.uscc, width: 22 }, { header: '失信行为', value: (r) => behaviourTitle(r.behaviourCode), width: 30 },
    { header: '阶段', value: (r) => stageLabel(r.stage) }, { header: '程度', value: (r) => severityLabel(r.severity) },
    { header: '科室', value: (r) => officeName(r.officeCode), width: 16 }, { header: '当前等待', value: (r) => r.waitingFor ?? '', width: 40 },
    { header: '登记日期', value: (r) => formatDate(r.registeredAt), width: 16 },
  ];
  return (
    <>
      <Typography.Title level={2} className="page-title">案件查询</Typography.Title>
      <Form form={form} layout="inline" style={{ marginBottom: 12, rowGap: 8 }} onFinish={apply}>
        <Form.Item name="q"><Input allowClear placeholder="机构名称、统一社会信用代码或案件编号" style={{ width: 280 }} data-testid="case-search" /></Form.Item>
        <Form.Item name="dates"><DatePicker.RangePicker placeholder={['登记日期起', '登记日期止']} style={{ width: 250 }} /></Form.Item>
        <Form.Item name="stage"><Select allowClear placeholder="阶段" style={{ width: 130 }} options={Object.entries(STAGE_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
        <Form.Item name="severity"><Select allowClear placeholder="失信程度" style={{ width: 110 }} options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
        <Form.Item name="officeCode"><Select allowClear placeholder="科室" style={{ width: 140 }} options={officeOptions} /></Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">查询</Button>
          <Button onClick={() => { form.resetFields(); apply({}); }}>重置</Button>
          <ExportButton<CaseSummary> fileName="案件查询" sheetName="案件查询" label="导出Excel" columns={sheet} rows={() => allCases(filter)}
            heading={{ title: '失信案件查询结果', period: filter.from || filter.to ? `${filter.from ? formatDate(filter.from) : '不限'} 至 ${filter.to ? formatDate(filter.to) : '不限'}（登记日期）` : undefined, filters: describeCaseFilter(filter, officeName) }} />
        </Space>
      </Form>
      {isMissingEndpoint(list.error) ? <PendingFeature what="案件列表" /> : <ErrorAlert error={list.error} />}
      <Table<CaseSummary>
        rowKey="caseNo" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: '没有符合条件的案件' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }), showTotal: (n) => `共 ${n} 件` }}
        columns={[
          { title: '案件编号', dataIndex: 'caseNo', render: (v: string) => <Link to={`/cases/${v}`}>{v}</Link> },
          { title: '机构', dataIndex: 'institutionName' },
          { title: '失信行为', dataIndex: 'behaviourCode', ellipsis: true, render: behaviourTitle },
          { title: '阶段', dataIndex: 'stage', render: (s: Stage) => <Tag>{stageLabel(s)}</Tag> },
          { title: '程度', dataIndex: 'severity', render: (s: CaseSummary['severity']) => <Tag color={SEVERITY_COLORS[s]}>{severityLabel(s)}</Tag> },
          { title: '等待', dataIndex: 'waitingFor', ellipsis: true, render: (w: string | null) => w ?? '—' },
          { title: '登记日期', dataIndex: 'registeredAt', render: formatDate },
        ]}
      />
    </>
  );
}
