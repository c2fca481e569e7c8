import { App, Button, Space, Table, Tag } from 'antd';
import { download, get } from '../../api/client';
import { describeError } from '../../api/errors';
import type { CaseDocument } from '../../api/types';
import { formatDate } from '../../lib/dates';
import { openPdf, saveBlob } from '../../lib/files';
import { useAsync } from '../../lib/useAsync';

/** The case's documents (文书): number, date, service; view, print and download them, and export the 案卷. */
export function CaseDocumentsPanel({ caseNo, revision }: { caseNo: string; /** changes when the case moved on */ revision: number }) {
  const { message } = App.useApp();
  const docs = useAsync(() => get<CaseDocument[]>(`/cases/${encodeURIComponent(caseNo)}/documents`), [caseNo, revision]);
  const run = (what: () => Promise<void>) => () => { what().catch((e: unknown) => message.error(describeError(e))); };
  const file = (d: CaseDocument, kind: 'pdf' | 'docx') => download(`/documents/${d.id}/${kind}`)
    .then(({ blob, filename }) => saveBlob(blob, filename ?? `${d.docNo}-${d.title}.${kind}`));
  // the signed PDF opens in a tab of its own, where the browser's PDF viewer prints it
  const print = (d: CaseDocument) => download(`/documents/${d.id}/pdf`).then(({ blob }) => openPdf(blob));
  const caseFile = () => download(`/cases/${encodeURIComponent(caseNo)}/case-file.pdf`)
    .then(({ blob, filename }) => saveBlob(blob, filename ?? `${caseNo}-案卷.pdf`));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={run(caseFile)} data-testid="export-case-file">导出案卷</Button>
      <Table<CaseDocument>
        size="small" pagination={false} rowKey="id" loading={docs.loading} dataSource={docs.data ?? []} data-testid="case-documents"
        columns={[
          { title: '文号', dataIndex: 'docNo' },
          { title: '文书', dataIndex: 'title' },
          { title: '签发', dataIndex: 'issuedOn', render: (d: string | null, r) => (r.status === 'void' ? <Tag>已作废</Tag> : d ? formatDate(d) : r.statusLabel) },
          {
            title: '送达', dataIndex: 'servedOn',
            // opening is the institution's proof of receipt, shown beside the service date it does not change
            render: (d: string | null, r) => (d
              ? <>{`${r.serviceMethodLabel ?? ''} ${formatDate(d)}`}{r.openedAt && <Tag color="green" data-testid="document-opened" style={{ marginLeft: 4 }}>机构已查看</Tag>}</>
              : r.status === 'issued' ? <Tag color="orange">待送达</Tag> : ''),
          },
          {
            title: '操作', key: 'actions',
            render: (_: unknown, r) => r.status === 'issued' && (
              <Space size={0}>
                <Button type="link" size="small" onClick={run(() => file(r, 'pdf'))}>下载PDF</Button>
                <Button type="link" size="small" onClick={run(() => file(r, 'docx'))}>Word</Button>
                <Button type="link" size="small" onClick={run(() => print(r))}>打印</Button>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
