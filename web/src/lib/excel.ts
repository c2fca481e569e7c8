import { formatDateTime } from './dates';
import { saveBlob } from './files';

/** A column of an exported sheet: header text and how to read the cell from a row. */
export interface SheetColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  width?: number;
}

/**
 * What a printed or forwarded sheet must say about itself (issue #22): its title, the period it covers, the filters it
 * was cut with and when it was exported; a table without them cannot be quoted in a report.
 */
export interface SheetHeading {
  title: string;
  period?: string;
  filters?: string;
}

/** The rows above the table: title, 统计期间, 筛选条件, 导出时间 (Beijing time), then a blank row. */
export function headingRows(h: SheetHeading, now = new Date()): string[] {
  return [h.title, `统计期间：${h.period || '全部'}`, `筛选条件：${h.filters || '无'}`, `导出时间：${formatDateTime(now.toISOString())}`];
}

/**
 * Builds an .xlsx in the browser with exceljs (loaded only when someone exports).
 * `onProgress` gets 0–100 while rows are written, so a long table shows progress instead of freezing.
 */
export async function buildWorkbook<T>(sheetName: string, columns: SheetColumn<T>[], rows: T[], heading?: SheetHeading, onProgress?: (p: number) => void) {
  onProgress?.(5);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '教育信用监管系统';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName);
  ws.columns = columns.map((c) => ({ width: c.width ?? Math.max(10, c.header.length * 2 + 4) }));
  if (heading) {
    const lines = headingRows(heading);
    lines.forEach((line) => ws.addRow([line]));
    ws.getRow(1).font = { bold: true, size: 14 };
    if (columns.length > 1) lines.forEach((_, i) => ws.mergeCells(i + 1, 1, i + 1, columns.length));
    ws.addRow([]);
  }
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (let i = 0; i < rows.length; i++) {
    ws.addRow(columns.map((c) => c.value(rows[i]) ?? ''));
    if (i % 200 === 199) {
      onProgress?.(10 + Math.round((i / rows.length) * 80));
      await new Promise((r) => setTimeout(r, 0)); // let the progress bar paint
    }
  }
  return wb;
}

/** Builds the workbook and downloads it. */
export async function exportSheet<T>(fileName: string, sheetName: string, columns: SheetColumn<T>[], rows: T[], onProgress?: (p: number) => void, heading?: SheetHeading): Promise<void> {
  const wb = await buildWorkbook(sheetName, columns, rows, heading, onProgress);
  onProgress?.(92);
  const buffer = await wb.xlsx.writeBuffer();
  saveBlob(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`);
  onProgress?.(100);
}
