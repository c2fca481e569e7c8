import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space } from 'antd';
import { useState } from 'react';
import { exportSheet, type SheetColumn } from '../lib/excel';

/** “导出 Excel” with a progress bar while the workbook is built. */
export function ExportButton<T>({ fileName, sheetName, columns, rows }: { fileName: string; sheetName: string; columns: SheetColumn<T>[]; rows: T[] }) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const run = async () => {
    setProgress(0);
    try {
      await exportSheet(fileName, sheetName, columns, rows, setProgress);
      message.success(`已导出 ${rows.length} 行`);
    } catch {
      message.error('导出没有成功，请重试');
    } finally {
      setTimeout(() => setProgress(null), 800);
    }
  };
  return (
    <Space>
      <Button size="small" icon={<DownloadOutlined />} onClick={run} disabled={progress !== null} data-testid={`export-${sheetName}`}>导出 Excel</Button>
      {progress !== null && <Progress percent={progress} size="small" style={{ width: 120 }} />}
    </Space>
  );
}
