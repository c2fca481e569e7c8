import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space } from 'antd';
import { useState } from 'react';
import { exportSheet, type SheetColumn, type SheetHeading } from '../lib/excel';

/**
 * “导出 Excel” with a progress bar while the workbook is built. `rows` may be a loader (every page of a list, not just
 * the one on screen); `heading` puts the title, period, filters and export time above the table.
 */
export function ExportButton<T>({ fileName, sheetName, columns, rows, heading, label = '导出 Excel' }: {
  fileName: string; sheetName: string; columns: SheetColumn<T>[]; rows: T[] | (() => Promise<T[]>); heading?: SheetHeading; label?: string;
}) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const run = async () => {
    setProgress(0);
    try {
      const all = typeof rows === 'function' ? await rows() : rows;
      await exportSheet(fileName, sheetName, columns, all, setProgress, heading ?? { title: sheetName });
      message.success(`已导出 ${all.length} 行`);
    } catch {
      message.error('导出没有成功，请重试');
    } finally {
      setTimeout(() => setProgress(null), 800);
    }
  };
  return (
    <Space>
      <Button size="small" icon={<DownloadOutlined />} onClick={run} disabled={progress !== null} data-testid={`export-${sheetName}`}>{label}</Button>
      {progress !== null && <Progress percent={progress} size="small" style={{ width: 120 }} />}
    </Space>
  );
}
