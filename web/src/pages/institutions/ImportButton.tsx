import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Table, Upload } from 'antd';
import { useState } from 'react';
import { upload } from '../../api/client';
import { describeError } from '../../api/errors';
import type { ImportReport } from '../../api/types';

/** Bulk import (.xlsx/.csv ≤5MB) with upload progress, then the per-row report. */
export function ImportButton({ onDone }: { onDone: () => void }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (file: File) => {
    setError(null);
    setProgress(0);
    try {
      const r = await upload<ImportReport>('/institutions/import', file, (p) => setProgress(Math.min(p, 95)));
      setProgress(100);
      setReport(r);
      onDone();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setTimeout(() => setProgress(null), 600);
    }
  };
  return (
    <>
      <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => { void run(f); return false; }}>
        <Button icon={<UploadOutlined />} loading={progress !== null}>批量导入</Button>
      </Upload>
      {progress !== null && <Progress percent={progress} status="active" style={{ width: 200, marginLeft: 8 }} />}
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} style={{ marginTop: 8 }} />}
      <Modal open={!!report} title="导入结果" onCancel={() => setReport(null)} footer={null} width={720}>
        {report && (
          <>
            <p>共 {report.total} 行，成功 {report.created} 行，失败 {report.failed} 行。</p>
            <Table size="small" rowKey="row" pagination={{ pageSize: 8 }} dataSource={report.rows.filter((r) => r.status === 'failed')}
              locale={{ emptyText: '全部导入成功' }}
              columns={[{ title: '行号', dataIndex: 'row', width: 70 }, { title: '统一社会信用代码', dataIndex: 'uscc' }, { title: '原因', dataIndex: 'message' }]} />
          </>
        )}
      </Modal>
    </>
  );
}
