import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, get, upload } from '../../api/client';
import { describeError } from '../../api/errors';
import type { ImportJob, ImportReport } from '../../api/types';

const POLL_MS = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Follows an import the worker runs until it ends; `onProgress` gets the share of rows done (0–100). */
async function untilFinished(job: ImportJob, onProgress: (percent: number) => void): Promise<ImportReport> {
  for (let j = job; ; j = await get<ImportJob>(`/institutions/import/${j.id}`)) {
    if (j.status === 'done' && j.report) return j.report;
    // a refused file ends with the reason in Chinese, shown like any other refusal
    if (j.status === 'failed') throw new ApiError(422, j.error?.code ?? 'IMPORT_FAILED', j.error?.message ?? '导入失败');
    if (j.total) onProgress(Math.round((j.processed / j.total) * 100));
    await sleep(POLL_MS);
  }
}

/** Bulk import (.xlsx/.csv ≤5MB): upload progress, then the worker's progress, then the per-row report. */
export function ImportButton({ onDone }: { onDone: () => void }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (file: File) => {
    setError(null);
    setProgress(0);
    try {
      // the upload is the first fifth of the bar; the rows the worker creates are the rest
      const job = await upload<ImportJob>('/institutions/import', file, (p) => setProgress(Math.round(p / 5)));
      const r = await untilFinished(job, (p) => setProgress(20 + Math.round(p * 0.8)));
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
